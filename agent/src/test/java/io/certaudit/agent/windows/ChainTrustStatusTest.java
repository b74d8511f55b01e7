package io.certaudit.agent.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.certaudit.agent.windows.NativeError;
import io.certaudit.agent.windows.StoresAndKeys.ChainElement;
import io.certaudit.agent.windows.StoresAndKeys.ChainVerdict;
import io.certaudit.model.ChainTrustError;
import io.certaudit.model.ChainTrustInfo;
import io.certaudit.model.OsChainVerdict;
import io.certaudit.model.StoreName;
import io.certaudit.model.StoredCertificate;

class ChainTrustStatusTest {

    private static final TestChain CERTIFICATES = new TestChain();

    @Test
    void namesErrorBitsAsWincryptDoesAndKeepsUnknownBitsInHex() {
        assertEquals(List.of("IS_UNTRUSTED_ROOT", "IS_PARTIAL_CHAIN"), ChainTrustStatus.errorNames(0x00010020));
        assertEquals(List.of("IS_NOT_TIME_VALID", "0x40000000"), ChainTrustStatus.errorNames(0x40000001));
        assertEquals(List.of(), ChainTrustStatus.errorNames(0));
    }

    @Test
    void attachesTheVerdictAndThePathAsATypedFact() throws Exception {
        StoredCertificate leaf = StoredCertificate.parse(StoreName.MY, CERTIFICATES.leaf, "test");
        ChainVerdict verdict = ChainVerdict.built(WindowsConstants.CERT_TRUST_IS_UNTRUSTED_ROOT, 0x100, List.of(
                new ChainElement(CERTIFICATES.leaf, 0, 0),
                new ChainElement(CERTIFICATES.intermediate, 0, 0),
                new ChainElement(CERTIFICATES.root, WindowsConstants.CERT_TRUST_IS_UNTRUSTED_ROOT, 0)));

        StoredCertificate judged = ChainTrustStatus.attach(leaf, verdict);

        OsChainVerdict attached = judged.osChainVerdict();
        assertEquals(0x20, attached.errorStatus());
        assertEquals(Set.of(ChainTrustError.IS_UNTRUSTED_ROOT), attached.errors());
        assertEquals(Set.of(ChainTrustInfo.HAS_PREFERRED_ISSUER), attached.info());
        assertFalse(attached.trusted());
        assertEquals(List.of(leaf.thumbprint(), StoredCertificate.digest("SHA-1", CERTIFICATES.intermediate),
                StoredCertificate.digest("SHA-1", CERTIFICATES.root)), attached.path());
    }

    @Test
    void aChainThatCouldNotBeBuiltSaysWhy() throws Exception {
        StoredCertificate leaf = StoredCertificate.parse(StoreName.MY, CERTIFICATES.leaf, "test");
        StoredCertificate judged = ChainTrustStatus.attach(leaf,
                ChainVerdict.failed(new NativeError(0x80092004, "Cannot find object or property.")));
        assertEquals("0x80092004 (Cannot find object or property.)", judged.osChainVerdict().failure());
        assertFalse(judged.osChainVerdict().built());
        assertFalse(judged.osChainVerdict().trusted());
    }
}
