package io.certaudit.catalog.chain;

import static io.certaudit.testing.FindingAssertions.assertNone;
import static io.certaudit.testing.FindingAssertions.assertSingle;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.junit.jupiter.api.Test;

import io.certaudit.engine.Finding;
import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class CriticalExtensionUnknownTest {

    private static final ASN1ObjectIdentifier PRIVATE = new ASN1ObjectIdentifier("1.3.6.1.4.1.55555.1.2");

    private final TestPki pki = new TestPki();

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

            Finding finding = assertSingle(new HostFixture().chain(root, ca, leaf)
                    .findings("critical-extension-unknown"), Severity.ERROR, StoreName.MY,
                    leaf.in(StoreName.MY).thumbprint(), PRIVATE.getId());
            assertEquals(marked.in(StoreName.MY).thumbprint(), finding.evidence().get("element"), where);
        }
    }

    @Test
    void knownCriticalExtensionsAndNonCriticalUnknownOnesPass() {
        Issued root = pki.root("Critical Plain Root");
        Issued ca = pki.issue(root, pki.spec("Critical Plain CA").ca());
        Issued leaf = pki.issue(ca, pki.spec("plain.example.com").extension(PRIVATE, false, DERNull.INSTANCE));
        assertNone(new HostFixture().chain(root, ca, leaf).findings("critical-extension-unknown"));
    }
}
