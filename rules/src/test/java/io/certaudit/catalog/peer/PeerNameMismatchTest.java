package io.certaudit.catalog.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Finding;
import io.certaudit.model.PeerAddress;
import io.certaudit.model.Tristate;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class PeerNameMismatchTest {

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Contoso Root");

    private List<Finding> probedAt(String host, TestPki.Spec leaf) {
        return new HostFixture().peer(PeerObservations.reached(new PeerAddress(host, 5061),
                List.of(pki.issue(root, leaf)), null, Tristate.UNKNOWN)).findings("peer-name-mismatch");
    }

    @Test
    void passesWhenTheSanNamesTheHostInAnyLetterCase() {
        assertTrue(probedAt("Pool.Contoso.com", pki.spec("pool.contoso.com").san("pool.contoso.com")).isEmpty());
    }

    @Test
    void failsWhenNoSanNamesTheHost() {
        List<Finding> findings = probedAt("pool.contoso.com", pki.spec("fe01.contoso.com").san("fe01.contoso.com"));

        assertEquals(1, findings.size());
        assertTrue(findings.get(0).message().contains("does not name 'pool.contoso.com'"), findings.get(0).message());
        assertEquals("DNS:fe01.contoso.com", findings.get(0).evidence().get("subjectAlternativeNames"));
    }

    @Test
    void aWildcardCoversOneLabelOnly() {
        TestPki.Spec wildcard = pki.spec("*.contoso.com").san("*.contoso.com");

        assertTrue(probedAt("pool.contoso.com", wildcard).isEmpty());
        assertEquals(1, probedAt("fe.pool.contoso.com", wildcard).size());
        assertEquals(1, probedAt("contoso.com", wildcard).size());
    }

    @Test
    void theCnCountsOnlyWithoutAnySanName() {
        assertTrue(probedAt("pool.contoso.com", pki.spec("pool.contoso.com")).isEmpty());
        assertEquals(1, probedAt("pool.contoso.com", pki.spec("pool.contoso.com").san("fe01.contoso.com")).size());
    }

    @Test
    void anIpAddressMustBeASanIpEntry() {
        assertTrue(probedAt("192.0.2.10", pki.spec("sbc.contoso.com").san("sbc.contoso.com").ipSan("192.0.2.10"))
                .isEmpty());
        assertTrue(probedAt("2001:db8::10", pki.spec("sbc.contoso.com").ipSan("2001:db8:0:0:0:0:0:10")).isEmpty());
        assertEquals(1, probedAt("192.0.2.10", pki.spec("192.0.2.10").san("sbc.contoso.com")).size());
    }
}
