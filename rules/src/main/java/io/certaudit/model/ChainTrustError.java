package io.certaudit.model;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The error bits of the Windows chain engine's CERT_TRUST_STATUS.dwErrorStatus, named as wincrypt.h names them
 * without the {@code CERT_TRUST_} prefix.
 * learn.microsoft.com/windows/win32/api/wincrypt/ns-wincrypt-cert_trust_status
 */
public enum ChainTrustError {
    IS_NOT_TIME_VALID(0x00000001),
    IS_NOT_TIME_NESTED(0x00000002),
    IS_REVOKED(0x00000004),
    IS_NOT_SIGNATURE_VALID(0x00000008),
    IS_NOT_VALID_FOR_USAGE(0x00000010),
    IS_UNTRUSTED_ROOT(0x00000020),
    REVOCATION_STATUS_UNKNOWN(0x00000040),
    IS_CYCLIC(0x00000080),
    INVALID_EXTENSION(0x00000100),
    INVALID_POLICY_CONSTRAINTS(0x00000200),
    INVALID_BASIC_CONSTRAINTS(0x00000400),
    INVALID_NAME_CONSTRAINTS(0x00000800),
    HAS_NOT_SUPPORTED_NAME_CONSTRAINT(0x00001000),
    HAS_NOT_DEFINED_NAME_CONSTRAINT(0x00002000),
    HAS_NOT_PERMITTED_NAME_CONSTRAINT(0x00004000),
    HAS_EXCLUDED_NAME_CONSTRAINT(0x00008000),
    IS_PARTIAL_CHAIN(0x00010000),
    CTL_IS_NOT_TIME_VALID(0x00020000),
    CTL_IS_NOT_SIGNATURE_VALID(0x00040000),
    CTL_IS_NOT_VALID_FOR_USAGE(0x00080000),
    HAS_WEAK_SIGNATURE(0x00100000),
    IS_OFFLINE_REVOCATION(0x01000000),
    NO_ISSUANCE_CHAIN_POLICY(0x02000000),
    IS_EXPLICIT_DISTRUST(0x04000000),
    HAS_NOT_SUPPORTED_CRITICAL_EXT(0x08000000);

    /**
     * The bits that mean "no trusted chain": an invalid signature, an untrusted root, a cycle, a partial chain or an
     * explicitly distrusted certificate.
     */
    public static final Set<ChainTrustError> NO_TRUSTED_CHAIN = EnumSet.of(IS_NOT_SIGNATURE_VALID,
            IS_UNTRUSTED_ROOT, IS_CYCLIC, IS_PARTIAL_CHAIN, IS_EXPLICIT_DISTRUST);

    private final int bit;

    ChainTrustError(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    /** The bits set in {@code status} that wincrypt.h defines. */
    public static Set<ChainTrustError> of(int status) {
        Set<ChainTrustError> set = EnumSet.noneOf(ChainTrustError.class);
        for (ChainTrustError error : values()) {
            if ((status & error.bit) != 0) {
                set.add(error);
            }
        }
        return set;
    }

    /** The bits of {@code status} by name, in bit order; bits wincrypt.h does not define last, in hexadecimal. */
    public static List<String> names(int status) {
        List<String> names = new ArrayList<>();
        int rest = status;
        for (ChainTrustError error : of(status)) {
            names.add(error.name());
            rest &= ~error.bit;
        }
        if (rest != 0) {
            names.add(String.format("0x%08X", rest));
        }
        return names;
    }
}
