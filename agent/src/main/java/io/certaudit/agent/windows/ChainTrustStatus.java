package io.certaudit.agent.windows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.certaudit.agent.windows.StoresAndKeys.ChainElement;
import io.certaudit.agent.windows.StoresAndKeys.ChainVerdict;
import io.certaudit.catalog.chain.OsChainDisagrees;
import io.certaudit.model.StoredCertificate;

/**
 * The Windows chain engine's verdict in the words of wincrypt.h (CERT_TRUST_* without the prefix), as the
 * certificate properties the report shows and the {@code os-chain-disagrees} rule reads.
 * learn.microsoft.com/windows/win32/api/wincrypt/ns-wincrypt-cert_trust_status
 */
final class ChainTrustStatus {

    /** The chain's CERT_TRUST_STATUS.dwErrorStatus, {@code 0x%08X}. */
    static final String ERROR_STATUS = OsChainDisagrees.ERROR_STATUS_PROPERTY;
    /** The error bits by name, comma-separated, or {@code none}. */
    static final String ERRORS = OsChainDisagrees.ERRORS_PROPERTY;
    /** The chain's CERT_TRUST_STATUS.dwInfoStatus, {@code 0x%08X}. */
    static final String INFO_STATUS = "osChainInfoStatus";
    /** The thumbprints of the chain the engine built, end certificate first, joined by {@code >}. */
    static final String PATH = OsChainDisagrees.PATH_PROPERTY;
    /** Why no chain could be built. */
    static final String FAILURE = "osChainFailure";

    private static final Map<Integer, String> ERROR_BITS = bits(
            WindowsConstants.CERT_TRUST_IS_NOT_TIME_VALID, "IS_NOT_TIME_VALID",
            WindowsConstants.CERT_TRUST_IS_NOT_TIME_NESTED, "IS_NOT_TIME_NESTED",
            WindowsConstants.CERT_TRUST_IS_REVOKED, "IS_REVOKED",
            WindowsConstants.CERT_TRUST_IS_NOT_SIGNATURE_VALID, "IS_NOT_SIGNATURE_VALID",
            WindowsConstants.CERT_TRUST_IS_NOT_VALID_FOR_USAGE, "IS_NOT_VALID_FOR_USAGE",
            WindowsConstants.CERT_TRUST_IS_UNTRUSTED_ROOT, "IS_UNTRUSTED_ROOT",
            WindowsConstants.CERT_TRUST_REVOCATION_STATUS_UNKNOWN, "REVOCATION_STATUS_UNKNOWN",
            WindowsConstants.CERT_TRUST_IS_CYCLIC, "IS_CYCLIC",
            WindowsConstants.CERT_TRUST_INVALID_EXTENSION, "INVALID_EXTENSION",
            WindowsConstants.CERT_TRUST_INVALID_POLICY_CONSTRAINTS, "INVALID_POLICY_CONSTRAINTS",
            WindowsConstants.CERT_TRUST_INVALID_BASIC_CONSTRAINTS, "INVALID_BASIC_CONSTRAINTS",
            WindowsConstants.CERT_TRUST_INVALID_NAME_CONSTRAINTS, "INVALID_NAME_CONSTRAINTS",
            WindowsConstants.CERT_TRUST_HAS_NOT_SUPPORTED_NAME_CONSTRAINT, "HAS_NOT_SUPPORTED_NAME_CONSTRAINT",
            WindowsConstants.CERT_TRUST_HAS_NOT_DEFINED_NAME_CONSTRAINT, "HAS_NOT_DEFINED_NAME_CONSTRAINT",
            WindowsConstants.CERT_TRUST_HAS_NOT_PERMITTED_NAME_CONSTRAINT, "HAS_NOT_PERMITTED_NAME_CONSTRAINT",
            WindowsConstants.CERT_TRUST_HAS_EXCLUDED_NAME_CONSTRAINT, "HAS_EXCLUDED_NAME_CONSTRAINT",
            WindowsConstants.CERT_TRUST_IS_PARTIAL_CHAIN, "IS_PARTIAL_CHAIN",
            WindowsConstants.CERT_TRUST_CTL_IS_NOT_TIME_VALID, "CTL_IS_NOT_TIME_VALID",
            WindowsConstants.CERT_TRUST_CTL_IS_NOT_SIGNATURE_VALID, "CTL_IS_NOT_SIGNATURE_VALID",
            WindowsConstants.CERT_TRUST_CTL_IS_NOT_VALID_FOR_USAGE, "CTL_IS_NOT_VALID_FOR_USAGE",
            WindowsConstants.CERT_TRUST_HAS_WEAK_SIGNATURE, "HAS_WEAK_SIGNATURE",
            WindowsConstants.CERT_TRUST_IS_OFFLINE_REVOCATION, "IS_OFFLINE_REVOCATION",
            WindowsConstants.CERT_TRUST_NO_ISSUANCE_CHAIN_POLICY, "NO_ISSUANCE_CHAIN_POLICY",
            WindowsConstants.CERT_TRUST_IS_EXPLICIT_DISTRUST, "IS_EXPLICIT_DISTRUST",
            WindowsConstants.CERT_TRUST_HAS_NOT_SUPPORTED_CRITICAL_EXT, "HAS_NOT_SUPPORTED_CRITICAL_EXT");

    private ChainTrustStatus() {
    }

    /** The error bits by name; bits wincrypt.h does not define appear in hexadecimal. */
    static List<String> errorNames(int errorStatus) {
        List<String> names = new ArrayList<>();
        int rest = errorStatus;
        for (Map.Entry<Integer, String> bit : ERROR_BITS.entrySet()) {
            if ((errorStatus & bit.getKey()) != 0) {
                names.add(bit.getValue());
                rest &= ~bit.getKey();
            }
        }
        if (rest != 0) {
            names.add(String.format("0x%08X", rest));
        }
        return names;
    }

    /** The certificate with the verdict attached as properties. */
    static StoredCertificate attach(StoredCertificate certificate, ChainVerdict verdict) {
        if (verdict.error() != null) {
            return certificate.withProperty(FAILURE, verdict.error().describe());
        }
        List<String> errors = errorNames(verdict.errorStatus());
        List<String> path = new ArrayList<>();
        for (ChainElement element : verdict.elements()) {
            path.add(StoredCertificate.digest("SHA-1", element.encoded()));
        }
        return certificate
                .withProperty(ERROR_STATUS, String.format("0x%08X", verdict.errorStatus()))
                .withProperty(ERRORS, errors.isEmpty() ? "none" : String.join(", ", errors))
                .withProperty(INFO_STATUS, String.format("0x%08X", verdict.infoStatus()))
                .withProperty(PATH, String.join(" > ", path));
    }

    private static Map<Integer, String> bits(Object... pairs) {
        Map<Integer, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((Integer) pairs[i], (String) pairs[i + 1]);
        }
        return map;
    }
}
