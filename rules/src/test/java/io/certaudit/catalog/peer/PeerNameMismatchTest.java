package io.certaudit.catalog.peer;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.certaudit.model.PeerAddress;
import io.certaudit.model.Tristate;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.RuleTester;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class PeerNameMismatchTest {

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Contoso Root");

    private RuleTester.Run probedAt(String host, TestPki.Spec leaf) {
        return RuleTester.of(new PeerNameMismatch())
                .on(new HostFixture().peer(PeerObservations.reached(new PeerAddress(host, 5061),
                        List.of(pki.issue(root, leaf)), null, Tristate.UNKNOWN)))
                .run();
    }

    @Test
    void passesWhenTheSanNamesTheHostInAnyLetterCase() {
        probedAt("Pool.Contoso.com", pki.spec("pool.contoso.com").san("pool.contoso.com")).assertPassed();
    }

    @Test
    void failsWhenNoSanNamesTheHost() {
        probedAt("pool.contoso.com", pki.spec("fe01.contoso.com").san("fe01.contoso.com")).assertFailed()
                .peerFinding(new PeerAddress("pool.contoso.com", 5061))
                .messageContains("does not name 'pool.contoso.com'")
                .evidence("subjectAlternativeNames", "DNS:fe01.contoso.com");
    }

    @Test
    void aWildcardCoversOneLabelOnly() {
        TestPki.Spec wildcard = pki.spec("*.contoso.com").san("*.contoso.com");

        probedAt("pool.contoso.com", wildcard).assertPassed();
        probedAt("fe.pool.contoso.com", wildcard).assertFailed().assertFindingCount(1);
        probedAt("contoso.com", wildcard).assertFailed().assertFindingCount(1);
    }

    @Test
    void theCnCountsOnlyWithoutAnySanName() {
        probedAt("pool.contoso.com", pki.spec("pool.contoso.com")).assertPassed();
        probedAt("pool.contoso.com", pki.spec("pool.contoso.com").san("fe01.contoso.com")).assertFailed()
                .assertFindingCount(1);
    }

    @Test
    void anIpAddressMustBeASanIpEntry() {
        probedAt("192.0.2.10", pki.spec("sbc.contoso.com").san("sbc.contoso.com").ipSan("192.0.2.10"))
                .assertPassed();
        probedAt("2001:db8::10", pki.spec("sbc.contoso.com").ipSan("2001:db8:0:0:0:0:0:10")).assertPassed();
        probedAt("192.0.2.10", pki.spec("192.0.2.10").san("sbc.contoso.com")).assertFailed().assertFindingCount(1);
    }
}
