/*
 * Replays, against Wine's crypt32, rsaenh and service control manager, the call sequences certaudit's JNA layer
 * (JnaWindowsCertificateApi) makes, and prints every answer as raw bytes: the memory a call returned or filled,
 * with each pointer in it rewritten as "block + offset" so the bytes can be placed at any address again. It also
 * prints what it read from those answers through the real header structures ("expect" lines), which the Java
 * tests compare with what the Java structures read from the same bytes.
 *
 * Usage (under wine64, in a throw-away prefix): record_answers.exe service.pfx renewed.der odd.der
 *     intermediate.der root.der > answers.txt
 * The first part sets the scene (imports certificates, sets properties, creates a service); only the second
 * part is recorded, and it opens everything read-only, as the audit does.
 */
#define UNICODE 1
#define _UNICODE 1
#include <windows.h>
#include <wincrypt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stddef.h>

#define LM CERT_SYSTEM_STORE_LOCAL_MACHINE
#define CU CERT_SYSTEM_STORE_CURRENT_USER
#define SERVICE_NAME L"certaudit-sample"

static int next_block = 1;

static void hex(const void *data, size_t size)
{
    const unsigned char *bytes = data;
    if (size == 0) {
        printf("-");
    }
    for (size_t i = 0; i < size; i++) {
        printf("%02x", bytes[i]);
    }
}

/* A NUL-terminated wide string as the hex of its UTF-16LE code units, or "-" for NULL. */
static void whex(const WCHAR *text)
{
    if (text == NULL) {
        printf("-");
        return;
    }
    hex(text, wcslen(text) * sizeof(WCHAR));
}

static void fail(const char *what)
{
    fprintf(stderr, "%s failed: 0x%08lx\n", what, (unsigned long) GetLastError());
    exit(1);
}

static BYTE *read_file(const char *path, DWORD *size)
{
    FILE *file = fopen(path, "rb");
    if (file == NULL) {
        fprintf(stderr, "cannot read %s\n", path);
        exit(1);
    }
    static BYTE buffer[65536];
    *size = (DWORD) fread(buffer, 1, sizeof buffer, file);
    fclose(file);
    BYTE *copy = malloc(*size);
    memcpy(copy, buffer, *size);
    return copy;
}

/*
 * A pointer member of a block being dumped: where it is, and the block (and offset in it) it points to. A
 * target of 0 marks memory the audit never reads (an opaque, non-NULL pointer); NULL stays zero.
 */
typedef struct { size_t offset; int target; size_t target_offset; } Slot;

/* Prints a block: its bytes with every listed pointer zeroed, then one line per pointer. Returns its id. */
static int dump(const void *data, size_t size, const Slot *slots, int count)
{
    int id = next_block++;
    unsigned char *copy = malloc(size ? size : 1);
    memcpy(copy, data, size);
    for (int i = 0; i < count; i++) {
        memset(copy + slots[i].offset, 0, sizeof(void *));
    }
    printf("block %d ", id);
    hex(copy, size);
    printf("\n");
    for (int i = 0; i < count; i++) {
        const void *value;
        memcpy(&value, (const unsigned char *) data + slots[i].offset, sizeof value);
        if (value == NULL) {
            continue;
        }
        if (slots[i].target == 0) {
            printf("opaque %d %u\n", id, (unsigned) slots[i].offset);
        } else {
            printf("pointer %d %u %d %u\n", id, (unsigned) slots[i].offset, slots[i].target,
                   (unsigned) slots[i].target_offset);
        }
    }
    free(copy);
    return id;
}

/*
 * A buffer a function filled (a property, a service configuration) whose pointers point into the buffer itself:
 * each listed pointer becomes an offset into the same block.
 */
static int dump_self_relative(const BYTE *buffer, DWORD size, const size_t *pointers, int count)
{
    int id = next_block;
    Slot slots[16];
    for (int i = 0; i < count; i++) {
        const BYTE *value;
        memcpy(&value, buffer + pointers[i], sizeof value);
        slots[i].offset = pointers[i];
        if (value >= buffer && value < buffer + size) {
            slots[i].target = id;
            slots[i].target_offset = (size_t) (value - buffer);
        } else {
            slots[i].target = 0;
            slots[i].target_offset = 0;
        }
    }
    return dump(buffer, size, slots, count);
}

static void sha1(PCCERT_CONTEXT context, char *out)
{
    BYTE hash[20];
    DWORD size = sizeof hash;
    if (!CertGetCertificateContextProperty(context, CERT_SHA1_HASH_PROP_ID, hash, &size)) {
        fail("CertGetCertificateContextProperty(SHA1)");
    }
    for (int i = 0; i < 20; i++) {
        sprintf(out + 2 * i, "%02x", hash[i]);
    }
}

/* A certificate context: the CERT_CONTEXT and its encoding; the CERT_INFO and store handle stay opaque. */
static int dump_context(PCCERT_CONTEXT context)
{
    int encoded = dump(context->pbCertEncoded, context->cbCertEncoded, NULL, 0);
    Slot slots[] = {
        {offsetof(CERT_CONTEXT, pbCertEncoded), encoded, 0},
        {offsetof(CERT_CONTEXT, pCertInfo), 0, 0},
        {offsetof(CERT_CONTEXT, hCertStore), 0, 0},
    };
    return dump(context, sizeof *context, slots, 3);
}

/* What Wine's own decoder makes of a store EKU property: CertGetEnhancedKeyUsage on the property alone. */
static void record_usage(PCCERT_CONTEXT context, const char *thumbprint)
{
    DWORD size = 0;
    CERT_ENHKEY_USAGE *usage = NULL;
    BOOL ok = CertGetEnhancedKeyUsage(context, CERT_FIND_PROP_ONLY_ENHKEY_USAGE_FLAG, NULL, &size);
    if (ok) {
        usage = calloc(1, size);
        ok = CertGetEnhancedKeyUsage(context, CERT_FIND_PROP_ONLY_ENHKEY_USAGE_FLAG, usage, &size);
    }
    printf("expect-eku-usage %s %d %08lx", thumbprint, ok, (unsigned long) (ok ? 0 : GetLastError()));
    if (ok) {
        printf(" %lu", (unsigned long) usage->cUsageIdentifier);
        for (DWORD i = 0; i < usage->cUsageIdentifier; i++) {
            printf(" %s", usage->rgpszUsageIdentifier[i]);
        }
    }
    printf("\n");
    free(usage);
}

/* JnaWindowsCertificateApi.property: the size, then the value into a buffer of that size. */
static void record_property(PCCERT_CONTEXT context, const char *thumbprint, DWORD property)
{
    DWORD size = 0;
    BOOL ok = CertGetCertificateContextProperty(context, property, NULL, &size);
    printf("property %s %lu size %d %lu %08lx\n", thumbprint, (unsigned long) property, ok, (unsigned long) size,
           (unsigned long) (ok ? 0 : GetLastError()));
    if (!ok || size == 0) {
        return;
    }
    BYTE *buffer = calloc(1, size);
    ok = CertGetCertificateContextProperty(context, property, buffer, &size);
    DWORD error = ok ? 0 : GetLastError();
    int block = 0;
    if (ok && property == CERT_KEY_PROV_INFO_PROP_ID) {
        size_t pointers[] = {offsetof(CRYPT_KEY_PROV_INFO, pwszContainerName),
                             offsetof(CRYPT_KEY_PROV_INFO, pwszProvName),
                             offsetof(CRYPT_KEY_PROV_INFO, rgProvParam)};
        block = dump_self_relative(buffer, size, pointers, 3);
        CRYPT_KEY_PROV_INFO *info = (CRYPT_KEY_PROV_INFO *) buffer;
        printf("expect-keyprov %s ", thumbprint);
        whex(info->pwszContainerName);
        printf(" ");
        whex(info->pwszProvName);
        printf(" %lu %08lx %08lx\n", (unsigned long) info->dwProvType, (unsigned long) info->dwFlags,
               (unsigned long) info->dwKeySpec);
    } else if (ok) {
        block = dump(buffer, size, NULL, 0);
        if (property == CERT_FRIENDLY_NAME_PROP_ID) {
            /* Exactly the bytes stored: a name set without its NUL comes back without it. */
            printf("expect-friendly %s ", thumbprint);
            hex(buffer, size);
            printf("\n");
        }
        if (property == CERT_ENHKEY_USAGE_PROP_ID) {
            /* The encoded CERT_ENHKEY_USAGE, as stored. */
            printf("expect-eku %s ", thumbprint);
            hex(buffer, size);
            printf("\n");
            record_usage(context, thumbprint);
        }
    }
    printf("property %s %lu read %d %lu %08lx %d\n", thumbprint, (unsigned long) property, ok,
           (unsigned long) size, (unsigned long) error, block);
    free(buffer);
}

/* JnaWindowsCertificateApi.buildChain: the machine engine, no network, no usage, at the current time. */
static void record_chain(PCCERT_CONTEXT context, const char *thumbprint)
{
    CERT_CHAIN_PARA para;
    memset(&para, 0, sizeof para);
    para.cbSize = sizeof para;
    PCCERT_CHAIN_CONTEXT chain = NULL;
    DWORD flags = CERT_CHAIN_DISABLE_AIA | CERT_CHAIN_DISABLE_AUTH_ROOT_AUTO_UPDATE
                  | CERT_CHAIN_CACHE_ONLY_URL_RETRIEVAL;
    BOOL ok = CertGetCertificateChain(HCCE_LOCAL_MACHINE, context, NULL, NULL, &para, flags, NULL, &chain);
    DWORD error = ok ? 0 : GetLastError();
    if (!ok) {
        printf("chain %s %d %08lx 0\n", thumbprint, ok, (unsigned long) error);
        return;
    }
    int simple_ids[8];
    for (DWORD i = 0; i < chain->cChain && i < 8; i++) {
        PCERT_SIMPLE_CHAIN simple = chain->rgpChain[i];
        int element_ids[16];
        for (DWORD j = 0; j < simple->cElement && j < 16; j++) {
            PCERT_CHAIN_ELEMENT element = simple->rgpElement[j];
            int certificate = dump_context(element->pCertContext);
            Slot slots[] = {
                {offsetof(CERT_CHAIN_ELEMENT, pCertContext), certificate, 0},
                {offsetof(CERT_CHAIN_ELEMENT, pRevocationInfo), 0, 0},
                {offsetof(CERT_CHAIN_ELEMENT, pIssuanceUsage), 0, 0},
                {offsetof(CERT_CHAIN_ELEMENT, pApplicationUsage), 0, 0},
                {offsetof(CERT_CHAIN_ELEMENT, pwszExtendedErrorInfo), 0, 0},
            };
            element_ids[j] = dump(element, sizeof *element, slots, 5);
            char element_sha1[41];
            sha1(element->pCertContext, element_sha1);
            printf("expect-chain-element %s %lu %s %08lx %08lx\n", thumbprint, (unsigned long) j, element_sha1,
                   (unsigned long) element->TrustStatus.dwErrorStatus,
                   (unsigned long) element->TrustStatus.dwInfoStatus);
        }
        Slot array_slots[16];
        for (DWORD j = 0; j < simple->cElement && j < 16; j++) {
            array_slots[j].offset = j * sizeof(void *);
            array_slots[j].target = element_ids[j];
            array_slots[j].target_offset = 0;
        }
        int elements = dump(simple->rgpElement, simple->cElement * sizeof(void *), array_slots, (int) simple->cElement);
        Slot slots[] = {
            {offsetof(CERT_SIMPLE_CHAIN, rgpElement), elements, 0},
            {offsetof(CERT_SIMPLE_CHAIN, pTrustListInfo), 0, 0},
        };
        simple_ids[i] = dump(simple, simple->cbSize < sizeof *simple ? simple->cbSize : sizeof *simple, slots, 2);
    }
    Slot array_slots[8];
    for (DWORD i = 0; i < chain->cChain && i < 8; i++) {
        array_slots[i].offset = i * sizeof(void *);
        array_slots[i].target = simple_ids[i];
        array_slots[i].target_offset = 0;
    }
    int simples = dump(chain->rgpChain, chain->cChain * sizeof(void *), array_slots, (int) chain->cChain);
    Slot slots[] = {
        {offsetof(CERT_CHAIN_CONTEXT, rgpChain), simples, 0},
        {offsetof(CERT_CHAIN_CONTEXT, rgpLowerQualityChainContext), 0, 0},
    };
    int head = dump(chain, chain->cbSize < sizeof *chain ? chain->cbSize : sizeof *chain, slots, 2);
    printf("expect-chain %s %08lx %08lx %lu\n", thumbprint, (unsigned long) chain->TrustStatus.dwErrorStatus,
           (unsigned long) chain->TrustStatus.dwInfoStatus, (unsigned long) chain->cChain);
    printf("chain %s %d %08lx %d\n", thumbprint, ok, (unsigned long) error, head);
    CertFreeCertificateChain(chain);
}

/* JnaWindowsCertificateApi.openPrivateKey: silent, CNG allowed, no caching. */
static void record_private_key(PCCERT_CONTEXT context, const char *thumbprint)
{
    HCRYPTPROV_OR_NCRYPT_KEY_HANDLE key = 0;
    DWORD spec = 0;
    BOOL must_free = FALSE;
    BOOL ok = CryptAcquireCertificatePrivateKey(context, CRYPT_ACQUIRE_SILENT_FLAG | CRYPT_ACQUIRE_ALLOW_NCRYPT_KEY_FLAG,
                                                NULL, &key, &spec, &must_free);
    printf("acquire-key %s %d %08lx %d %08lx\n", thumbprint, ok, (unsigned long) spec, must_free,
           (unsigned long) (ok ? 0 : GetLastError()));
    if (ok && must_free && spec != CERT_NCRYPT_KEY_SPEC) {
        CryptReleaseContext(key, 0);
    }
}

/* JnaWindowsCertificateApi.capiUniqueContainer: the container's file name, asked of its CSP. */
static void record_unique_container(const CRYPT_KEY_PROV_INFO *info)
{
    HCRYPTPROV provider = 0;
    DWORD flags = CRYPT_SILENT | (info->dwFlags & CRYPT_MACHINE_KEYSET);
    printf("unique-container ");
    whex(info->pwszContainerName);
    printf(" ");
    whex(info->pwszProvName);
    printf(" %lu %08lx ", (unsigned long) info->dwProvType, (unsigned long) flags);
    if (!CryptAcquireContextW(&provider, info->pwszContainerName, info->pwszProvName, info->dwProvType, flags)) {
        printf("acquire 0 %08lx\n", (unsigned long) GetLastError());
        return;
    }
    DWORD size = 0;
    BOOL ok = CryptGetProvParam(provider, PP_UNIQUE_CONTAINER, NULL, &size, 0);
    if (!ok) {
        printf("size 0 %08lx\n", (unsigned long) GetLastError());
    } else {
        BYTE *name = calloc(1, size + 1);
        ok = CryptGetProvParam(provider, PP_UNIQUE_CONTAINER, name, &size, 0);
        if (ok) {
            printf("read 1 %lu %d\n", (unsigned long) size, dump(name, size, NULL, 0));
            printf("expect-unique-container %s\n", (char *) name);
        } else {
            printf("read 0 %08lx\n", (unsigned long) GetLastError());
        }
        free(name);
    }
    CryptReleaseContext(provider, 0);
}

static void record_store(DWORD location, const char *location_name, BOOL logical, const WCHAR *name,
                         BOOL with_keys)
{
    const char *provider_name = logical ? "system" : "registry";
    LPCSTR provider = logical ? CERT_STORE_PROV_SYSTEM_W : CERT_STORE_PROV_SYSTEM_REGISTRY_W;
    HCERTSTORE store = CertOpenStore(provider, 0, 0,
                                     location | CERT_STORE_OPEN_EXISTING_FLAG | CERT_STORE_READONLY_FLAG, name);
    printf("open %s %s ", location_name, provider_name);
    whex(name);
    printf(" %d %08lx\n", store != NULL, (unsigned long) (store ? 0 : GetLastError()));
    if (store == NULL) {
        return;
    }
    PCCERT_CONTEXT context = NULL;
    while ((context = CertEnumCertificatesInStore(store, context)) != NULL) {
        char thumbprint[41];
        sha1(context, thumbprint);
        int block = dump_context(context);
        printf("enum %s %s ", location_name, provider_name);
        whex(name);
        printf(" %d %s\n", block, thumbprint);
        printf("expect-entry %s %lu\n", thumbprint, (unsigned long) context->cbCertEncoded);
        record_property(context, thumbprint, CERT_FRIENDLY_NAME_PROP_ID);
        record_property(context, thumbprint, CERT_KEY_PROV_INFO_PROP_ID);
        record_property(context, thumbprint, CERT_ENHKEY_USAGE_PROP_ID);
        if (with_keys) {
            record_private_key(context, thumbprint);
            record_chain(context, thumbprint);
            DWORD size = 0;
            if (CertGetCertificateContextProperty(context, CERT_KEY_PROV_INFO_PROP_ID, NULL, &size)) {
                CRYPT_KEY_PROV_INFO *info = calloc(1, size);
                if (CertGetCertificateContextProperty(context, CERT_KEY_PROV_INFO_PROP_ID, info, &size)
                    && info->dwProvType != 0) {
                    record_unique_container(info);
                }
                free(info);
            }
        }
    }
    printf("enum-end %s %s ", location_name, provider_name);
    whex(name);
    printf(" %08lx\n", (unsigned long) GetLastError());
    CertCloseStore(store, 0);
}

/* JnaWindowsCertificateApi.serviceConfig: QueryServiceConfigW twice, then the service SID type. */
static void record_service(const WCHAR *name)
{
    SC_HANDLE manager = OpenSCManagerW(NULL, NULL, SC_MANAGER_CONNECT);
    if (manager == NULL) {
        fail("OpenSCManagerW");
    }
    SC_HANDLE service = OpenServiceW(manager, name, SERVICE_QUERY_CONFIG);
    printf("service ");
    whex(name);
    printf(" open %d %08lx\n", service != NULL, (unsigned long) (service ? 0 : GetLastError()));
    if (service != NULL) {
        DWORD needed = 0;
        BOOL ok = QueryServiceConfigW(service, NULL, 0, &needed);
        printf("service ");
        whex(name);
        printf(" config-size %d %lu %08lx\n", ok, (unsigned long) needed, (unsigned long) (ok ? 0 : GetLastError()));
        BYTE *buffer = calloc(1, needed);
        DWORD size = needed;
        ok = QueryServiceConfigW(service, (QUERY_SERVICE_CONFIGW *) buffer, size, &needed);
        DWORD error = ok ? 0 : GetLastError();
        int block = 0;
        if (ok) {
            size_t pointers[] = {offsetof(QUERY_SERVICE_CONFIGW, lpBinaryPathName),
                                 offsetof(QUERY_SERVICE_CONFIGW, lpLoadOrderGroup),
                                 offsetof(QUERY_SERVICE_CONFIGW, lpDependencies),
                                 offsetof(QUERY_SERVICE_CONFIGW, lpServiceStartName),
                                 offsetof(QUERY_SERVICE_CONFIGW, lpDisplayName)};
            block = dump_self_relative(buffer, size, pointers, 5);
            QUERY_SERVICE_CONFIGW *config = (QUERY_SERVICE_CONFIGW *) buffer;
            printf("expect-service ");
            whex(name);
            printf(" ");
            whex(config->lpServiceStartName);
            printf(" ");
            whex(config->lpDisplayName);
            printf("\n");
        }
        printf("service ");
        whex(name);
        printf(" config %d %lu %08lx %d\n", ok, (unsigned long) needed, (unsigned long) error, block);
        free(buffer);

        needed = 0;
        ok = QueryServiceConfig2W(service, SERVICE_CONFIG_SERVICE_SID_INFO, NULL, 0, &needed);
        printf("service ");
        whex(name);
        printf(" sid-info-size %d %lu %08lx\n", ok, (unsigned long) needed, (unsigned long) (ok ? 0 : GetLastError()));
        if (needed > 0) {
            buffer = calloc(1, needed);
            size = needed;
            ok = QueryServiceConfig2W(service, SERVICE_CONFIG_SERVICE_SID_INFO, buffer, size, &needed);
            error = ok ? 0 : GetLastError();
            block = ok ? dump(buffer, size, NULL, 0) : 0;
            if (ok) {
                printf("expect-sid-type ");
                whex(name);
                printf(" %lu\n", (unsigned long) ((SERVICE_SID_INFO *) buffer)->dwServiceSidType);
            }
            printf("service ");
            whex(name);
            printf(" sid-info %d %lu %08lx %d\n", ok, (unsigned long) needed, (unsigned long) error, block);
            free(buffer);
        }
        CloseServiceHandle(service);
    }
    CloseServiceHandle(manager);
}

/* ----------------------------------------------------------------------------------------------------------- */
/* Setting the scene.                                                                                           */
/* ----------------------------------------------------------------------------------------------------------- */

static HCERTSTORE open_writable(const WCHAR *name)
{
    HCERTSTORE store = CertOpenStore(CERT_STORE_PROV_SYSTEM_W, 0, 0, LM, name);
    if (store == NULL) {
        fail("CertOpenStore (setup)");
    }
    return store;
}

static PCCERT_CONTEXT add_der(HCERTSTORE store, const char *path)
{
    DWORD size;
    BYTE *der = read_file(path, &size);
    PCCERT_CONTEXT context = NULL;
    if (!CertAddEncodedCertificateToStore(store, X509_ASN_ENCODING, der, size, CERT_STORE_ADD_REPLACE_EXISTING,
                                          &context)) {
        fail("CertAddEncodedCertificateToStore");
    }
    free(der);
    return context;
}

static void set_blob(PCCERT_CONTEXT context, DWORD property, const void *data, DWORD size)
{
    CRYPT_DATA_BLOB blob = {size, (BYTE *) data};
    if (!CertSetCertificateContextProperty(context, property, 0, &blob)) {
        fail("CertSetCertificateContextProperty");
    }
}

static void set_key_provider(PCCERT_CONTEXT context, WCHAR *container, WCHAR *provider, DWORD type, DWORD flags,
                             DWORD spec)
{
    CRYPT_KEY_PROV_INFO info;
    memset(&info, 0, sizeof info);
    info.pwszContainerName = container;
    info.pwszProvName = provider;
    info.dwProvType = type;
    info.dwFlags = flags;
    info.dwKeySpec = spec;
    if (!CertSetCertificateContextProperty(context, CERT_KEY_PROV_INFO_PROP_ID, 0, &info)) {
        fail("CertSetCertificateContextProperty(KEY_PROV_INFO)");
    }
}

static void set_scene(char **argv)
{
    HCERTSTORE my = open_writable(L"MY");
    HCERTSTORE ca = open_writable(L"CA");
    HCERTSTORE root = open_writable(L"Root");
    HCERTSTORE odd = open_writable(L"certaudit-odd");

    /* A certificate with its key, imported from PKCS#12 into the machine key set: Wine's rsaenh holds the key
     * and Wine's crypt32 writes the key provider info. */
    DWORD size;
    BYTE *pfx_bytes = read_file(argv[1], &size);
    CRYPT_DATA_BLOB pfx = {size, pfx_bytes};
    HCERTSTORE imported = PFXImportCertStore(&pfx, L"", CRYPT_MACHINE_KEYSET);
    if (imported == NULL) {
        fail("PFXImportCertStore");
    }
    PCCERT_CONTEXT service = CertEnumCertificatesInStore(imported, NULL);
    if (service == NULL) {
        fail("CertEnumCertificatesInStore (PKCS#12)");
    }
    const WCHAR service_name[] = L"service.certaudit.example";
    set_blob(service, CERT_FRIENDLY_NAME_PROP_ID, service_name, sizeof service_name);
    if (!CertAddCertificateContextToStore(my, service, CERT_STORE_ADD_REPLACE_EXISTING, NULL)) {
        fail("CertAddCertificateContextToStore");
    }

    /* A certificate whose key provider info names a machine container that does not exist. */
    PCCERT_CONTEXT renewed = add_der(my, argv[2]);
    const WCHAR renewed_name[] = L"renewed \x2013 \x00fc\x00f1\x00ef\x00e7\x00f6" L"d\x00e9";
    set_blob(renewed, CERT_FRIENDLY_NAME_PROP_ID, renewed_name, sizeof renewed_name);
    set_key_provider(renewed, L"certaudit-missing-container", MS_ENHANCED_PROV_W, PROV_RSA_FULL,
                     CRYPT_MACHINE_KEYSET, AT_KEYEXCHANGE);

    /* Odd property values: a friendly name stored without its terminating NUL, a CNG key provider info. */
    PCCERT_CONTEXT odd_context = add_der(odd, argv[3]);
    const WCHAR odd_name[] = L"no terminating NUL";
    set_blob(odd_context, CERT_FRIENDLY_NAME_PROP_ID, odd_name, sizeof odd_name - sizeof(WCHAR));
    set_key_provider(odd_context, L"certaudit-cng-key", L"Microsoft Software Key Storage Provider", 0,
                     CRYPT_MACHINE_KEYSET, CERT_NCRYPT_KEY_SPEC);

    /* Store EKU properties: the renewed certificate restricted to Secure Email and Code Signing, as certlm.msc
     * writes it (CertSetEnhancedKeyUsage); the odd one allowed no purpose at all (an empty CERT_ENHKEY_USAGE);
     * the intermediate with bytes that are not a CERT_ENHKEY_USAGE (a SEQUENCE holding an INTEGER). */
    LPSTR purposes[] = {szOID_PKIX_KP_EMAIL_PROTECTION, szOID_PKIX_KP_CODE_SIGNING};
    CERT_ENHKEY_USAGE restricted = {2, purposes};
    if (!CertSetEnhancedKeyUsage(renewed, &restricted)) {
        fail("CertSetEnhancedKeyUsage (restricted)");
    }
    CERT_ENHKEY_USAGE none = {0, NULL};
    if (!CertSetEnhancedKeyUsage(odd_context, &none)) {
        fail("CertSetEnhancedKeyUsage (none)");
    }
    PCCERT_CONTEXT intermediate = add_der(ca, argv[4]);
    static const BYTE not_usage[] = {0x30, 0x03, 0x02, 0x01, 0x05};
    set_blob(intermediate, CERT_ENHKEY_USAGE_PROP_ID, not_usage, sizeof not_usage);
    CertFreeCertificateContext(intermediate);
    CertFreeCertificateContext(add_der(root, argv[5]));
    CertFreeCertificateContext(service);
    CertFreeCertificateContext(renewed);
    CertFreeCertificateContext(odd_context);
    CertCloseStore(imported, 0);
    CertCloseStore(my, 0);
    CertCloseStore(ca, 0);
    CertCloseStore(root, 0);
    CertCloseStore(odd, 0);

    SC_HANDLE manager = OpenSCManagerW(NULL, NULL, SC_MANAGER_ALL_ACCESS);
    if (manager == NULL) {
        fail("OpenSCManagerW (setup)");
    }
    SC_HANDLE created = CreateServiceW(manager, SERVICE_NAME, L"certaudit sample service \x2013 BEMS",
                                       SERVICE_QUERY_CONFIG, SERVICE_WIN32_OWN_PROCESS, SERVICE_DEMAND_START,
                                       SERVICE_ERROR_NORMAL, L"C:\\certaudit\\sample-service.exe", NULL, NULL,
                                       L"RpcSs\0", L"NT AUTHORITY\\NetworkService", L"");
    if (created == NULL) {
        fail("CreateServiceW");
    }
    CloseServiceHandle(created);
    CloseServiceHandle(manager);
}

int main(int argc, char **argv)
{
    if (argc != 6) {
        fprintf(stderr, "usage: record_answers service.pfx renewed.der odd.der intermediate.der root.der\n");
        return 2;
    }
    set_scene(argv);

    typedef const char *(CDECL *wine_get_version_t)(void);
    wine_get_version_t wine_get_version =
        (wine_get_version_t) (void *) GetProcAddress(GetModuleHandleA("ntdll.dll"), "wine_get_version");
    printf("recording certaudit-wine-answers 1\n");
    printf("wine %s\n", wine_get_version ? wine_get_version() : "unknown");
    printf("pointer-size %u\n", (unsigned) sizeof(void *));
    record_store(LM, "LocalMachine", TRUE, L"MY", TRUE);
    record_store(LM, "LocalMachine", FALSE, L"MY", FALSE);
    record_store(LM, "LocalMachine", TRUE, L"CA", FALSE);
    record_store(LM, "LocalMachine", TRUE, L"certaudit-odd", FALSE);
    record_store(LM, "LocalMachine", TRUE, L"certaudit-absent", FALSE);
    record_service(SERVICE_NAME);
    record_service(L"certaudit-absent");
    return 0;
}
