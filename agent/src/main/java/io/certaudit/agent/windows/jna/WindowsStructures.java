package io.certaudit.agent.windows.jna;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.Structure.FieldOrder;
import com.sun.jna.win32.W32APITypeMapper;

/**
 * The Win32 structures the bindings read or pass, written by hand with only fixed-size members ({@code int} for
 * DWORD, {@link Pointer} for pointers, handles and ULONG_PTR), so that their layout is the documented one on
 * 64-bit and 32-bit Windows alike. {@code WindowsStructuresLayoutTest} pins every size and offset.
 *
 * <p>Structures crypt32 allocates (contexts, chains) are only ever read, through their {@link Pointer}
 * constructor, and never passed back to native code as a Structure: JNA would write the Java copy back over
 * crypt32's memory first. Those declare only the leading members the audit reads.
 */
public final class WindowsStructures {

    private WindowsStructures() {
    }

    /**
     * {@code CERT_CONTEXT} (wincrypt.h; learn.microsoft.com/windows/win32/api/wincrypt/ns-wincrypt-cert_context).
     * x64: size 40; 0 dwCertEncodingType, 8 pbCertEncoded, 16 cbCertEncoded, 24 pCertInfo, 32 hCertStore.
     */
    @FieldOrder({"dwCertEncodingType", "pbCertEncoded", "cbCertEncoded", "pCertInfo", "hCertStore"})
    public static final class CertContext extends Structure {
        public int dwCertEncodingType;
        public Pointer pbCertEncoded;
        public int cbCertEncoded;
        public Pointer pCertInfo;
        public Pointer hCertStore;

        public CertContext() {
            super(W32APITypeMapper.DEFAULT);
        }

        /** Reads the context crypt32 returned; the caller still owns (and frees) it. */
        public CertContext(Pointer context) {
            super(context, ALIGN_DEFAULT, W32APITypeMapper.DEFAULT);
            read();
        }

        /** A copy of the DER encoding, taken while the context is alive. */
        public byte[] encoded() {
            return pbCertEncoded.getByteArray(0, cbCertEncoded);
        }
    }

    /**
     * {@code CRYPT_KEY_PROV_INFO} (wincrypt.h; learn.microsoft.com/windows/win32/api/wincrypt/ns-wincrypt-crypt_key_prov_info).
     * x64: size 48; 0 pwszContainerName, 8 pwszProvName, 16 dwProvType, 20 dwFlags, 24 cProvParam,
     * 32 rgProvParam, 40 dwKeySpec. {@code rgProvParam} is an array of structures; the audit does not read it.
     */
    @FieldOrder({"pwszContainerName", "pwszProvName", "dwProvType", "dwFlags", "cProvParam", "rgProvParam",
            "dwKeySpec"})
    public static final class CryptKeyProvInfo extends Structure {
        public Pointer pwszContainerName;
        public Pointer pwszProvName;
        public int dwProvType;
        public int dwFlags;
        public int cProvParam;
        public Pointer rgProvParam;
        public int dwKeySpec;

        public CryptKeyProvInfo() {
            super(W32APITypeMapper.DEFAULT);
        }

        /** Reads the property value CertGetCertificateContextProperty copied into {@code buffer}. */
        public CryptKeyProvInfo(Pointer buffer) {
            super(buffer, ALIGN_DEFAULT, W32APITypeMapper.DEFAULT);
            read();
        }
    }

    /**
     * {@code CERT_TRUST_STATUS} (wincrypt.h; learn.microsoft.com/windows/win32/api/wincrypt/ns-wincrypt-cert_trust_status).
     * Size 8; 0 dwErrorStatus, 4 dwInfoStatus.
     */
    @FieldOrder({"dwErrorStatus", "dwInfoStatus"})
    public static final class CertTrustStatus extends Structure {
        public int dwErrorStatus;
        public int dwInfoStatus;

        public CertTrustStatus() {
            super(W32APITypeMapper.DEFAULT);
        }
    }

    /**
     * Leading members of {@code CERT_CHAIN_CONTEXT} (wincrypt.h;
     * learn.microsoft.com/windows/win32/api/wincrypt/ns-wincrypt-cert_chain_context), read only.
     * x64: 0 cbSize, 4 TrustStatus, 12 cChain, 16 rgpChain (an array of pointers).
     */
    @FieldOrder({"cbSize", "TrustStatus", "cChain", "rgpChain"})
    public static final class CertChainContext extends Structure {
        public int cbSize;
        public CertTrustStatus TrustStatus;
        public int cChain;
        public Pointer rgpChain;

        public CertChainContext() {
            super(W32APITypeMapper.DEFAULT);
        }

        public CertChainContext(Pointer chain) {
            super(chain, ALIGN_DEFAULT, W32APITypeMapper.DEFAULT);
            read();
        }
    }

    /**
     * Leading members of {@code CERT_SIMPLE_CHAIN} (wincrypt.h;
     * learn.microsoft.com/windows/win32/api/wincrypt/ns-wincrypt-cert_simple_chain), read only.
     * x64: 0 cbSize, 4 TrustStatus, 12 cElement, 16 rgpElement (an array of pointers).
     */
    @FieldOrder({"cbSize", "TrustStatus", "cElement", "rgpElement"})
    public static final class CertSimpleChain extends Structure {
        public int cbSize;
        public CertTrustStatus TrustStatus;
        public int cElement;
        public Pointer rgpElement;

        public CertSimpleChain() {
            super(W32APITypeMapper.DEFAULT);
        }

        public CertSimpleChain(Pointer chain) {
            super(chain, ALIGN_DEFAULT, W32APITypeMapper.DEFAULT);
            read();
        }
    }

    /**
     * Leading members of {@code CERT_CHAIN_ELEMENT} (wincrypt.h;
     * learn.microsoft.com/windows/win32/api/wincrypt/ns-wincrypt-cert_chain_element), read only.
     * x64: 0 cbSize, 8 pCertContext, 16 TrustStatus.
     */
    @FieldOrder({"cbSize", "pCertContext", "TrustStatus"})
    public static final class CertChainElement extends Structure {
        public int cbSize;
        public Pointer pCertContext;
        public CertTrustStatus TrustStatus;

        public CertChainElement() {
            super(W32APITypeMapper.DEFAULT);
        }

        public CertChainElement(Pointer element) {
            super(element, ALIGN_DEFAULT, W32APITypeMapper.DEFAULT);
            read();
        }
    }

    /**
     * {@code CTL_USAGE} / {@code CERT_ENHKEY_USAGE} (wincrypt.h;
     * learn.microsoft.com/windows/win32/api/wincrypt/ns-wincrypt-ctl_usage). x64: size 16; 0 cUsageIdentifier,
     * 8 rgpszUsageIdentifier.
     */
    @FieldOrder({"cUsageIdentifier", "rgpszUsageIdentifier"})
    public static final class CtlUsage extends Structure {
        public int cUsageIdentifier;
        public Pointer rgpszUsageIdentifier;

        public CtlUsage() {
            super(W32APITypeMapper.DEFAULT);
        }
    }

    /**
     * {@code CERT_USAGE_MATCH} (wincrypt.h; learn.microsoft.com/windows/win32/api/wincrypt/ns-wincrypt-cert_usage_match).
     * x64: size 24; 0 dwType, 8 Usage.
     */
    @FieldOrder({"dwType", "Usage"})
    public static final class CertUsageMatch extends Structure {
        public int dwType;
        public CtlUsage Usage;

        public CertUsageMatch() {
            super(W32APITypeMapper.DEFAULT);
        }
    }

    /**
     * {@code CERT_CHAIN_PARA} without the optional extra fields (wincrypt.h;
     * learn.microsoft.com/windows/win32/api/wincrypt/ns-wincrypt-cert_chain_para): crypt32 reads {@code cbSize}
     * to know which members are present. x64: size 32; 0 cbSize, 8 RequestedUsage. An empty usage asks for none.
     */
    @FieldOrder({"cbSize", "RequestedUsage"})
    public static final class CertChainPara extends Structure {
        public int cbSize;
        public CertUsageMatch RequestedUsage;

        public CertChainPara() {
            super(W32APITypeMapper.DEFAULT);
            cbSize = size();
        }
    }

    /**
     * {@code CRYPT_DATA_BLOB} / {@code CRYPT_HASH_BLOB} (wincrypt.h;
     * learn.microsoft.com/windows/win32/api/dpapi/ns-dpapi-crypt_integer_blob). x64: size 16; 0 cbData, 8 pbData.
     */
    @FieldOrder({"cbData", "pbData"})
    public static final class CryptDataBlob extends Structure {
        public int cbData;
        public Pointer pbData;

        public CryptDataBlob() {
            super(W32APITypeMapper.DEFAULT);
        }
    }

    /**
     * {@code QUERY_SERVICE_CONFIGW} (winsvc.h; learn.microsoft.com/windows/win32/api/winsvc/ns-winsvc-query_service_configw).
     * x64: size 64; 0 dwServiceType, 4 dwStartType, 8 dwErrorControl, 16 lpBinaryPathName, 24 lpLoadOrderGroup,
     * 32 dwTagId, 40 lpDependencies, 48 lpServiceStartName, 56 lpDisplayName. The strings live in the same buffer.
     */
    @FieldOrder({"dwServiceType", "dwStartType", "dwErrorControl", "lpBinaryPathName", "lpLoadOrderGroup",
            "dwTagId", "lpDependencies", "lpServiceStartName", "lpDisplayName"})
    public static final class QueryServiceConfig extends Structure {
        public int dwServiceType;
        public int dwStartType;
        public int dwErrorControl;
        public Pointer lpBinaryPathName;
        public Pointer lpLoadOrderGroup;
        public int dwTagId;
        public Pointer lpDependencies;
        public Pointer lpServiceStartName;
        public Pointer lpDisplayName;

        public QueryServiceConfig() {
            super(W32APITypeMapper.DEFAULT);
        }

        public QueryServiceConfig(Pointer buffer) {
            super(buffer, ALIGN_DEFAULT, W32APITypeMapper.DEFAULT);
            read();
        }
    }

    /**
     * {@code SERVICE_SID_INFO} (winsvc.h; learn.microsoft.com/windows/win32/api/winsvc/ns-winsvc-service_sid_info).
     * Size 4; 0 dwServiceSidType.
     */
    @FieldOrder({"dwServiceSidType"})
    public static final class ServiceSidInfo extends Structure {
        public int dwServiceSidType;

        public ServiceSidInfo() {
            super(W32APITypeMapper.DEFAULT);
        }

        public ServiceSidInfo(Pointer buffer) {
            super(buffer, ALIGN_DEFAULT, W32APITypeMapper.DEFAULT);
            read();
        }
    }

    /**
     * {@code AUTHZ_ACCESS_REQUEST} (authz.h; learn.microsoft.com/windows/win32/api/authz/ns-authz-authz_access_request).
     * x64: size 40; 0 DesiredAccess, 8 PrincipalSelfSid, 16 ObjectTypeList, 24 ObjectTypeListLength,
     * 32 OptionalArguments.
     */
    @FieldOrder({"DesiredAccess", "PrincipalSelfSid", "ObjectTypeList", "ObjectTypeListLength", "OptionalArguments"})
    public static final class AuthzAccessRequest extends Structure {
        public int DesiredAccess;
        public Pointer PrincipalSelfSid;
        public Pointer ObjectTypeList;
        public int ObjectTypeListLength;
        public Pointer OptionalArguments;

        public AuthzAccessRequest() {
            super(W32APITypeMapper.DEFAULT);
        }
    }

    /**
     * {@code AUTHZ_ACCESS_REPLY} (authz.h; learn.microsoft.com/windows/win32/api/authz/ns-authz-authz_access_reply).
     * x64: size 32; 0 ResultListLength, 8 GrantedAccessMask, 16 SaclEvaluationResults, 24 Error. The three arrays
     * are allocated by the caller, one element each when no object type list is used.
     */
    @FieldOrder({"ResultListLength", "GrantedAccessMask", "SaclEvaluationResults", "Error"})
    public static final class AuthzAccessReply extends Structure {
        public int ResultListLength;
        public Pointer GrantedAccessMask;
        public Pointer SaclEvaluationResults;
        public Pointer Error;

        public AuthzAccessReply() {
            super(W32APITypeMapper.DEFAULT);
        }
    }

    /**
     * {@code SID_AND_ATTRIBUTES} (winnt.h; learn.microsoft.com/windows/win32/api/winnt/ns-winnt-sid_and_attributes).
     * x64: size 16; 0 Sid, 8 Attributes.
     */
    @FieldOrder({"Sid", "Attributes"})
    public static final class SidAndAttributes extends Structure {
        public Pointer Sid;
        public int Attributes;

        public SidAndAttributes() {
            super(W32APITypeMapper.DEFAULT);
        }
    }
}
