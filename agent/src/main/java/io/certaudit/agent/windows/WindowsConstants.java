package io.certaudit.agent.windows;

/**
 * Every Windows constant the live source uses, with the header that defines it and the Microsoft page that
 * documents it. Plain Java values with no JNA type, so the logic above the native layer uses them on any OS.
 * {@code WindowsConstantsTest} pins each value to the header value.
 */
public final class WindowsConstants {

    private WindowsConstants() {
    }

    // ---------------------------------------------------------------------------------------------------------
    // wincrypt.h: certificate stores.
    // learn.microsoft.com/windows/win32/api/wincrypt/nf-wincrypt-certopenstore
    // ---------------------------------------------------------------------------------------------------------

    /** {@code CERT_STORE_PROV_SYSTEM_W ((LPCSTR) 10)}: a logical system store, the collection a service opens. */
    public static final int CERT_STORE_PROV_SYSTEM_W = 10;
    /** {@code CERT_STORE_PROV_SYSTEM_REGISTRY_W ((LPCSTR) 13)}: one physical registry store, no collection. */
    public static final int CERT_STORE_PROV_SYSTEM_REGISTRY_W = 13;

    /** {@code CERT_STORE_OPEN_EXISTING_FLAG 0x4000}: fail instead of creating a missing store. */
    public static final int CERT_STORE_OPEN_EXISTING_FLAG = 0x00004000;
    /** {@code CERT_STORE_READONLY_FLAG 0x8000}: the audit never changes a store. */
    public static final int CERT_STORE_READONLY_FLAG = 0x00008000;
    /** {@code CERT_CLOSE_STORE_CHECK_FLAG 0x2}: CertCloseStore reports contexts left open. */
    public static final int CERT_CLOSE_STORE_CHECK_FLAG = 0x2;

    /** {@code CERT_SYSTEM_STORE_LOCATION_SHIFT 16}: location ids are shifted into the open flags. */
    public static final int CERT_SYSTEM_STORE_LOCATION_SHIFT = 16;
    /** {@code CERT_SYSTEM_STORE_CURRENT_USER} (id 1): HKCU\Software\Microsoft\SystemCertificates. */
    public static final int CERT_SYSTEM_STORE_CURRENT_USER = 1 << CERT_SYSTEM_STORE_LOCATION_SHIFT;
    /** {@code CERT_SYSTEM_STORE_LOCAL_MACHINE} (id 2): HKLM\Software\Microsoft\SystemCertificates. */
    public static final int CERT_SYSTEM_STORE_LOCAL_MACHINE = 2 << CERT_SYSTEM_STORE_LOCATION_SHIFT;
    /** {@code CERT_SYSTEM_STORE_SERVICES} (id 5): a named service's stores, opened as {@code service\MY}. */
    public static final int CERT_SYSTEM_STORE_SERVICES = 5 << CERT_SYSTEM_STORE_LOCATION_SHIFT;
    /** {@code CERT_SYSTEM_STORE_USERS} (id 6): another account's stores, opened as {@code S-1-5-...\MY}. */
    public static final int CERT_SYSTEM_STORE_USERS = 6 << CERT_SYSTEM_STORE_LOCATION_SHIFT;
    /** {@code CERT_SYSTEM_STORE_LOCAL_MACHINE_GROUP_POLICY} (id 8): HKLM\Software\Policies\Microsoft\SystemCertificates. */
    public static final int CERT_SYSTEM_STORE_LOCAL_MACHINE_GROUP_POLICY = 8 << CERT_SYSTEM_STORE_LOCATION_SHIFT;
    /** {@code CERT_SYSTEM_STORE_LOCAL_MACHINE_ENTERPRISE} (id 9): HKLM\Software\Microsoft\EnterpriseCertificates. */
    public static final int CERT_SYSTEM_STORE_LOCAL_MACHINE_ENTERPRISE = 9 << CERT_SYSTEM_STORE_LOCATION_SHIFT;

    /** {@code X509_ASN_ENCODING 0x1}. */
    public static final int X509_ASN_ENCODING = 0x00000001;
    /** {@code PKCS_7_ASN_ENCODING 0x10000}. */
    public static final int PKCS_7_ASN_ENCODING = 0x00010000;
    /** {@code CERT_FIND_SHA1_HASH (CERT_COMPARE_SHA1_HASH 1 << CERT_COMPARE_SHIFT 16)}. */
    public static final int CERT_FIND_SHA1_HASH = 1 << 16;

    // ---------------------------------------------------------------------------------------------------------
    // wincrypt.h: certificate properties.
    // learn.microsoft.com/windows/win32/api/wincrypt/nf-wincrypt-certgetcertificatecontextproperty
    // ---------------------------------------------------------------------------------------------------------

    /** {@code CERT_KEY_PROV_INFO_PROP_ID 2}: a CRYPT_KEY_PROV_INFO naming the key container and provider. */
    public static final int CERT_KEY_PROV_INFO_PROP_ID = 2;
    /**
     * {@code CERT_ENHKEY_USAGE_PROP_ID 9}: the purposes the store allows for the certificate, the ASN.1 (DER)
     * encoding of CERT_ENHKEY_USAGE (CertGetCertificateContextProperty).
     */
    public static final int CERT_ENHKEY_USAGE_PROP_ID = 9;
    /** {@code CERT_FRIENDLY_NAME_PROP_ID 11}: the friendly name, a NUL-terminated UTF-16 string. */
    public static final int CERT_FRIENDLY_NAME_PROP_ID = 11;

    // ---------------------------------------------------------------------------------------------------------
    // wincrypt.h: private keys.
    // learn.microsoft.com/windows/win32/api/wincrypt/nf-wincrypt-cryptacquirecertificateprivatekey
    // learn.microsoft.com/windows/win32/api/wincrypt/ns-wincrypt-crypt_key_prov_info
    // learn.microsoft.com/windows/win32/api/wincrypt/nf-wincrypt-cryptgetprovparam
    // ---------------------------------------------------------------------------------------------------------

    /** {@code CRYPT_ACQUIRE_SILENT_FLAG 0x40}: fail with NTE_SILENT_CONTEXT rather than show UI. */
    public static final int CRYPT_ACQUIRE_SILENT_FLAG = 0x00000040;
    /**
     * {@code CRYPT_ACQUIRE_COMPARE_KEY_FLAG 0x4}: compare the certificate's public key with the key the provider
     * opened; a mismatch fails with NTE_BAD_PUBLIC_KEY
     * (learn.microsoft.com/windows/win32/api/wincrypt/nf-wincrypt-cryptacquirecertificateprivatekey).
     */
    public static final int CRYPT_ACQUIRE_COMPARE_KEY_FLAG = 0x00000004;
    /** {@code CRYPT_ACQUIRE_ALLOW_NCRYPT_KEY_FLAG 0x10000}: open CNG keys too, as an NCRYPT_KEY_HANDLE. */
    public static final int CRYPT_ACQUIRE_ALLOW_NCRYPT_KEY_FLAG = 0x00010000;
    /** {@code CERT_NCRYPT_KEY_SPEC 0xFFFFFFFF}: the acquired handle is a CNG key, freed with NCryptFreeObject. */
    public static final int CERT_NCRYPT_KEY_SPEC = 0xFFFFFFFF;
    /** {@code AT_KEYEXCHANGE 1}. */
    public static final int AT_KEYEXCHANGE = 1;
    /** {@code AT_SIGNATURE 2}. */
    public static final int AT_SIGNATURE = 2;
    /** {@code CRYPT_MACHINE_KEYSET 0x20}, equal to NCRYPT_MACHINE_KEY_FLAG: the key is in the machine key set. */
    public static final int CRYPT_MACHINE_KEYSET = 0x00000020;
    /** {@code CRYPT_SILENT 0x40}: CryptAcquireContext never shows UI. */
    public static final int CRYPT_SILENT = 0x00000040;
    /** {@code PP_UNIQUE_CONTAINER 36}: the container's file name, an ANSI (CHAR) string. */
    public static final int PP_UNIQUE_CONTAINER = 36;
    /** {@code PROV_DSS 3}: a DSS CSP; its machine keys live under Crypto\DSS\MachineKeys. */
    public static final int PROV_DSS = 3;
    /** {@code PROV_DSS_DH 13}: a DSS/Diffie-Hellman CSP, also under Crypto\DSS. */
    public static final int PROV_DSS_DH = 13;
    /**
     * {@code PROV_DH_SCHANNEL 18}: the Diffie-Hellman Schannel CSP, a DSS-family provider whose keys live under
     * Crypto\DSS (learn.microsoft.com/windows/win32/seccrypto/cryptographic-provider-types).
     */
    public static final int PROV_DH_SCHANNEL = 18;

    // ---------------------------------------------------------------------------------------------------------
    // ncrypt.h.
    // learn.microsoft.com/windows/win32/api/ncrypt/nf-ncrypt-ncryptopenkey
    // learn.microsoft.com/windows/win32/seccng/key-storage-property-identifiers
    // ---------------------------------------------------------------------------------------------------------

    /** {@code NCRYPT_MACHINE_KEY_FLAG 0x20}. */
    public static final int NCRYPT_MACHINE_KEY_FLAG = 0x00000020;
    /** {@code NCRYPT_SILENT_FLAG 0x40}. */
    public static final int NCRYPT_SILENT_FLAG = 0x00000040;
    /** {@code NCRYPT_UNIQUE_NAME_PROPERTY L"Unique Name"}: the key's file name for a persisted software key. */
    public static final String NCRYPT_UNIQUE_NAME_PROPERTY = "Unique Name";
    /** {@code MS_KEY_STORAGE_PROVIDER}: the software KSP, whose machine keys are files under Crypto\Keys. */
    public static final String MS_KEY_STORAGE_PROVIDER = "Microsoft Software Key Storage Provider";
    /** {@code MS_PLATFORM_KEY_STORAGE_PROVIDER}: TPM-held keys, with no key file. */
    public static final String MS_PLATFORM_KEY_STORAGE_PROVIDER = "Microsoft Platform Crypto Provider";
    /** {@code MS_SMART_CARD_KEY_STORAGE_PROVIDER}: smart-card keys, with no key file. */
    public static final String MS_SMART_CARD_KEY_STORAGE_PROVIDER = "Microsoft Smart Card Key Storage Provider";

    // ---------------------------------------------------------------------------------------------------------
    // wincrypt.h: the chain engine.
    // learn.microsoft.com/windows/win32/api/wincrypt/nf-wincrypt-certgetcertificatechain
    // learn.microsoft.com/windows/win32/api/wincrypt/ns-wincrypt-cert_trust_status
    // ---------------------------------------------------------------------------------------------------------

    /** {@code HCCE_LOCAL_MACHINE ((HCERTCHAINENGINE)0x1)}: the machine's engine, the one a service uses. */
    public static final int HCCE_LOCAL_MACHINE = 0x1;
    /** {@code CERT_CHAIN_CACHE_ONLY_URL_RETRIEVAL 0x4}: no URL is fetched over the network. */
    public static final int CERT_CHAIN_CACHE_ONLY_URL_RETRIEVAL = 0x00000004;
    /** {@code CERT_CHAIN_DISABLE_AUTH_ROOT_AUTO_UPDATE 0x100}: no root is downloaded from Windows Update. */
    public static final int CERT_CHAIN_DISABLE_AUTH_ROOT_AUTO_UPDATE = 0x00000100;
    /** {@code CERT_CHAIN_DISABLE_AIA 0x2000}: no missing issuer is downloaded through AIA. */
    public static final int CERT_CHAIN_DISABLE_AIA = 0x00002000;
    /**
     * {@code CERT_CHAIN_REVOCATION_CHECK_CHAIN_EXCLUDE_ROOT 0x40000000}: check the revocation of every certificate
     * of the chain except the root, the setting a service's TLS stack uses.
     */
    public static final int CERT_CHAIN_REVOCATION_CHECK_CHAIN_EXCLUDE_ROOT = 0x40000000;

    /** {@code CERT_TRUST_IS_NOT_TIME_VALID 0x1}. */
    public static final int CERT_TRUST_IS_NOT_TIME_VALID = 0x00000001;
    /** {@code CERT_TRUST_IS_NOT_TIME_NESTED 0x2}. */
    public static final int CERT_TRUST_IS_NOT_TIME_NESTED = 0x00000002;
    /** {@code CERT_TRUST_IS_REVOKED 0x4}. */
    public static final int CERT_TRUST_IS_REVOKED = 0x00000004;
    /** {@code CERT_TRUST_IS_NOT_SIGNATURE_VALID 0x8}. */
    public static final int CERT_TRUST_IS_NOT_SIGNATURE_VALID = 0x00000008;
    /** {@code CERT_TRUST_IS_NOT_VALID_FOR_USAGE 0x10}. */
    public static final int CERT_TRUST_IS_NOT_VALID_FOR_USAGE = 0x00000010;
    /** {@code CERT_TRUST_IS_UNTRUSTED_ROOT 0x20}. */
    public static final int CERT_TRUST_IS_UNTRUSTED_ROOT = 0x00000020;
    /** {@code CERT_TRUST_REVOCATION_STATUS_UNKNOWN 0x40}. */
    public static final int CERT_TRUST_REVOCATION_STATUS_UNKNOWN = 0x00000040;
    /** {@code CERT_TRUST_IS_CYCLIC 0x80}. */
    public static final int CERT_TRUST_IS_CYCLIC = 0x00000080;
    /** {@code CERT_TRUST_INVALID_EXTENSION 0x100}. */
    public static final int CERT_TRUST_INVALID_EXTENSION = 0x00000100;
    /** {@code CERT_TRUST_INVALID_POLICY_CONSTRAINTS 0x200}. */
    public static final int CERT_TRUST_INVALID_POLICY_CONSTRAINTS = 0x00000200;
    /** {@code CERT_TRUST_INVALID_BASIC_CONSTRAINTS 0x400}. */
    public static final int CERT_TRUST_INVALID_BASIC_CONSTRAINTS = 0x00000400;
    /** {@code CERT_TRUST_INVALID_NAME_CONSTRAINTS 0x800}. */
    public static final int CERT_TRUST_INVALID_NAME_CONSTRAINTS = 0x00000800;
    /** {@code CERT_TRUST_HAS_NOT_SUPPORTED_NAME_CONSTRAINT 0x1000}. */
    public static final int CERT_TRUST_HAS_NOT_SUPPORTED_NAME_CONSTRAINT = 0x00001000;
    /** {@code CERT_TRUST_HAS_NOT_DEFINED_NAME_CONSTRAINT 0x2000}. */
    public static final int CERT_TRUST_HAS_NOT_DEFINED_NAME_CONSTRAINT = 0x00002000;
    /** {@code CERT_TRUST_HAS_NOT_PERMITTED_NAME_CONSTRAINT 0x4000}. */
    public static final int CERT_TRUST_HAS_NOT_PERMITTED_NAME_CONSTRAINT = 0x00004000;
    /** {@code CERT_TRUST_HAS_EXCLUDED_NAME_CONSTRAINT 0x8000}. */
    public static final int CERT_TRUST_HAS_EXCLUDED_NAME_CONSTRAINT = 0x00008000;
    /** {@code CERT_TRUST_IS_PARTIAL_CHAIN 0x10000}. */
    public static final int CERT_TRUST_IS_PARTIAL_CHAIN = 0x00010000;
    /** {@code CERT_TRUST_CTL_IS_NOT_TIME_VALID 0x20000}. */
    public static final int CERT_TRUST_CTL_IS_NOT_TIME_VALID = 0x00020000;
    /** {@code CERT_TRUST_CTL_IS_NOT_SIGNATURE_VALID 0x40000}. */
    public static final int CERT_TRUST_CTL_IS_NOT_SIGNATURE_VALID = 0x00040000;
    /** {@code CERT_TRUST_CTL_IS_NOT_VALID_FOR_USAGE 0x80000}. */
    public static final int CERT_TRUST_CTL_IS_NOT_VALID_FOR_USAGE = 0x00080000;
    /** {@code CERT_TRUST_HAS_WEAK_SIGNATURE 0x100000}. */
    public static final int CERT_TRUST_HAS_WEAK_SIGNATURE = 0x00100000;
    /** {@code CERT_TRUST_IS_OFFLINE_REVOCATION 0x1000000}. */
    public static final int CERT_TRUST_IS_OFFLINE_REVOCATION = 0x01000000;
    /** {@code CERT_TRUST_NO_ISSUANCE_CHAIN_POLICY 0x2000000}. */
    public static final int CERT_TRUST_NO_ISSUANCE_CHAIN_POLICY = 0x02000000;
    /** {@code CERT_TRUST_IS_EXPLICIT_DISTRUST 0x4000000}. */
    public static final int CERT_TRUST_IS_EXPLICIT_DISTRUST = 0x04000000;
    /** {@code CERT_TRUST_HAS_NOT_SUPPORTED_CRITICAL_EXT 0x8000000}. */
    public static final int CERT_TRUST_HAS_NOT_SUPPORTED_CRITICAL_EXT = 0x08000000;

    /** {@code CERT_TRUST_HAS_EXACT_MATCH_ISSUER 0x1} (info status). */
    public static final int CERT_TRUST_HAS_EXACT_MATCH_ISSUER = 0x00000001;
    /** {@code CERT_TRUST_HAS_KEY_MATCH_ISSUER 0x2} (info status). */
    public static final int CERT_TRUST_HAS_KEY_MATCH_ISSUER = 0x00000002;
    /** {@code CERT_TRUST_HAS_NAME_MATCH_ISSUER 0x4} (info status). */
    public static final int CERT_TRUST_HAS_NAME_MATCH_ISSUER = 0x00000004;
    /** {@code CERT_TRUST_IS_SELF_SIGNED 0x8} (info status). */
    public static final int CERT_TRUST_IS_SELF_SIGNED = 0x00000008;
    /** {@code CERT_TRUST_HAS_PREFERRED_ISSUER 0x100} (info status). */
    public static final int CERT_TRUST_HAS_PREFERRED_ISSUER = 0x00000100;
    /** {@code CERT_TRUST_IS_CA_TRUSTED 0x4000} (info status). */
    public static final int CERT_TRUST_IS_CA_TRUSTED = 0x00004000;
    /** {@code CERT_TRUST_IS_COMPLEX_CHAIN 0x10000} (info status). */
    public static final int CERT_TRUST_IS_COMPLEX_CHAIN = 0x00010000;

    // ---------------------------------------------------------------------------------------------------------
    // authz.h.
    // learn.microsoft.com/windows/win32/api/authz/nf-authz-authzinitializeresourcemanager
    // learn.microsoft.com/windows/win32/api/authz/nf-authz-authzinitializecontextfromsid
    // ---------------------------------------------------------------------------------------------------------

    /** {@code AUTHZ_RM_FLAG_NO_AUDIT 0x1}: the audit's access checks generate no audit events. */
    public static final int AUTHZ_RM_FLAG_NO_AUDIT = 0x1;
    /** {@code AUTHZ_SKIP_TOKEN_GROUPS 0x2}: the context holds only the given SID; groups are added explicitly. */
    public static final int AUTHZ_SKIP_TOKEN_GROUPS = 0x2;

    // ---------------------------------------------------------------------------------------------------------
    // winnt.h: access rights, ACEs, security descriptors.
    // learn.microsoft.com/windows/win32/fileio/file-access-rights-constants
    // learn.microsoft.com/windows/win32/sysinfo/registry-key-security-and-access-rights
    // learn.microsoft.com/windows/win32/secauthz/generic-access-rights
    // learn.microsoft.com/windows/win32/api/winnt/ns-winnt-ace_header
    // ---------------------------------------------------------------------------------------------------------

    /** {@code DELETE 0x10000}. */
    public static final int DELETE = 0x00010000;
    /** {@code READ_CONTROL 0x20000}: what reading a security descriptor needs. */
    public static final int READ_CONTROL = 0x00020000;
    /** {@code WRITE_DAC 0x40000}. */
    public static final int WRITE_DAC = 0x00040000;
    /** {@code WRITE_OWNER 0x80000}. */
    public static final int WRITE_OWNER = 0x00080000;
    /** {@code SYNCHRONIZE 0x100000}. */
    public static final int SYNCHRONIZE = 0x00100000;
    /** {@code STANDARD_RIGHTS_REQUIRED 0xF0000}. */
    public static final int STANDARD_RIGHTS_REQUIRED = 0x000F0000;
    /** {@code STANDARD_RIGHTS_ALL 0x1F0000}. */
    public static final int STANDARD_RIGHTS_ALL = 0x001F0000;
    /** {@code MAXIMUM_ALLOWED 0x2000000}: ask an access check for every right granted. */
    public static final int MAXIMUM_ALLOWED = 0x02000000;
    /** {@code GENERIC_READ 0x80000000}. */
    public static final int GENERIC_READ = 0x80000000;
    /** {@code GENERIC_WRITE 0x40000000}. */
    public static final int GENERIC_WRITE = 0x40000000;
    /** {@code GENERIC_EXECUTE 0x20000000}. */
    public static final int GENERIC_EXECUTE = 0x20000000;
    /** {@code GENERIC_ALL 0x10000000}. */
    public static final int GENERIC_ALL = 0x10000000;

    /** {@code FILE_READ_DATA 0x1}: what reading a key file needs. */
    public static final int FILE_READ_DATA = 0x0001;
    /** {@code FILE_WRITE_DATA 0x2}. */
    public static final int FILE_WRITE_DATA = 0x0002;
    /** {@code FILE_APPEND_DATA 0x4}. */
    public static final int FILE_APPEND_DATA = 0x0004;
    /** {@code FILE_READ_EA 0x8}. */
    public static final int FILE_READ_EA = 0x0008;
    /** {@code FILE_WRITE_EA 0x10}. */
    public static final int FILE_WRITE_EA = 0x0010;
    /** {@code FILE_EXECUTE 0x20}. */
    public static final int FILE_EXECUTE = 0x0020;
    /** {@code FILE_READ_ATTRIBUTES 0x80}. */
    public static final int FILE_READ_ATTRIBUTES = 0x0080;
    /** {@code FILE_WRITE_ATTRIBUTES 0x100}. */
    public static final int FILE_WRITE_ATTRIBUTES = 0x0100;
    /** {@code FILE_GENERIC_READ}: READ_CONTROL | FILE_READ_DATA | FILE_READ_ATTRIBUTES | FILE_READ_EA | SYNCHRONIZE. */
    public static final int FILE_GENERIC_READ =
            READ_CONTROL | FILE_READ_DATA | FILE_READ_ATTRIBUTES | FILE_READ_EA | SYNCHRONIZE;
    /** {@code FILE_GENERIC_WRITE}. */
    public static final int FILE_GENERIC_WRITE = READ_CONTROL | FILE_WRITE_DATA | FILE_WRITE_ATTRIBUTES
            | FILE_WRITE_EA | FILE_APPEND_DATA | SYNCHRONIZE;
    /** {@code FILE_GENERIC_EXECUTE}. */
    public static final int FILE_GENERIC_EXECUTE = READ_CONTROL | FILE_READ_ATTRIBUTES | FILE_EXECUTE | SYNCHRONIZE;
    /** {@code FILE_ALL_ACCESS (STANDARD_RIGHTS_REQUIRED | SYNCHRONIZE | 0x1FF)}. */
    public static final int FILE_ALL_ACCESS = STANDARD_RIGHTS_REQUIRED | SYNCHRONIZE | 0x1FF;

    /** {@code KEY_QUERY_VALUE 0x1}. */
    public static final int KEY_QUERY_VALUE = 0x0001;
    /** {@code KEY_SET_VALUE 0x2}. */
    public static final int KEY_SET_VALUE = 0x0002;
    /** {@code KEY_CREATE_SUB_KEY 0x4}. */
    public static final int KEY_CREATE_SUB_KEY = 0x0004;
    /** {@code KEY_ENUMERATE_SUB_KEYS 0x8}. */
    public static final int KEY_ENUMERATE_SUB_KEYS = 0x0008;
    /** {@code KEY_NOTIFY 0x10}. */
    public static final int KEY_NOTIFY = 0x0010;
    /** {@code KEY_CREATE_LINK 0x20}. */
    public static final int KEY_CREATE_LINK = 0x0020;
    /** {@code KEY_READ 0x20019}: what opening a registry store read-only needs. */
    public static final int KEY_READ = (READ_CONTROL | KEY_QUERY_VALUE | KEY_ENUMERATE_SUB_KEYS | KEY_NOTIFY)
            & ~SYNCHRONIZE;
    /** {@code KEY_WRITE 0x20006}. */
    public static final int KEY_WRITE = (READ_CONTROL | KEY_SET_VALUE | KEY_CREATE_SUB_KEY) & ~SYNCHRONIZE;
    /** {@code KEY_EXECUTE}, equal to KEY_READ. */
    public static final int KEY_EXECUTE = KEY_READ & ~SYNCHRONIZE;
    /** {@code KEY_ALL_ACCESS 0xF003F}. */
    public static final int KEY_ALL_ACCESS = (STANDARD_RIGHTS_ALL | KEY_QUERY_VALUE | KEY_SET_VALUE
            | KEY_CREATE_SUB_KEY | KEY_ENUMERATE_SUB_KEYS | KEY_NOTIFY | KEY_CREATE_LINK) & ~SYNCHRONIZE;

    /** {@code ACCESS_ALLOWED_ACE_TYPE 0x0}. */
    public static final int ACCESS_ALLOWED_ACE_TYPE = 0x0;
    /** {@code ACCESS_DENIED_ACE_TYPE 0x1}. */
    public static final int ACCESS_DENIED_ACE_TYPE = 0x1;
    /** {@code ACCESS_ALLOWED_OBJECT_ACE_TYPE 0x5}. */
    public static final int ACCESS_ALLOWED_OBJECT_ACE_TYPE = 0x5;
    /** {@code ACCESS_DENIED_OBJECT_ACE_TYPE 0x6}. */
    public static final int ACCESS_DENIED_OBJECT_ACE_TYPE = 0x6;
    /** {@code ACCESS_ALLOWED_CALLBACK_ACE_TYPE 0x9}. */
    public static final int ACCESS_ALLOWED_CALLBACK_ACE_TYPE = 0x9;
    /** {@code ACCESS_DENIED_CALLBACK_ACE_TYPE 0xA}. */
    public static final int ACCESS_DENIED_CALLBACK_ACE_TYPE = 0xA;
    /** {@code OBJECT_INHERIT_ACE 0x1}. */
    public static final int OBJECT_INHERIT_ACE = 0x1;
    /** {@code CONTAINER_INHERIT_ACE 0x2}. */
    public static final int CONTAINER_INHERIT_ACE = 0x2;
    /** {@code INHERIT_ONLY_ACE 0x8}: the ACE is not evaluated for the object itself. */
    public static final int INHERIT_ONLY_ACE = 0x8;
    /** {@code INHERITED_ACE 0x10}. */
    public static final int INHERITED_ACE = 0x10;
    /** {@code SE_DACL_PRESENT 0x4}: without it the object has a NULL DACL and grants everyone everything. */
    public static final int SE_DACL_PRESENT = 0x0004;
    /** {@code SE_SELF_RELATIVE 0x8000}: the descriptor holds offsets, not pointers. */
    public static final int SE_SELF_RELATIVE = 0x8000;
    /** {@code SE_GROUP_MANDATORY 0x1}. */
    public static final int SE_GROUP_MANDATORY = 0x1;
    /** {@code SE_GROUP_ENABLED_BY_DEFAULT 0x2}. */
    public static final int SE_GROUP_ENABLED_BY_DEFAULT = 0x2;
    /** {@code SE_GROUP_ENABLED 0x4}: only enabled groups count in an access check. */
    public static final int SE_GROUP_ENABLED = 0x4;

    /** {@code OWNER_SECURITY_INFORMATION 0x1}. */
    public static final int OWNER_SECURITY_INFORMATION = 0x1;
    /** {@code GROUP_SECURITY_INFORMATION 0x2}. */
    public static final int GROUP_SECURITY_INFORMATION = 0x2;
    /** {@code DACL_SECURITY_INFORMATION 0x4}. */
    public static final int DACL_SECURITY_INFORMATION = 0x4;

    // ---------------------------------------------------------------------------------------------------------
    // accctrl.h, sddl.h, winsvc.h.
    // learn.microsoft.com/windows/win32/api/accctrl/ne-accctrl-se_object_type
    // learn.microsoft.com/windows/win32/api/winsvc/nf-winsvc-queryserviceconfigw
    // learn.microsoft.com/windows/win32/api/winsvc/ns-winsvc-service_sid_info
    // ---------------------------------------------------------------------------------------------------------

    /** {@code SE_FILE_OBJECT} (1 in SE_OBJECT_TYPE): a file, named by its path. */
    public static final int SE_FILE_OBJECT = 1;
    /** {@code SE_REGISTRY_KEY} (4 in SE_OBJECT_TYPE): a registry key, named like {@code MACHINE\SOFTWARE\...}. */
    public static final int SE_REGISTRY_KEY = 4;
    /** {@code SDDL_REVISION_1 1}. */
    public static final int SDDL_REVISION_1 = 1;
    /** {@code SC_MANAGER_CONNECT 0x1}: the only right the audit asks of the service control manager. */
    public static final int SC_MANAGER_CONNECT = 0x0001;
    /** {@code SERVICE_QUERY_CONFIG 0x1}: read a service's configuration. */
    public static final int SERVICE_QUERY_CONFIG = 0x0001;
    /** {@code SERVICE_CONFIG_SERVICE_SID_INFO 5}: QueryServiceConfig2 level for SERVICE_SID_INFO. */
    public static final int SERVICE_CONFIG_SERVICE_SID_INFO = 5;
    /** {@code SERVICE_SID_TYPE_NONE 0}: the token carries no NT SERVICE\name SID. */
    public static final int SERVICE_SID_TYPE_NONE = 0x0;
    /** {@code SERVICE_SID_TYPE_UNRESTRICTED 1}. */
    public static final int SERVICE_SID_TYPE_UNRESTRICTED = 0x1;
    /** {@code SERVICE_SID_TYPE_RESTRICTED 3}. */
    public static final int SERVICE_SID_TYPE_RESTRICTED = 0x3;

    // ---------------------------------------------------------------------------------------------------------
    // winerror.h: the codes the audit tells apart.
    // learn.microsoft.com/windows/win32/debug/system-error-codes
    // learn.microsoft.com/windows/win32/seccrypto/common-hresult-values
    // ---------------------------------------------------------------------------------------------------------

    /** {@code ERROR_FILE_NOT_FOUND 2}: with OPEN_EXISTING, the store does not exist. */
    public static final int ERROR_FILE_NOT_FOUND = 2;
    /** {@code ERROR_PATH_NOT_FOUND 3}. */
    public static final int ERROR_PATH_NOT_FOUND = 3;
    /**
     * {@code ERROR_NO_MORE_FILES 18}: besides CRYPT_E_NOT_FOUND, how CertEnumCertificatesInStore reports the normal
     * end of a store (learn.microsoft.com/windows/win32/api/wincrypt/nf-wincrypt-certenumcertificatesinstore).
     */
    public static final int ERROR_NO_MORE_FILES = 18;
    /** {@code ERROR_ACCESS_DENIED 5}. */
    public static final int ERROR_ACCESS_DENIED = 5;
    /** {@code ERROR_INSUFFICIENT_BUFFER 122}. */
    public static final int ERROR_INSUFFICIENT_BUFFER = 122;
    /** {@code ERROR_MORE_DATA 234}. */
    public static final int ERROR_MORE_DATA = 234;
    /** {@code ERROR_SERVICE_DOES_NOT_EXIST 1060}. */
    public static final int ERROR_SERVICE_DOES_NOT_EXIST = 1060;
    /** {@code ERROR_PRIVILEGE_NOT_HELD 1314}. */
    public static final int ERROR_PRIVILEGE_NOT_HELD = 1314;
    /** {@code ERROR_NONE_MAPPED 1332}: an account name or SID that does not resolve. */
    public static final int ERROR_NONE_MAPPED = 1332;
    /** {@code TOKEN_QUERY 0x0008}: the access right to read a token's information. */
    public static final int TOKEN_QUERY = 0x0008;
    /**
     * {@code TokenUser 1} and {@code TokenElevation 20} (TOKEN_INFORMATION_CLASS, winnt.h): the token's account and
     * whether it is elevated (learn.microsoft.com/windows/win32/api/winnt/ne-winnt-token_information_class). Named
     * as the header's enumerators so the header lane checks them.
     */
    public static final int TokenUser = 1;
    public static final int TokenElevation = 20;
    /** {@code MAX_COMPUTERNAME_LENGTH 15}: the longest NetBIOS name GetComputerName returns, without its NUL. */
    public static final int MAX_COMPUTERNAME_LENGTH = 15;
    /**
     * {@code SidTypeDeletedAccount 6} and {@code SidTypeUnknown 8} (SID_NAME_USE, winnt.h): LookupAccountSid
     * answers these for a SID that names no current account
     * (learn.microsoft.com/windows/win32/api/winnt/ne-winnt-sid_name_use). Named as the header's enumerators so
     * the header lane checks them.
     */
    public static final int SidTypeDeletedAccount = 6;
    /** {@code SidTypeUnknown 8}. */
    public static final int SidTypeUnknown = 8;
    /** {@code E_ACCESSDENIED 0x80070005}. */
    public static final int E_ACCESSDENIED = 0x80070005;
    /** {@code NTE_BAD_KEY_STATE 0x8009000B}. */
    public static final int NTE_BAD_KEY_STATE = 0x8009000B;
    /** {@code NTE_NO_KEY 0x8009000D}. */
    public static final int NTE_NO_KEY = 0x8009000D;
    /** {@code NTE_PERM 0x80090010}. */
    public static final int NTE_PERM = 0x80090010;
    /** {@code NTE_NOT_FOUND 0x80090011}. */
    public static final int NTE_NOT_FOUND = 0x80090011;
    /**
     * {@code NTE_BAD_PUBLIC_KEY 0x80090015}: with CRYPT_ACQUIRE_COMPARE_KEY_FLAG, the key the certificate points at
     * is not the key of its public key.
     */
    public static final int NTE_BAD_PUBLIC_KEY = 0x80090015;
    /** {@code NTE_BAD_KEYSET 0x80090016}: "Keyset does not exist"; CAPI also answers it when access is denied. */
    public static final int NTE_BAD_KEYSET = 0x80090016;
    /** {@code NTE_KEYSET_NOT_DEF 0x80090019}. */
    public static final int NTE_KEYSET_NOT_DEF = 0x80090019;
    /** {@code NTE_SILENT_CONTEXT 0x80090022}: the provider needs UI (a PIN, strong key protection). */
    public static final int NTE_SILENT_CONTEXT = 0x80090022;
    /** {@code NTE_DEVICE_NOT_READY 0x80090030}. */
    public static final int NTE_DEVICE_NOT_READY = 0x80090030;
    /** {@code NTE_DEVICE_NOT_FOUND 0x80090035}. */
    public static final int NTE_DEVICE_NOT_FOUND = 0x80090035;
    /** {@code CRYPT_E_NOT_FOUND 0x80092004}: the property is not set. */
    public static final int CRYPT_E_NOT_FOUND = 0x80092004;
    /** {@code CRYPT_E_NO_KEY_PROPERTY 0x8009200B}: no private key is associated with the certificate. */
    public static final int CRYPT_E_NO_KEY_PROPERTY = 0x8009200B;
    /** {@code SCARD_E_NO_SMARTCARD 0x8010000C}. */
    public static final int SCARD_E_NO_SMARTCARD = 0x8010000C;
}
