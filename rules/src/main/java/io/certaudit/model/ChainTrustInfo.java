package io.certaudit.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * The information bits of the Windows chain engine's CERT_TRUST_STATUS.dwInfoStatus, named as wincrypt.h names
 * them without the {@code CERT_TRUST_} prefix. They describe how the chain was built, not whether it is trusted.
 * learn.microsoft.com/windows/win32/api/wincrypt/ns-wincrypt-cert_trust_status
 */
public enum ChainTrustInfo {
    HAS_EXACT_MATCH_ISSUER(0x00000001),
    HAS_KEY_MATCH_ISSUER(0x00000002),
    HAS_NAME_MATCH_ISSUER(0x00000004),
    IS_SELF_SIGNED(0x00000008),
    HAS_PREFERRED_ISSUER(0x00000100),
    HAS_ISSUANCE_CHAIN_POLICY(0x00000200),
    HAS_VALID_NAME_CONSTRAINTS(0x00000400),
    IS_PEER_TRUSTED(0x00000800),
    HAS_CRL_VALIDITY_EXTENDED(0x00001000),
    IS_FROM_EXCLUSIVE_TRUST_STORE(0x00002000),
    IS_CA_TRUSTED(0x00004000),
    IS_COMPLEX_CHAIN(0x00010000);

    private final int bit;

    ChainTrustInfo(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    /** The bits set in {@code status} that wincrypt.h defines. */
    public static Set<ChainTrustInfo> of(int status) {
        Set<ChainTrustInfo> set = EnumSet.noneOf(ChainTrustInfo.class);
        for (ChainTrustInfo info : values()) {
            if ((status & info.bit) != 0) {
                set.add(info);
            }
        }
        return set;
    }
}
