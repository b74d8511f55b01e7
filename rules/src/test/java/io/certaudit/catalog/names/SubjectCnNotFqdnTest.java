package io.certaudit.catalog.names;

import static io.certaudit.testing.FindingAssertions.assertNone;
import static io.certaudit.testing.FindingAssertions.assertSingle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class SubjectCnNotFqdnTest {

    private static final String RULE = "subject-cn-not-fqdn";

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());

    @ParameterizedTest
    @ValueSource(strings = {"bemsapppool.example.com", "BEMS01.Corp.Example.com", "a-b.example.co.uk"})
    void anFqdnPasses(String cn) {
        Issued leaf = pki.issue(ca, pki.spec(cn).san(cn));

        assertNone(new HostFixture().chain(root, ca, leaf).findings(RULE));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "bemsapppool       | a single label",
            "*.example.com     | wildcard",
            "10.20.30.40       | IP address",
            "bems_pool.example.com | label 'bems_pool'",
            "-bems.example.com | label '-bems'",
            "bems..example.com | label ''"})
    void aCnThatIsNotAnFqdnFails(String cn, String reason) {
        Issued leaf = pki.issue(ca, pki.spec(cn));

        assertSingle(new HostFixture().chain(root, ca, leaf).findings(RULE), Severity.ERROR, StoreName.MY,
                leaf.in(StoreName.MY).thumbprint(), "subject CN '" + cn + "'", "not a valid FQDN", reason);
    }

    @Test
    void aSubjectWithoutCnFails() {
        Issued leaf = pki.issue(ca, pki.spec("O=Example Ltd,C=GB").san("bems.example.com"));

        assertSingle(new HostFixture().chain(root, ca, leaf).findings(RULE), Severity.ERROR, StoreName.MY,
                leaf.in(StoreName.MY).thumbprint(), "has no CN", "O=Example Ltd");
    }
}
