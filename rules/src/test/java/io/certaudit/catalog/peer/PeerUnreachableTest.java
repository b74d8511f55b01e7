package io.certaudit.catalog.peer;

import org.junit.jupiter.api.Test;

import io.certaudit.engine.Severity;
import io.certaudit.model.PeerFailure;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.RuleTester;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class PeerUnreachableTest {

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Contoso Root");
    private final Issued leaf = pki.issue(root, pki.spec("pool.contoso.com").san("pool.contoso.com"));

    private static RuleTester rule() {
        return RuleTester.of(new PeerUnreachable());
    }

    @Test
    void warnsWithTheReasonWhenTheHandshakeDidNotFinish() {
        rule().on(new HostFixture()
                        .peer(PeerObservations.failed(PeerFailure.REFUSED, "192.0.2.10:5061 refused the connection")))
                .run()
                .assertFailed()
                .peerFinding(PeerObservations.POOL).severity(Severity.WARNING).noCertificate()
                .messageContains("refused the connection")
                .evidence("failure", "refused");
    }

    @Test
    void saysNothingOfAPeerThatWasReached() {
        rule().on(new HostFixture().peer(PeerObservations.sent(leaf, root))).run().assertPassed();
    }

    @Test
    void doesNotApplyWhenNoPeerWasProbed() {
        rule().on(new HostFixture()).run().assertNotApplicable("no peer was probed");
    }
}
