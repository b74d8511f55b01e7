package io.certaudit.catalog.chain;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.junit.jupiter.api.Test;

import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.RuleTester;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class CriticalExtensionUnknownTest {

    private static final ASN1ObjectIdentifier PRIVATE = new ASN1ObjectIdentifier("1.3.6.1.4.1.55555.1.2");

    private final TestPki pki = new TestPki();

    private static RuleTester.Run run(HostFixture host) {
        return RuleTester.of(new CriticalExtensionUnknown()).on(host).run();
    }

    @Test
    void anUnknownCriticalExtensionInLeafIntermediateOrRootFailsNamingIt() {
        for (String where : new String[] {"leaf", "intermediate", "root"}) {
            Issued root = pki.selfSigned(pki.spec("Critical Root " + where).ca().extension(PRIVATE,
                    where.equals("root"), DERNull.INSTANCE));
            Issued ca = pki.issue(root, pki.spec("Critical CA " + where).ca().extension(PRIVATE,
                    where.equals("intermediate"), DERNull.INSTANCE));
            Issued leaf = pki.issue(ca, pki.spec("critical-" + where + ".example.com").extension(PRIVATE,
                    where.equals("leaf"), DERNull.INSTANCE));
            Issued marked = where.equals("leaf") ? leaf : where.equals("root") ? root : ca;

            run(new HostFixture().chain(root, ca, leaf)).assertFailed()
                .onlyFinding().severity(Severity.ERROR).store(StoreName.MY).about(leaf)
                .messageContains(PRIVATE.getId())
                .evidence("element", marked.in(StoreName.MY).thumbprint());
        }
    }

    @Test
    void knownCriticalExtensionsAndNonCriticalUnknownOnesPass() {
        Issued root = pki.root("Critical Plain Root");
        Issued ca = pki.issue(root, pki.spec("Critical Plain CA").ca());
        Issued leaf = pki.issue(ca, pki.spec("plain.example.com").extension(PRIVATE, false, DERNull.INSTANCE));
        run(new HostFixture().chain(root, ca, leaf)).assertPassed();
    }
}
