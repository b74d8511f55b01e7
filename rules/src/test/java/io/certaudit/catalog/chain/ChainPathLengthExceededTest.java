package io.certaudit.catalog.chain;

import static io.certaudit.testing.FindingAssertions.assertNone;
import static io.certaudit.testing.FindingAssertions.assertSingle;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Finding;
import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class ChainPathLengthExceededTest {

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("PathLen Root");

    /** Root > policy CA (pathLen) > issuing CA > leaf. */
    private record Host(HostFixture fixture, Issued policy, Issued leaf) {
    }

    private Host host(int pathLen, String suffix) {
        Issued policy = pki.issue(root, pki.spec("PathLen Policy CA " + suffix).ca().pathLen(pathLen));
        Issued issuing = pki.issue(policy, pki.spec("PathLen Issuing CA " + suffix).ca());
        Issued leaf = pki.issue(issuing, pki.spec("pathlen-" + suffix + ".example.com"));
        return new Host(new HostFixture().add(StoreName.ROOT, root).add(StoreName.CA, policy, issuing)
                .addWithKey(leaf), policy, leaf);
    }

    @Test
    void aCaWithPathLenZeroThatIssuedAnotherCaFailsAndIsNamed() {
        Host host = host(0, "zero");
        Finding finding = assertSingle(host.fixture().findings("chain-path-length-exceeded"), Severity.ERROR,
                StoreName.MY, host.leaf().in(StoreName.MY).thumbprint(), "PathLen Policy CA zero", "allows 0",
                "the path has 1");
        assertEquals(host.policy().in(StoreName.CA).thumbprint(), finding.evidence().get("element"));
    }

    @Test
    void aPathWithinTheConstraintPasses() {
        assertNone(host(1, "one").fixture().findings("chain-path-length-exceeded"));
    }
}
