package io.certaudit.catalog.names;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.certaudit.engine.Severity;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.RuleTester;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class SubjectCnNotFqdnTest {

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Example Root");
    private final Issued ca = pki.issue(root, pki.spec("Example Issuing CA").ca());

    private static RuleTester.Run run(HostFixture host) {
        return RuleTester.of(new SubjectCnNotFqdn()).on(host).run();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bemsapppool.example.com", "BEMS01.Corp.Example.com", "a-b.example.co.uk"})
    void anFqdnPasses(String cn) {
        Issued leaf = pki.issue(ca, pki.spec(cn).san(cn));

        run(new HostFixture().chain(root, ca, leaf)).assertPassed();
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

        run(new HostFixture().chain(root, ca, leaf)).assertFailed()
                .onlyFinding().severity(Severity.ERROR).store(StoreName.MY).about(leaf)
                .messageContains("subject CN '" + cn + "'", "not a valid FQDN", reason);
    }

    @Test
    void aSubjectWithoutCnFails() {
        Issued leaf = pki.issue(ca, pki.spec("O=Example Ltd,C=GB").san("bems.example.com"));

        run(new HostFixture().chain(root, ca, leaf)).assertFailed()
                .onlyFinding().severity(Severity.ERROR).store(StoreName.MY).about(leaf)
                .messageContains("has no CN", "O=Example Ltd");
    }
}
