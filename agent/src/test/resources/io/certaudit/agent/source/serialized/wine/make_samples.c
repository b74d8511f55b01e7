/*
 * Writes certificate stores with Wine's crypt32, an implementation independent of certaudit, so that
 * certaudit's readers are tested against files it did not write itself.
 *
 * usage: make_samples.exe service.der renewed.der intermediate.der root.der out.sst
 *
 *  - out.sst: CertSaveStore(CERT_STORE_SAVE_AS_STORE) of a memory store holding the two Personal
 *    certificates with their properties (friendly name, key provider info, EKU property). Wine 8.0 does
 *    not implement CERT_ARCHIVED_PROP_ID, so the archived flag is not among them.
 *  - the registry: the same two certificates in HKLM MY, the intermediate in HKLM CA, the root in the
 *    Group Policy Root store, and the root once more in the Enterprise Root store with a recorded SHA-1
 *    (property 3 and key name) that is not its own, as a planted entry would be. `reg export` then writes
 *    the .reg files.
 */
#include <windows.h>
#include <wincrypt.h>
#include <stdio.h>
#include <stdlib.h>

static void fail(const char *what)
{
    fprintf(stderr, "%s failed: 0x%08lx\n", what, (unsigned long)GetLastError());
    exit(1);
}

static BYTE *read_file(const char *name, DWORD *size)
{
    FILE *f = fopen(name, "rb");
    BYTE *data;
    long length;
    if (!f) fail(name);
    fseek(f, 0, SEEK_END);
    length = ftell(f);
    fseek(f, 0, SEEK_SET);
    data = malloc(length);
    if (fread(data, 1, length, f) != (size_t)length) fail(name);
    fclose(f);
    *size = (DWORD)length;
    return data;
}

static PCCERT_CONTEXT add(HCERTSTORE store, const char *file)
{
    DWORD size;
    BYTE *der = read_file(file, &size);
    PCCERT_CONTEXT context = NULL;
    if (!CertAddEncodedCertificateToStore(store, X509_ASN_ENCODING, der, size, CERT_STORE_ADD_ALWAYS, &context))
        fail("CertAddEncodedCertificateToStore");
    free(der);
    return context;
}

static void set_friendly_name(PCCERT_CONTEXT context, const WCHAR *name)
{
    CRYPT_DATA_BLOB blob = { (DWORD)((wcslen(name) + 1) * sizeof(WCHAR)), (BYTE *)name };
    if (!CertSetCertificateContextProperty(context, CERT_FRIENDLY_NAME_PROP_ID, 0, &blob))
        fail("CertSetCertificateContextProperty(friendly name)");
}

static void set_key_provider(PCCERT_CONTEXT context, WCHAR *container, WCHAR *provider, DWORD type,
                             DWORD keySpec)
{
    CRYPT_KEY_PROV_INFO info = { container, provider, type, CRYPT_MACHINE_KEYSET, 0, NULL, keySpec };
    if (!CertSetCertificateContextProperty(context, CERT_KEY_PROV_INFO_PROP_ID, 0, &info))
        fail("CertSetCertificateContextProperty(key provider info)");
}

static void set_usage(PCCERT_CONTEXT context)
{
    LPSTR oids[] = { szOID_PKIX_KP_SERVER_AUTH, szOID_PKIX_KP_CLIENT_AUTH };
    CERT_ENHKEY_USAGE usage = { 2, oids };
    if (!CertSetEnhancedKeyUsage(context, &usage))
        fail("CertSetEnhancedKeyUsage");
}

static HCERTSTORE open_registry(DWORD location, const WCHAR *name)
{
    HCERTSTORE store = CertOpenStore(CERT_STORE_PROV_SYSTEM_REGISTRY_W, 0, 0, location, name);
    if (!store) fail("CertOpenStore(registry)");
    return store;
}

static void copy_to(HCERTSTORE store, PCCERT_CONTEXT context)
{
    if (!CertAddCertificateContextToStore(store, context, CERT_STORE_ADD_REPLACE_EXISTING, NULL))
        fail("CertAddCertificateContextToStore");
}

static void plant(PCCERT_CONTEXT context, const WCHAR *path)
{
    DWORD size = 0;
    BYTE *element;
    HKEY key;
    if (!CertSerializeCertificateStoreElement(context, 0, NULL, &size)) fail("CertSerializeCertificateStoreElement");
    element = malloc(size);
    if (!CertSerializeCertificateStoreElement(context, 0, element, &size)) fail("CertSerializeCertificateStoreElement");
    if (RegCreateKeyExW(HKEY_LOCAL_MACHINE, path, 0, NULL, 0, KEY_ALL_ACCESS, NULL, &key, NULL)) fail("RegCreateKeyExW");
    if (RegSetValueExW(key, L"Blob", 0, REG_BINARY, element, size)) fail("RegSetValueExW");
    RegCloseKey(key);
    free(element);
}

int main(int argc, char **argv)
{
    HCERTSTORE memory, store;
    PCCERT_CONTEXT service, renewed, intermediate, root, planted;
    WCHAR out[MAX_PATH];
    BYTE wrong[20];
    CRYPT_HASH_BLOB wrongHash = { sizeof(wrong), wrong };

    if (argc != 6) {
        fprintf(stderr, "usage: %s service.der renewed.der intermediate.der root.der out.sst\n", argv[0]);
        return 2;
    }
    memory = CertOpenStore(CERT_STORE_PROV_MEMORY, 0, 0, CERT_STORE_CREATE_NEW_FLAG, NULL);
    if (!memory) fail("CertOpenStore(memory)");

    service = add(memory, argv[1]);
    set_friendly_name(service, L"certaudit sample service");
    set_key_provider(service, L"certaudit-sample-capi", MS_ENHANCED_PROV_W, PROV_RSA_FULL, AT_KEYEXCHANGE);
    set_usage(service);

    renewed = add(memory, argv[2]);
    set_friendly_name(renewed, L"certaudit sample renewed \x00e9t\x00e9");
    set_key_provider(renewed, L"certaudit-sample-cng", L"Microsoft Software Key Storage Provider", 0, 0);

    MultiByteToWideChar(CP_ACP, 0, argv[5], -1, out, MAX_PATH);
    if (!CertSaveStore(memory, X509_ASN_ENCODING | PKCS_7_ASN_ENCODING, CERT_STORE_SAVE_AS_STORE,
                       CERT_STORE_SAVE_TO_FILENAME_W, out, 0))
        fail("CertSaveStore");

    store = open_registry(CERT_SYSTEM_STORE_LOCAL_MACHINE, L"MY");
    copy_to(store, service);
    copy_to(store, renewed);
    CertCloseStore(store, 0);

    intermediate = add(memory, argv[3]);
    store = open_registry(CERT_SYSTEM_STORE_LOCAL_MACHINE, L"CA");
    copy_to(store, intermediate);
    CertCloseStore(store, 0);

    root = add(memory, argv[4]);
    store = open_registry(CERT_SYSTEM_STORE_LOCAL_MACHINE_GROUP_POLICY, L"Root");
    copy_to(store, root);
    CertCloseStore(store, 0);

    /* A second, separate context of the root whose recorded SHA-1 is not its own. */
    planted = add(CertOpenStore(CERT_STORE_PROV_MEMORY, 0, 0, CERT_STORE_CREATE_NEW_FLAG, NULL), argv[4]);
    memset(wrong, 0xAB, sizeof(wrong));
    if (!CertSetCertificateContextProperty(planted, CERT_SHA1_HASH_PROP_ID, 0, &wrongHash))
        fail("CertSetCertificateContextProperty(SHA-1)");
    /* Wine 8.0 cannot open the Enterprise location (CERT_SYSTEM_STORE_LOCAL_MACHINE_ENTERPRISE), so the
     * element crypt32 serializes is written where that store keeps it, named by the recorded SHA-1 as a
     * registry store names its keys. */
    plant(planted, L"Software\\Microsoft\\EnterpriseCertificates\\Root\\Certificates\\"
                   L"ABABABABABABABABABABABABABABABABABABABAB");

    printf("wrote %s and the registry stores\n", argv[5]);
    return 0;
}
