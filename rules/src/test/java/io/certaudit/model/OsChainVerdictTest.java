package io.certaudit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class OsChainVerdictTest {

    @Test
    void onlyTheBitsThatMeanNoTrustedChainMakeWindowsDistrustIt() {
        assertTrue(OsChainVerdict.built(0, 0, List.of("A")).trusted());
        assertTrue(OsChainVerdict.built(ChainTrustError.IS_NOT_TIME_VALID.bit()
                | ChainTrustError.REVOCATION_STATUS_UNKNOWN.bit(), 0, List.of("A")).trusted(),
                "validity and revocation are judged by their own rules");
        for (ChainTrustError error : ChainTrustError.NO_TRUSTED_CHAIN) {
            assertFalse(OsChainVerdict.built(error.bit(), 0, List.of("A")).trusted(), error::name);
        }
        assertFalse(OsChainVerdict.failed("0x80092004 (Cannot find object or property.)").trusted(),
                "no chain is no trusted chain");
    }

    @Test
    void bitsAreTypedAndUnknownBitsStayVisible() {
        OsChainVerdict verdict = OsChainVerdict.built(0x80010020, 0x00000108, List.of("A", "B"));
        assertEquals(Set.of(ChainTrustError.IS_UNTRUSTED_ROOT, ChainTrustError.IS_PARTIAL_CHAIN), verdict.errors());
        assertEquals(List.of("IS_UNTRUSTED_ROOT", "IS_PARTIAL_CHAIN", "0x80000000"), verdict.errorNames());
        assertEquals(Set.of(ChainTrustInfo.IS_SELF_SIGNED, ChainTrustInfo.HAS_PREFERRED_ISSUER), verdict.info());
    }

    @Test
    void aChainThatWasNotBuiltHasNoStatusAndNoPath() {
        assertThrows(IllegalArgumentException.class, () -> new OsChainVerdict(0x20, 0, List.of(), "failed"));
        assertThrows(IllegalArgumentException.class, () -> new OsChainVerdict(0, 0, List.of("A"), "failed"));
        assertFalse(OsChainVerdict.failed("why").built());
    }
}
