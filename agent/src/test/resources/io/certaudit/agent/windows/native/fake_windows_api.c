/*
 * A native stand-in for the Windows DLLs, for Linux: it exports the functions certaudit binds (crypt32,
 * advapi32, ncrypt, authz, kernel32) with the same parameter lists, so the project's JNA interfaces can be
 * loaded against it and JNA's real marshalling exercised: argument order and values, structures passed by
 * reference, by-reference out-parameters, strings. Each call is logged (fake_log) with the arguments as this
 * side received them; every handle it hands out is counted until freed (fake_open_handles).
 *
 * Layouts: the structures below use only 32-bit DWORDs and pointers, whose System V x86-64 layout is the
 * Windows x64 one. Strings the API returns are UTF-16 (WCHAR), as Windows returns them. Strings JNA passes in
 * (LPCWSTR, as WString) arrive as this platform's wchar_t, which is 32-bit on Linux and 16-bit on Windows:
 * this file can check that JNA passes the text, not the UTF-16 encoding Windows receives.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uchar.h>
#include <wchar.h>

typedef uint32_t DWORD;
typedef int32_t BOOL;
typedef uintptr_t ULONG_PTR;
typedef char16_t WCHAR;

typedef struct { DWORD dwCertEncodingType; unsigned char *pbCertEncoded; DWORD cbCertEncoded; void *pCertInfo;
                 void *hCertStore; } CERT_CONTEXT;
typedef struct { DWORD cbData; unsigned char *pbData; } CRYPT_DATA_BLOB;
typedef struct { WCHAR *pwszContainerName; WCHAR *pwszProvName; DWORD dwProvType; DWORD dwFlags; DWORD cProvParam;
                 void *rgProvParam; DWORD dwKeySpec; } CRYPT_KEY_PROV_INFO;
typedef struct { DWORD dwErrorStatus; DWORD dwInfoStatus; } CERT_TRUST_STATUS;
typedef struct { DWORD cbSize; const CERT_CONTEXT *pCertContext; CERT_TRUST_STATUS TrustStatus;
                 void *pRevocationInfo; void *pIssuanceUsage; void *pApplicationUsage;
                 const WCHAR *pwszExtendedErrorInfo; } CERT_CHAIN_ELEMENT;
typedef struct { DWORD cbSize; CERT_TRUST_STATUS TrustStatus; DWORD cElement; CERT_CHAIN_ELEMENT **rgpElement;
                 void *pTrustListInfo; BOOL fHasRevocationFreshnessTime; DWORD dwRevocationFreshnessTime;
               } CERT_SIMPLE_CHAIN;
typedef struct { DWORD cbSize; CERT_TRUST_STATUS TrustStatus; DWORD cChain; CERT_SIMPLE_CHAIN **rgpChain;
                 DWORD cLowerQualityChainContext; void **rgpLowerQualityChainContext;
                 BOOL fHasRevocationFreshnessTime; DWORD dwRevocationFreshnessTime; DWORD dwCreateFlags;
                 unsigned char ChainId[16]; } CERT_CHAIN_CONTEXT;
typedef struct { DWORD cUsageIdentifier; char **rgpszUsageIdentifier; } CTL_USAGE;
typedef struct { DWORD dwType; CTL_USAGE Usage; } CERT_USAGE_MATCH;
typedef struct { DWORD cbSize; CERT_USAGE_MATCH RequestedUsage; } CERT_CHAIN_PARA;
typedef struct { DWORD dwServiceType; DWORD dwStartType; DWORD dwErrorControl; WCHAR *lpBinaryPathName;
                 WCHAR *lpLoadOrderGroup; DWORD dwTagId; WCHAR *lpDependencies; WCHAR *lpServiceStartName;
                 WCHAR *lpDisplayName; } QUERY_SERVICE_CONFIGW;
typedef struct { DWORD DesiredAccess; void *PrincipalSelfSid; void *ObjectTypeList; DWORD ObjectTypeListLength;
                 void *OptionalArguments; } AUTHZ_ACCESS_REQUEST;
typedef struct { DWORD ResultListLength; DWORD *GrantedAccessMask; DWORD *SaclEvaluationResults; DWORD *Error;
               } AUTHZ_ACCESS_REPLY;
typedef struct { void *Sid; DWORD Attributes; } SID_AND_ATTRIBUTES;
typedef struct { DWORD LowPart; int32_t HighPart; } LUID;

#define ERROR_FILE_NOT_FOUND 2
#define ERROR_INSUFFICIENT_BUFFER 122
#define ERROR_MORE_DATA 234
#define ERROR_SERVICE_DOES_NOT_EXIST 1060
#define CRYPT_E_NOT_FOUND 0x80092004u
#define NTE_BUFFER_TOO_SMALL 0x80090028u

static char log_text[1 << 16];
static size_t log_length;
static int open_handles;
static unsigned char *leaf, *root, thumbprint[20];
static DWORD leaf_length, root_length;
static int enumerated;

static void say(const char *format, ...)
{
    va_list args;
    va_start(args, format);
    int written = vsnprintf(log_text + log_length, sizeof log_text - log_length, format, args);
    va_end(args);
    if (written > 0 && log_length + written + 1 < sizeof log_text) {
        log_length += written;
        log_text[log_length++] = '\n';
        log_text[log_length] = 0;
    }
}

/* A wchar_t string as JNA passed it, printed as L"..." with non-ASCII as \u{hex}; "null" for NULL. */
static const char *wide(const wchar_t *text)
{
    static char buffers[4][512];
    static int next;
    char *out = buffers[next++ % 4];
    if (text == NULL) {
        return "null";
    }
    size_t n = 0;
    n += snprintf(out + n, 512 - n, "L\"");
    for (; *text && n < 480; text++) {
        if (*text >= 0x20 && *text < 0x7f) {
            out[n++] = (char) *text;
        } else {
            n += snprintf(out + n, 512 - n, "\\u{%x}", (unsigned) *text);
        }
    }
    snprintf(out + n, 512 - n, "\"");
    return out;
}

static const char *sid(const unsigned char *binary)
{
    static char out[256];
    size_t n = snprintf(out, sizeof out, "S-%u-%u", binary[0], binary[7]);
    for (int i = 0; i < binary[1]; i++) {
        uint32_t part;
        memcpy(&part, binary + 8 + 4 * i, 4);
        n += snprintf(out + n, sizeof out - n, "-%u", part);
    }
    return out;
}

static BOOL failed(DWORD code)
{
    errno = (int) code;
    return 0;
}

static void *handle(ULONG_PTR value)
{
    open_handles++;
    return (void *) value;
}

static void release(void)
{
    open_handles--;
}

/* Test controls. */
const char *fake_log(void) { return log_text; }
int fake_open_handles(void) { return open_handles; }
void fake_reset(void) { log_length = 0; log_text[0] = 0; open_handles = 0; enumerated = 0; }
void fake_certificates(const unsigned char *leaf_der, DWORD leaf_size, const unsigned char *root_der,
                       DWORD root_size, const unsigned char *leaf_sha1)
{
    free(leaf);
    free(root);
    leaf = malloc(leaf_size);
    memcpy(leaf, leaf_der, leaf_size);
    leaf_length = leaf_size;
    root = malloc(root_size);
    memcpy(root, root_der, root_size);
    root_length = root_size;
    memcpy(thumbprint, leaf_sha1, 20);
}

static CERT_CONTEXT *context(const unsigned char *der, DWORD size)
{
    CERT_CONTEXT *created = calloc(1, sizeof *created + size);
    created->dwCertEncodingType = 1;
    created->pbCertEncoded = (unsigned char *) (created + 1);
    memcpy(created->pbCertEncoded, der, size);
    created->cbCertEncoded = size;
    created->pCertInfo = created;
    created->hCertStore = (void *) 0x5701;
    open_handles++;
    return created;
}

/* ---- crypt32 ---- */

void *CertOpenStore(const char *provider, DWORD encoding, ULONG_PTR legacy_provider, DWORD flags, const void *para)
{
    say("CertOpenStore(%lu, %u, %lu, 0x%x, %s)", (unsigned long) (uintptr_t) provider, encoding,
        (unsigned long) legacy_provider, flags, wide(para));
    if (wcscmp(para, L"absent") == 0) {
        errno = ERROR_FILE_NOT_FOUND;
        return NULL;
    }
    enumerated = 0;
    return handle(0x5701);
}

BOOL CertCloseStore(void *store, DWORD flags)
{
    say("CertCloseStore(%p, %u)", store, flags);
    release();
    return 1;
}

BOOL CertFreeCertificateContext(const CERT_CONTEXT *freed)
{
    say("CertFreeCertificateContext(%s)", freed == NULL ? "null" : "context");
    if (freed != NULL) {
        free((void *) freed);
        release();
    }
    return 1;
}

const CERT_CONTEXT *CertEnumCertificatesInStore(void *store, const CERT_CONTEXT *previous)
{
    say("CertEnumCertificatesInStore(%p, %s)", store, previous == NULL ? "null" : "context");
    if (previous != NULL) {
        free((void *) previous);
        release();
    }
    if (enumerated++ == 0) {
        return context(leaf, leaf_length);
    }
    errno = (int) CRYPT_E_NOT_FOUND;
    return NULL;
}

static BOOL copy_out(const void *value, DWORD size, void *data, DWORD *data_size)
{
    if (data == NULL) {
        *data_size = size;
        return 1;
    }
    if (*data_size < size) {
        *data_size = size;
        return failed(ERROR_MORE_DATA);
    }
    memcpy(data, value, size);
    *data_size = size;
    return 1;
}

BOOL CertGetCertificateContextProperty(const CERT_CONTEXT *certificate, DWORD property, void *data,
                                       DWORD *data_size)
{
    say("CertGetCertificateContextProperty(%s, %u, %s, %u)", certificate->cbCertEncoded == leaf_length
        ? "leaf" : "other", property, data == NULL ? "null" : "buffer", *data_size);
    if (property == 11) {
        static const WCHAR name[] = u"Fr\u00e9d\u00e9ric \U0001F512";
        return copy_out(name, sizeof name, data, data_size);
    }
    if (property == 9) {
        /* CERT_ENHKEY_USAGE_PROP_ID: DER SEQUENCE { OID 1.3.6.1.5.5.7.3.4 (Secure Email) }. */
        static const unsigned char secure_email[] = {0x30, 0x0a, 0x06, 0x08, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07,
                                                     0x03, 0x04};
        return copy_out(secure_email, sizeof secure_email, data, data_size);
    }
    if (property == 2) {
        static const WCHAR container[] = u"le-conteneur";
        static const WCHAR provider[] = u"Microsoft Enhanced RSA and AES Cryptographic Provider";
        DWORD size = sizeof(CRYPT_KEY_PROV_INFO) + sizeof container + sizeof provider;
        if (data == NULL || *data_size < size) {
            BOOL asked_size = data == NULL;
            *data_size = size;
            return asked_size ? 1 : failed(ERROR_MORE_DATA);
        }
        /* Self-relative, as crypt32 writes it: the strings follow the structure in the caller's buffer. */
        CRYPT_KEY_PROV_INFO *info = data;
        memset(info, 0, sizeof *info);
        info->pwszContainerName = (WCHAR *) ((unsigned char *) data + sizeof *info);
        info->pwszProvName = (WCHAR *) ((unsigned char *) data + sizeof *info + sizeof container);
        memcpy(info->pwszContainerName, container, sizeof container);
        memcpy(info->pwszProvName, provider, sizeof provider);
        info->dwProvType = 24;
        info->dwFlags = 0x20;
        info->dwKeySpec = 1;
        *data_size = size;
        return 1;
    }
    return failed(CRYPT_E_NOT_FOUND);
}

const CERT_CONTEXT *CertFindCertificateInStore(void *store, DWORD encoding, DWORD flags, DWORD type,
                                               const void *para, const CERT_CONTEXT *previous)
{
    const CRYPT_DATA_BLOB *blob = para;
    say("CertFindCertificateInStore(%p, 0x%x, %u, 0x%x, {%u bytes}, %s)", store, encoding, flags, type,
        blob->cbData, previous == NULL ? "null" : "context");
    if (blob->cbData == 20 && memcmp(blob->pbData, thumbprint, 20) == 0) {
        return context(leaf, leaf_length);
    }
    errno = (int) CRYPT_E_NOT_FOUND;
    return NULL;
}

static CERT_CHAIN_ELEMENT *element(const unsigned char *der, DWORD size, DWORD error, DWORD info)
{
    CERT_CHAIN_ELEMENT *created = calloc(1, sizeof *created);
    created->cbSize = sizeof *created;
    created->pCertContext = context(der, size);
    open_handles--; /* owned by the chain */
    created->TrustStatus.dwErrorStatus = error;
    created->TrustStatus.dwInfoStatus = info;
    return created;
}

BOOL CertGetCertificateChain(void *engine, const CERT_CONTEXT *certificate, const uint64_t *time,
                             void *additional_store, const CERT_CHAIN_PARA *para, DWORD flags, void *reserved,
                             const CERT_CHAIN_CONTEXT **chain)
{
    say("CertGetCertificateChain(%lu, %s, %s%llu, %p, {cbSize %u, usage type %u, %u usages}, 0x%x, %p)",
        (unsigned long) (uintptr_t) engine, certificate->cbCertEncoded == leaf_length ? "leaf" : "other",
        time == NULL ? "null" : "filetime ", time == NULL ? 0ULL : (unsigned long long) *time, additional_store,
        para->cbSize, para->RequestedUsage.dwType, para->RequestedUsage.Usage.cUsageIdentifier, flags, reserved);
    CERT_SIMPLE_CHAIN *simple = calloc(1, sizeof *simple);
    simple->cbSize = sizeof *simple;
    simple->TrustStatus.dwErrorStatus = 0x20;
    simple->cElement = 2;
    simple->rgpElement = calloc(2, sizeof(CERT_CHAIN_ELEMENT *));
    simple->rgpElement[0] = element(leaf, leaf_length, 0x0, 0x102);
    simple->rgpElement[1] = element(root, root_length, 0x20, 0x10C);
    CERT_CHAIN_CONTEXT *created = calloc(1, sizeof *created);
    created->cbSize = sizeof *created;
    created->TrustStatus.dwErrorStatus = 0x20;
    created->TrustStatus.dwInfoStatus = 0x100;
    created->cChain = 1;
    created->rgpChain = calloc(1, sizeof(CERT_SIMPLE_CHAIN *));
    created->rgpChain[0] = simple;
    *chain = handle((ULONG_PTR) created);
    return 1;
}

void CertFreeCertificateChain(const CERT_CHAIN_CONTEXT *chain)
{
    say("CertFreeCertificateChain(chain)");
    CERT_SIMPLE_CHAIN *simple = chain->rgpChain[0];
    for (DWORD i = 0; i < simple->cElement; i++) {
        free((void *) simple->rgpElement[i]->pCertContext);
        free(simple->rgpElement[i]);
    }
    free(simple->rgpElement);
    free(simple);
    free(chain->rgpChain);
    free((void *) chain);
    release();
}

BOOL CryptAcquireCertificatePrivateKey(const CERT_CONTEXT *certificate, DWORD flags, void *parameters,
                                       ULONG_PTR *key, DWORD *key_spec, BOOL *caller_must_free)
{
    say("CryptAcquireCertificatePrivateKey(%s, 0x%x, %p)", certificate->cbCertEncoded == leaf_length ? "leaf"
        : "other", flags, parameters);
    *key = (ULONG_PTR) handle(0x4b01);
    *key_spec = 0xFFFFFFFFu;
    *caller_must_free = 1;
    return 1;
}

/* ---- ncrypt ---- */

int32_t NCryptOpenStorageProvider(ULONG_PTR *provider, const wchar_t *name, DWORD flags)
{
    say("NCryptOpenStorageProvider(%s, 0x%x)", wide(name), flags);
    *provider = (ULONG_PTR) handle(0x4e01);
    return 0;
}

int32_t NCryptOpenKey(ULONG_PTR provider, ULONG_PTR *key, const wchar_t *name, DWORD legacy_key_spec, DWORD flags)
{
    say("NCryptOpenKey(0x%lx, %s, %u, 0x%x)", (unsigned long) provider, wide(name), legacy_key_spec, flags);
    *key = (ULONG_PTR) handle(0x4e02);
    return 0;
}

int32_t NCryptGetProperty(ULONG_PTR object, const wchar_t *property, unsigned char *output, DWORD output_size,
                          DWORD *result, DWORD flags)
{
    static const WCHAR value[] = u"8f1e2d_0b5c-4d2a";
    say("NCryptGetProperty(0x%lx, %s, %s, %u, 0x%x)", (unsigned long) object, wide(property),
        output == NULL ? "null" : "buffer", output_size, flags);
    *result = sizeof value;
    if (output == NULL) {
        return 0;
    }
    if (output_size < sizeof value) {
        return (int32_t) NTE_BUFFER_TOO_SMALL;
    }
    memcpy(output, value, sizeof value);
    return 0;
}

int32_t NCryptFreeObject(ULONG_PTR object)
{
    say("NCryptFreeObject(0x%lx)", (unsigned long) object);
    release();
    return 0;
}

/* ---- advapi32 ---- */

BOOL CryptAcquireContextW(ULONG_PTR *provider, const wchar_t *container, const wchar_t *name, DWORD type,
                          DWORD flags)
{
    say("CryptAcquireContextW(%s, %s, %u, 0x%x)", wide(container), wide(name), type, flags);
    *provider = (ULONG_PTR) handle(0x4301);
    return 1;
}

BOOL CryptGetProvParam(ULONG_PTR provider, DWORD parameter, unsigned char *data, DWORD *data_length, DWORD flags)
{
    static const char unique[] = "c0ffee1234_8f1e2d";
    say("CryptGetProvParam(0x%lx, %u, %s, %u, 0x%x)", (unsigned long) provider, parameter,
        data == NULL ? "null" : "buffer", *data_length, flags);
    return copy_out(unique, sizeof unique, data, data_length);
}

BOOL CryptReleaseContext(ULONG_PTR provider, DWORD flags)
{
    say("CryptReleaseContext(0x%lx, 0x%x)", (unsigned long) provider, flags);
    release();
    return 1;
}

void *OpenSCManagerW(const wchar_t *machine, const wchar_t *database, DWORD access)
{
    say("OpenSCManagerW(%s, %s, 0x%x)", wide(machine), wide(database), access);
    return handle(0x5c01);
}

void *OpenServiceW(void *manager, const wchar_t *name, DWORD access)
{
    say("OpenServiceW(%p, %s, 0x%x)", manager, wide(name), access);
    if (wcscmp(name, L"absent") == 0) {
        errno = ERROR_SERVICE_DOES_NOT_EXIST;
        return NULL;
    }
    return handle(0x5c02);
}

BOOL CloseServiceHandle(void *service)
{
    say("CloseServiceHandle(%p)", service);
    release();
    return 1;
}

BOOL QueryServiceConfigW(void *service, QUERY_SERVICE_CONFIGW *config, DWORD size, DWORD *needed)
{
    static const WCHAR path[] = u"C:\\BEMS\\bems.exe";
    static const WCHAR account[] = u"CONTOSO\\svc-bems";
    static const WCHAR display[] = u"BlackBerry Enterprise Mobility Server \u2013 Presence";
    DWORD total = sizeof *config + sizeof path + sizeof account + sizeof display + 2 * sizeof(WCHAR);
    say("QueryServiceConfigW(%p, %s, %u)", service, config == NULL ? "null" : "buffer", size);
    *needed = total;
    if (config == NULL || size < total) {
        return failed(ERROR_INSUFFICIENT_BUFFER);
    }
    memset(config, 0, total);
    unsigned char *strings = (unsigned char *) (config + 1);
    config->dwServiceType = 0x10;
    config->dwStartType = 2;
    config->dwErrorControl = 1;
    config->lpBinaryPathName = memcpy(strings, path, sizeof path);
    strings += sizeof path;
    config->lpServiceStartName = memcpy(strings, account, sizeof account);
    strings += sizeof account;
    config->lpDisplayName = memcpy(strings, display, sizeof display);
    strings += sizeof display;
    config->lpLoadOrderGroup = (WCHAR *) strings;
    config->lpDependencies = (WCHAR *) strings;
    return 1;
}

BOOL QueryServiceConfig2W(void *service, DWORD level, unsigned char *buffer, DWORD size, DWORD *needed)
{
    DWORD sid_type = 1;
    say("QueryServiceConfig2W(%p, %u, %s, %u)", service, level, buffer == NULL ? "null" : "buffer", size);
    *needed = sizeof sid_type;
    if (buffer == NULL || size < sizeof sid_type) {
        return failed(ERROR_INSUFFICIENT_BUFFER);
    }
    memcpy(buffer, &sid_type, sizeof sid_type);
    return 1;
}

/* A self-relative security descriptor with an owner (SYSTEM) and nothing else. */
static const unsigned char descriptor[] = {1, 0, 0x00, 0x80, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                                           1, 1, 0, 0, 0, 0, 0, 5, 18, 0, 0, 0};

DWORD GetNamedSecurityInfoW(const wchar_t *name, int type, DWORD information, void **owner, void **group,
                            void **dacl, void **sacl, void **security_descriptor)
{
    say("GetNamedSecurityInfoW(%s, %d, 0x%x, %s, %s, %s, %s, %s)", wide(name), type, information,
        owner ? "out" : "null", group ? "out" : "null", dacl ? "out" : "null", sacl ? "out" : "null",
        security_descriptor ? "out" : "null");
    void *copy = malloc(sizeof descriptor);
    memcpy(copy, descriptor, sizeof descriptor);
    *security_descriptor = handle((ULONG_PTR) copy);
    return 0;
}

DWORD GetSecurityDescriptorLength(void *security_descriptor)
{
    say("GetSecurityDescriptorLength(descriptor)");
    return memcmp(security_descriptor, descriptor, sizeof descriptor) == 0 ? sizeof descriptor : 0;
}

BOOL ConvertSecurityDescriptorToStringSecurityDescriptorW(void *security_descriptor, DWORD revision,
                                                          DWORD information, WCHAR **string, uint32_t *length)
{
    static const WCHAR sddl[] = u"O:SY";
    say("ConvertSecurityDescriptorToStringSecurityDescriptorW(descriptor, %u, 0x%x, out, %s)", revision,
        information, length == NULL ? "null" : "out");
    (void) security_descriptor;
    WCHAR *copy = malloc(sizeof sddl);
    memcpy(copy, sddl, sizeof sddl);
    *string = handle((ULONG_PTR) copy);
    return 1;
}

/* ---- kernel32 ---- */

void *LocalFree(void *memory)
{
    say("LocalFree(memory)");
    free(memory);
    release();
    return NULL;
}

/* ---- authz ---- */

BOOL AuthzInitializeResourceManager(DWORD flags, void *check, void *compute, void *free_groups,
                                    const wchar_t *name, void **manager)
{
    say("AuthzInitializeResourceManager(0x%x, %p, %p, %p, %s)", flags, check, compute, free_groups, wide(name));
    *manager = handle(0xa201);
    return 1;
}

BOOL AuthzInitializeContextFromSid(DWORD flags, void *user, void *manager, int64_t *expiration, LUID identifier,
                                   void *arguments, void **context)
{
    say("AuthzInitializeContextFromSid(0x%x, %s, %p, %p, {%u, %d}, %p)", flags, sid(user), manager, expiration,
        identifier.LowPart, identifier.HighPart, arguments);
    *context = handle(0xa202);
    return 1;
}

BOOL AuthzAddSidsToContext(void *context, SID_AND_ATTRIBUTES *sids, DWORD count, SID_AND_ATTRIBUTES *restricted,
                           DWORD restricted_count, void **new_context)
{
    char groups[1024] = "";
    size_t n = 0;
    for (DWORD i = 0; i < count; i++) {
        n += snprintf(groups + n, sizeof groups - n, "%s%s/0x%x", i ? " " : "", sid(sids[i].Sid),
                      sids[i].Attributes);
    }
    say("AuthzAddSidsToContext(%p, [%s], %u, %p, %u)", context, groups, count, (void *) restricted,
        restricted_count);
    *new_context = handle(0xa203);
    return 1;
}

BOOL AuthzAccessCheck(DWORD flags, void *context, AUTHZ_ACCESS_REQUEST *request, void *audit_event,
                      void *security_descriptor, void *optional, DWORD optional_count, AUTHZ_ACCESS_REPLY *reply,
                      void *results)
{
    say("AuthzAccessCheck(0x%x, %p, {desired 0x%x, self %p, %u types}, %p, descriptor revision %u, %p, %u, "
        "{%u results}, %p)", flags, context, request->DesiredAccess, request->PrincipalSelfSid,
        request->ObjectTypeListLength, audit_event, ((unsigned char *) security_descriptor)[0], optional,
        optional_count, reply->ResultListLength, results);
    reply->GrantedAccessMask[0] = 0x120089;
    reply->Error[0] = 0;
    return 1;
}

BOOL AuthzFreeContext(void *context)
{
    say("AuthzFreeContext(%p)", context);
    release();
    return 1;
}

BOOL AuthzFreeResourceManager(void *manager)
{
    say("AuthzFreeResourceManager(%p)", manager);
    release();
    return 1;
}
