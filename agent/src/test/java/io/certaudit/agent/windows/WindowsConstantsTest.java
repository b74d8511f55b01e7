package io.certaudit.agent.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.sun.jna.platform.win32.WinCrypt;
import com.sun.jna.platform.win32.WinError;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.Winsvc;

/**
 * Every constant the live source binds equals the value its Windows header defines. The table is the header
 * values as written in wincrypt.h, ncrypt.h, authz.h, winnt.h, accctrl.h, sddl.h, winsvc.h and winerror.h
 * (each cited beside the constant); where jna-platform defines the same constant it is a second, independent
 * source and must agree too.
 */
class WindowsConstantsTest {

    private static final Map<String, Long> HEADER_VALUES = Map.ofEntries(
            Map.entry("CERT_STORE_PROV_SYSTEM_W", 10L),
            Map.entry("CERT_STORE_PROV_SYSTEM_REGISTRY_W", 13L),
            Map.entry("CERT_STORE_OPEN_EXISTING_FLAG", 0x4000L),
            Map.entry("CERT_STORE_READONLY_FLAG", 0x8000L),
            Map.entry("CERT_CLOSE_STORE_CHECK_FLAG", 2L),
            Map.entry("CERT_SYSTEM_STORE_LOCATION_SHIFT", 0x10L),
            Map.entry("CERT_SYSTEM_STORE_CURRENT_USER", 0x10000L),
            Map.entry("CERT_SYSTEM_STORE_LOCAL_MACHINE", 0x20000L),
            Map.entry("CERT_SYSTEM_STORE_SERVICES", 0x50000L),
            Map.entry("CERT_SYSTEM_STORE_USERS", 0x60000L),
            Map.entry("CERT_SYSTEM_STORE_LOCAL_MACHINE_GROUP_POLICY", 0x80000L),
            Map.entry("CERT_SYSTEM_STORE_LOCAL_MACHINE_ENTERPRISE", 0x90000L),
            Map.entry("X509_ASN_ENCODING", 1L),
            Map.entry("PKCS_7_ASN_ENCODING", 0x10000L),
            Map.entry("CERT_FIND_SHA1_HASH", 0x10000L),
            Map.entry("CERT_KEY_PROV_INFO_PROP_ID", 2L),
            Map.entry("CERT_ENHKEY_USAGE_PROP_ID", 9L),
            Map.entry("CERT_FRIENDLY_NAME_PROP_ID", 11L),
            Map.entry("CRYPT_ACQUIRE_SILENT_FLAG", 0x40L),
            Map.entry("CRYPT_ACQUIRE_COMPARE_KEY_FLAG", 0x4L),
            Map.entry("CRYPT_ACQUIRE_ALLOW_NCRYPT_KEY_FLAG", 0x10000L),
            Map.entry("CERT_NCRYPT_KEY_SPEC", 0xFFFFFFFFL),
            Map.entry("AT_KEYEXCHANGE", 1L),
            Map.entry("AT_SIGNATURE", 2L),
            Map.entry("CRYPT_MACHINE_KEYSET", 0x20L),
            Map.entry("CRYPT_SILENT", 0x40L),
            Map.entry("PP_UNIQUE_CONTAINER", 0x24L),
            Map.entry("PROV_DSS", 3L),
            Map.entry("PROV_DSS_DH", 13L),
            Map.entry("PROV_DH_SCHANNEL", 18L),
            Map.entry("NCRYPT_MACHINE_KEY_FLAG", 0x20L),
            Map.entry("NCRYPT_SILENT_FLAG", 0x40L),
            Map.entry("HCCE_LOCAL_MACHINE", 1L),
            Map.entry("CERT_CHAIN_CACHE_ONLY_URL_RETRIEVAL", 4L),
            Map.entry("CERT_CHAIN_DISABLE_AUTH_ROOT_AUTO_UPDATE", 0x100L),
            Map.entry("CERT_CHAIN_DISABLE_AIA", 0x2000L),
            Map.entry("CERT_CHAIN_REVOCATION_CHECK_CHAIN_EXCLUDE_ROOT", 0x40000000L),
            Map.entry("CERT_TRUST_IS_NOT_TIME_VALID", 1L),
            Map.entry("CERT_TRUST_IS_NOT_TIME_NESTED", 2L),
            Map.entry("CERT_TRUST_IS_REVOKED", 4L),
            Map.entry("CERT_TRUST_IS_NOT_SIGNATURE_VALID", 8L),
            Map.entry("CERT_TRUST_IS_NOT_VALID_FOR_USAGE", 0x10L),
            Map.entry("CERT_TRUST_IS_UNTRUSTED_ROOT", 0x20L),
            Map.entry("CERT_TRUST_REVOCATION_STATUS_UNKNOWN", 0x40L),
            Map.entry("CERT_TRUST_IS_CYCLIC", 0x80L),
            Map.entry("CERT_TRUST_INVALID_EXTENSION", 0x100L),
            Map.entry("CERT_TRUST_INVALID_POLICY_CONSTRAINTS", 0x200L),
            Map.entry("CERT_TRUST_INVALID_BASIC_CONSTRAINTS", 0x400L),
            Map.entry("CERT_TRUST_INVALID_NAME_CONSTRAINTS", 0x800L),
            Map.entry("CERT_TRUST_HAS_NOT_SUPPORTED_NAME_CONSTRAINT", 0x1000L),
            Map.entry("CERT_TRUST_HAS_NOT_DEFINED_NAME_CONSTRAINT", 0x2000L),
            Map.entry("CERT_TRUST_HAS_NOT_PERMITTED_NAME_CONSTRAINT", 0x4000L),
            Map.entry("CERT_TRUST_HAS_EXCLUDED_NAME_CONSTRAINT", 0x8000L),
            Map.entry("CERT_TRUST_IS_PARTIAL_CHAIN", 0x10000L),
            Map.entry("CERT_TRUST_CTL_IS_NOT_TIME_VALID", 0x20000L),
            Map.entry("CERT_TRUST_CTL_IS_NOT_SIGNATURE_VALID", 0x40000L),
            Map.entry("CERT_TRUST_CTL_IS_NOT_VALID_FOR_USAGE", 0x80000L),
            Map.entry("CERT_TRUST_HAS_WEAK_SIGNATURE", 0x100000L),
            Map.entry("CERT_TRUST_IS_OFFLINE_REVOCATION", 0x1000000L),
            Map.entry("CERT_TRUST_NO_ISSUANCE_CHAIN_POLICY", 0x2000000L),
            Map.entry("CERT_TRUST_IS_EXPLICIT_DISTRUST", 0x4000000L),
            Map.entry("CERT_TRUST_HAS_NOT_SUPPORTED_CRITICAL_EXT", 0x8000000L),
            Map.entry("CERT_TRUST_HAS_EXACT_MATCH_ISSUER", 1L),
            Map.entry("CERT_TRUST_HAS_KEY_MATCH_ISSUER", 2L),
            Map.entry("CERT_TRUST_HAS_NAME_MATCH_ISSUER", 4L),
            Map.entry("CERT_TRUST_IS_SELF_SIGNED", 8L),
            Map.entry("CERT_TRUST_HAS_PREFERRED_ISSUER", 0x100L),
            Map.entry("CERT_TRUST_IS_CA_TRUSTED", 0x4000L),
            Map.entry("CERT_TRUST_IS_COMPLEX_CHAIN", 0x10000L),
            Map.entry("AUTHZ_RM_FLAG_NO_AUDIT", 1L),
            Map.entry("AUTHZ_SKIP_TOKEN_GROUPS", 2L),
            Map.entry("DELETE", 0x10000L),
            Map.entry("READ_CONTROL", 0x20000L),
            Map.entry("WRITE_DAC", 0x40000L),
            Map.entry("WRITE_OWNER", 0x80000L),
            Map.entry("SYNCHRONIZE", 0x100000L),
            Map.entry("STANDARD_RIGHTS_REQUIRED", 0xF0000L),
            Map.entry("STANDARD_RIGHTS_ALL", 0x1F0000L),
            Map.entry("MAXIMUM_ALLOWED", 0x2000000L),
            Map.entry("GENERIC_READ", 0x80000000L),
            Map.entry("GENERIC_WRITE", 0x40000000L),
            Map.entry("GENERIC_EXECUTE", 0x20000000L),
            Map.entry("GENERIC_ALL", 0x10000000L),
            Map.entry("FILE_READ_DATA", 1L),
            Map.entry("FILE_WRITE_DATA", 2L),
            Map.entry("FILE_APPEND_DATA", 4L),
            Map.entry("FILE_READ_EA", 8L),
            Map.entry("FILE_WRITE_EA", 0x10L),
            Map.entry("FILE_EXECUTE", 0x20L),
            Map.entry("FILE_READ_ATTRIBUTES", 0x80L),
            Map.entry("FILE_WRITE_ATTRIBUTES", 0x100L),
            Map.entry("FILE_GENERIC_READ", 0x120089L),
            Map.entry("FILE_GENERIC_WRITE", 0x120116L),
            Map.entry("FILE_GENERIC_EXECUTE", 0x1200A0L),
            Map.entry("FILE_ALL_ACCESS", 0x1F01FFL),
            Map.entry("KEY_QUERY_VALUE", 1L),
            Map.entry("KEY_SET_VALUE", 2L),
            Map.entry("KEY_CREATE_SUB_KEY", 4L),
            Map.entry("KEY_ENUMERATE_SUB_KEYS", 8L),
            Map.entry("KEY_NOTIFY", 0x10L),
            Map.entry("KEY_CREATE_LINK", 0x20L),
            Map.entry("KEY_READ", 0x20019L),
            Map.entry("KEY_WRITE", 0x20006L),
            Map.entry("KEY_EXECUTE", 0x20019L),
            Map.entry("KEY_ALL_ACCESS", 0xF003FL),
            Map.entry("ACCESS_ALLOWED_ACE_TYPE", 0L),
            Map.entry("ACCESS_DENIED_ACE_TYPE", 1L),
            Map.entry("ACCESS_ALLOWED_OBJECT_ACE_TYPE", 5L),
            Map.entry("ACCESS_DENIED_OBJECT_ACE_TYPE", 6L),
            Map.entry("ACCESS_ALLOWED_CALLBACK_ACE_TYPE", 9L),
            Map.entry("ACCESS_DENIED_CALLBACK_ACE_TYPE", 10L),
            Map.entry("OBJECT_INHERIT_ACE", 1L),
            Map.entry("CONTAINER_INHERIT_ACE", 2L),
            Map.entry("INHERIT_ONLY_ACE", 8L),
            Map.entry("INHERITED_ACE", 0x10L),
            Map.entry("SE_DACL_PRESENT", 4L),
            Map.entry("SE_SELF_RELATIVE", 0x8000L),
            Map.entry("SE_GROUP_MANDATORY", 1L),
            Map.entry("SE_GROUP_ENABLED_BY_DEFAULT", 2L),
            Map.entry("SE_GROUP_ENABLED", 4L),
            Map.entry("OWNER_SECURITY_INFORMATION", 1L),
            Map.entry("GROUP_SECURITY_INFORMATION", 2L),
            Map.entry("DACL_SECURITY_INFORMATION", 4L),
            Map.entry("SE_FILE_OBJECT", 1L),
            Map.entry("SE_REGISTRY_KEY", 4L),
            Map.entry("SDDL_REVISION_1", 1L),
            Map.entry("SC_MANAGER_CONNECT", 1L),
            Map.entry("SERVICE_QUERY_CONFIG", 1L),
            Map.entry("SERVICE_CONFIG_SERVICE_SID_INFO", 5L),
            Map.entry("SERVICE_SID_TYPE_NONE", 0L),
            Map.entry("SERVICE_SID_TYPE_UNRESTRICTED", 1L),
            Map.entry("SERVICE_SID_TYPE_RESTRICTED", 3L),
            Map.entry("ERROR_FILE_NOT_FOUND", 2L),
            Map.entry("ERROR_PATH_NOT_FOUND", 3L),
            Map.entry("ERROR_ACCESS_DENIED", 5L),
            Map.entry("ERROR_INSUFFICIENT_BUFFER", 0x7AL),
            Map.entry("ERROR_MORE_DATA", 0xEAL),
            Map.entry("ERROR_SERVICE_DOES_NOT_EXIST", 0x424L),
            Map.entry("ERROR_PRIVILEGE_NOT_HELD", 0x522L),
            Map.entry("ERROR_NONE_MAPPED", 0x534L),
            Map.entry("ERROR_NO_MORE_FILES", 18L),
            Map.entry("TOKEN_QUERY", 0x8L),
            Map.entry("TokenUser", 1L),
            Map.entry("TokenElevation", 20L),
            Map.entry("MAX_COMPUTERNAME_LENGTH", 15L),
            Map.entry("SidTypeDeletedAccount", 6L),
            Map.entry("SidTypeUnknown", 8L),
            Map.entry("E_ACCESSDENIED", 0x80070005L),
            Map.entry("NTE_BAD_KEY_STATE", 0x8009000BL),
            Map.entry("NTE_NO_KEY", 0x8009000DL),
            Map.entry("NTE_PERM", 0x80090010L),
            Map.entry("NTE_NOT_FOUND", 0x80090011L),
            Map.entry("NTE_BAD_PUBLIC_KEY", 0x80090015L),
            Map.entry("NTE_BAD_KEYSET", 0x80090016L),
            Map.entry("NTE_KEYSET_NOT_DEF", 0x80090019L),
            Map.entry("NTE_SILENT_CONTEXT", 0x80090022L),
            Map.entry("NTE_DEVICE_NOT_READY", 0x80090030L),
            Map.entry("NTE_DEVICE_NOT_FOUND", 0x80090035L),
            Map.entry("CRYPT_E_NOT_FOUND", 0x80092004L),
            Map.entry("CRYPT_E_NO_KEY_PROPERTY", 0x8009200BL),
            Map.entry("SCARD_E_NO_SMARTCARD", 0x8010000CL)    );

    @Test
    void everyNumericConstantEqualsItsHeaderValue() throws IllegalAccessException {
        Map<String, Long> defined = new TreeMap<>();
        for (Field field : WindowsConstants.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == int.class) {
                defined.put(field.getName(), Integer.toUnsignedLong(field.getInt(null)));
            }
        }
        assertEquals(new TreeMap<>(HEADER_VALUES), defined);
    }

    @Test
    void stringConstantsEqualTheirHeaderValues() {
        assertEquals("Unique Name", WindowsConstants.NCRYPT_UNIQUE_NAME_PROPERTY);
        assertEquals("Microsoft Software Key Storage Provider", WindowsConstants.MS_KEY_STORAGE_PROVIDER);
        assertEquals("Microsoft Platform Crypto Provider", WindowsConstants.MS_PLATFORM_KEY_STORAGE_PROVIDER);
        assertEquals("Microsoft Smart Card Key Storage Provider",
                WindowsConstants.MS_SMART_CARD_KEY_STORAGE_PROVIDER);
    }

    @Test
    void constantsAlsoDefinedByJnaPlatformAgree() {
        assertEquals(WinCrypt.CERT_STORE_PROV_SYSTEM_W, WindowsConstants.CERT_STORE_PROV_SYSTEM_W);
        assertEquals(WinCrypt.CERT_STORE_PROV_SYSTEM_REGISTRY_W, WindowsConstants.CERT_STORE_PROV_SYSTEM_REGISTRY_W);
        assertEquals(WinCrypt.CERT_STORE_OPEN_EXISTING_FLAG, WindowsConstants.CERT_STORE_OPEN_EXISTING_FLAG);
        assertEquals(WinCrypt.CERT_STORE_READONLY_FLAG, WindowsConstants.CERT_STORE_READONLY_FLAG);
        assertEquals(WinCrypt.CERT_SYSTEM_STORE_CURRENT_USER, WindowsConstants.CERT_SYSTEM_STORE_CURRENT_USER);
        assertEquals(WinCrypt.CERT_SYSTEM_STORE_LOCAL_MACHINE, WindowsConstants.CERT_SYSTEM_STORE_LOCAL_MACHINE);
        assertEquals(WinCrypt.CERT_SYSTEM_STORE_SERVICES, WindowsConstants.CERT_SYSTEM_STORE_SERVICES);
        assertEquals(WinCrypt.CERT_SYSTEM_STORE_USERS, WindowsConstants.CERT_SYSTEM_STORE_USERS);
        assertEquals(WinCrypt.CERT_SYSTEM_STORE_LOCAL_MACHINE_GROUP_POLICY,
                WindowsConstants.CERT_SYSTEM_STORE_LOCAL_MACHINE_GROUP_POLICY);
        assertEquals(WinCrypt.CERT_SYSTEM_STORE_LOCAL_MACHINE_ENTERPRISE,
                WindowsConstants.CERT_SYSTEM_STORE_LOCAL_MACHINE_ENTERPRISE);
        assertEquals(WinCrypt.X509_ASN_ENCODING, WindowsConstants.X509_ASN_ENCODING);
        assertEquals(WinCrypt.PKCS_7_ASN_ENCODING, WindowsConstants.PKCS_7_ASN_ENCODING);
        assertEquals(WinNT.FILE_READ_DATA, WindowsConstants.FILE_READ_DATA);
        assertEquals(WinNT.FILE_GENERIC_READ, WindowsConstants.FILE_GENERIC_READ);
        assertEquals(WinNT.FILE_ALL_ACCESS, WindowsConstants.FILE_ALL_ACCESS);
        assertEquals(WinNT.GENERIC_READ, WindowsConstants.GENERIC_READ);
        assertEquals(WinNT.GENERIC_ALL, WindowsConstants.GENERIC_ALL);
        assertEquals(WinNT.KEY_READ, WindowsConstants.KEY_READ);
        assertEquals(WinNT.KEY_ALL_ACCESS, WindowsConstants.KEY_ALL_ACCESS);
        assertEquals(WinNT.OWNER_SECURITY_INFORMATION, WindowsConstants.OWNER_SECURITY_INFORMATION);
        assertEquals(WinNT.DACL_SECURITY_INFORMATION, WindowsConstants.DACL_SECURITY_INFORMATION);
        assertEquals(WinNT.SE_DACL_PRESENT, WindowsConstants.SE_DACL_PRESENT);
        assertEquals(WinNT.SE_SELF_RELATIVE, WindowsConstants.SE_SELF_RELATIVE);
        assertEquals(WinNT.ACCESS_DENIED_ACE_TYPE, WindowsConstants.ACCESS_DENIED_ACE_TYPE);
        assertEquals(WinNT.INHERIT_ONLY_ACE, WindowsConstants.INHERIT_ONLY_ACE);
        assertEquals(Winsvc.SC_MANAGER_CONNECT, WindowsConstants.SC_MANAGER_CONNECT);
        assertEquals(Winsvc.SERVICE_QUERY_CONFIG, WindowsConstants.SERVICE_QUERY_CONFIG);
        assertEquals(Winsvc.SERVICE_CONFIG_SERVICE_SID_INFO, WindowsConstants.SERVICE_CONFIG_SERVICE_SID_INFO);
        assertEquals(WinError.ERROR_FILE_NOT_FOUND, WindowsConstants.ERROR_FILE_NOT_FOUND);
        assertEquals(WinError.ERROR_ACCESS_DENIED, WindowsConstants.ERROR_ACCESS_DENIED);
        assertEquals(WinError.ERROR_INSUFFICIENT_BUFFER, WindowsConstants.ERROR_INSUFFICIENT_BUFFER);
        assertEquals(WinError.ERROR_SERVICE_DOES_NOT_EXIST, WindowsConstants.ERROR_SERVICE_DOES_NOT_EXIST);
        assertEquals(WinError.ERROR_NONE_MAPPED, WindowsConstants.ERROR_NONE_MAPPED);
        assertEquals(WinError.ERROR_NO_MORE_FILES, WindowsConstants.ERROR_NO_MORE_FILES);
        assertEquals(WinError.NTE_BAD_PUBLIC_KEY, WindowsConstants.NTE_BAD_PUBLIC_KEY);
        assertEquals(WinNT.SID_NAME_USE.SidTypeDeletedAccount, WindowsConstants.SidTypeDeletedAccount);
        assertEquals(WinNT.SID_NAME_USE.SidTypeUnknown, WindowsConstants.SidTypeUnknown);
        assertEquals(WinNT.TOKEN_QUERY, WindowsConstants.TOKEN_QUERY);
        assertEquals(WinNT.TOKEN_INFORMATION_CLASS.TokenUser, WindowsConstants.TokenUser);
        assertEquals(WinNT.TOKEN_INFORMATION_CLASS.TokenElevation, WindowsConstants.TokenElevation);
    }
}
