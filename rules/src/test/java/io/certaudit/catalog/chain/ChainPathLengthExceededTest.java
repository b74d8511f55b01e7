package io.certaudit.catalog.chain;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.RuleTester;
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

    private static RuleTester.Run run(HostFixture host) {
        return RuleTester.of(new ChainPathLengthExceeded()).on(host).run();
    }

    @Test
    void aCaWithPathLenZeroThatIssuedAnotherCaFailsAndIsNamed() {
        Host host = host(0, "zero");
        run(host.fixture()).assertFailed()
                .onlyFinding().severity(Severity.ERROR).store(StoreName.MY)
                .about(host.leaf())
                .messageContains("PathLen Policy CA zero", "allows 0", "the path has 1")
                .evidence("element", host.policy().in(StoreName.CA).thumbprint());
    }

    @Test
    void aPathWithinTheConstraintPasses() {
        run(host(1, "one").fixture()).assertPassed();
    }
}
