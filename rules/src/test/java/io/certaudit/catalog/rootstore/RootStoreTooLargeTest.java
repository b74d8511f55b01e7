package io.certaudit.catalog.rootstore;

import static io.certaudit.testing.FindingAssertions.assertNone;
import static io.certaudit.testing.FindingAssertions.assertSingle;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.certaudit.engine.Finding;
import io.certaudit.engine.RuleOutcome;
import io.certaudit.engine.Severity;
import io.certaudit.model.RegistryDword;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class RootStoreTooLargeTest {

    private static final String RULE = "root-store-too-large";
    private static final int LIMIT = 16_384;
    /** Each distinguished name goes into the CertificateRequest with a 2-byte length. */
    private static final int LENGTH_PREFIX = 2;

    private static final TestPki PKI = new TestPki();
    /** Roots with names of about a kilobyte, together well under the limit. */
    private static final List<Issued> LONG_NAMED_ROOTS = new ArrayList<>();
    private static int longNamedBytes;

    @BeforeAll
    static void buildRoots() {
        for (int i = 0; i < 14; i++) {
            Issued root = PKI.selfSigned(PKI.spec("CN=Example Long Root " + i + " " + "x".repeat(1000)
                    + ",O=Example").ca().ec("secp256r1"));
            LONG_NAMED_ROOTS.add(root);
            longNamedBytes += root.in(StoreName.ROOT).facts().encodedSubjectLength() + LENGTH_PREFIX;
        }
    }

    /** A root whose name brings the issuer list of the long-named roots and itself to exactly {@code total}. */
    private static Issued rootBringingTheListTo(int total) {
        int wanted = total - longNamedBytes - LENGTH_PREFIX;
        for (int padding = 0; padding < 4096; padding++) {
            String name = "CN=Example Filler Root " + total + " " + "y".repeat(padding);
            if (encodedLength(name) == wanted) {
                Issued root = PKI.selfSigned(PKI.spec(name).ca().ec("secp256r1"));
                assertEquals(wanted, root.in(StoreName.ROOT).facts().encodedSubjectLength());
                return root;
            }
        }
        throw new IllegalStateException("no name encodes to " + wanted + " bytes");
    }

    private static int encodedLength(String name) {
        try {
            return new X500Name(name).getEncoded().length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HostFixture hostWith(Issued filler) {
        HostFixture host = new HostFixture().add(StoreName.ROOT, LONG_NAMED_ROOTS.toArray(Issued[]::new));
        return filler == null ? host : host.add(StoreName.ROOT, filler);
    }

    private static RuleOutcome.Result outcome(HostFixture host) {
        return host.audit().outcomes().stream().filter(o -> o.rule().equals(RULE)).findFirst().orElseThrow()
                .result();
    }

    @Test
    void warnsWhenTheIssuerListIsOneByteOverTheLimitAndSent() {
        HostFixture host = hostWith(rootBringingTheListTo(LIMIT + 1))
                .schannel(RegistryDword.of(1), RegistryDword.of(0))
                .windowsBuild(14393);

        Finding finding = assertSingle(host.findings(RULE), Severity.WARNING, StoreName.ROOT, null,
                "15 certificates", "16385 bytes", "16384-byte limit", "SendTrustedIssuerList", "is 1");
        assertEquals("16385", finding.evidence().get("issuerListBytes"));
        assertEquals("16384", finding.evidence().get("limitBytes"));
        assertEquals("15", finding.evidence().get("rootCertificates"));
        assertEquals("yes", finding.evidence().get("issuerListSent"));
        assertEquals("0", finding.evidence().get("ClientAuthTrustMode"));
        assertEquals("1", finding.evidence().get("SendTrustedIssuerList"));
        assertEquals("registry export: schannel.reg", finding.evidence().get("schannelSource"));
        assertEquals("build 14393", finding.evidence().get("windowsVersion"));
    }

    @Test
    void withoutSchannelSettingsItWarnsAndSaysItCannotTell() {
        Finding finding = assertSingle(hostWith(rootBringingTheListTo(LIMIT + 1)).findings(RULE), Severity.WARNING,
                StoreName.ROOT, null, "16385 bytes", "unknown", "no SCHANNEL settings");
        assertEquals("unknown", finding.evidence().get("issuerListSent"));
    }

    @Test
    void anAbsentValueOnWindowsServer2012R2OrLaterSendsNoListSoTheRuleDoesNotApply() {
        HostFixture host = hostWith(rootBringingTheListTo(LIMIT + 1))
                .schannel(RegistryDword.absent(), RegistryDword.absent()).windowsBuild(9600);

        assertNone(host.findings(RULE));
        assertEquals(RuleOutcome.Result.NOT_APPLICABLE, outcome(host));
    }

    @Test
    void anAbsentValueBeforeWindowsServer2012SendsTheList() {
        HostFixture host = hostWith(rootBringingTheListTo(LIMIT + 1))
                .schannel(RegistryDword.absent(), RegistryDword.absent()).windowsBuild(7601);

        Finding finding = assertSingle(host.findings(RULE), Severity.WARNING, StoreName.ROOT, null,
                "absent", "sends the list by default");
        assertEquals("yes", finding.evidence().get("issuerListSent"));
    }

    @Test
    void anAbsentValueWithoutTheWindowsVersionIsUnknown() {
        HostFixture host = hostWith(rootBringingTheListTo(LIMIT + 1))
                .schannel(RegistryDword.absent(), RegistryDword.absent());

        assertSingle(host.findings(RULE), Severity.WARNING, StoreName.ROOT, null, "do not tell the Windows version");
    }

    @Test
    void aZeroValueStopsTheListExceptOnWindowsServer2012() {
        Issued filler = rootBringingTheListTo(LIMIT + 1);
        HostFixture modern = hostWith(filler).schannel(RegistryDword.of(0), RegistryDword.absent())
                .windowsBuild(17763);
        assertNone(modern.findings(RULE));
        assertEquals(RuleOutcome.Result.NOT_APPLICABLE, outcome(modern));

        HostFixture server2012 = hostWith(filler).schannel(RegistryDword.of(0), RegistryDword.absent())
                .windowsBuild(9200);
        assertSingle(server2012.findings(RULE), Severity.WARNING, StoreName.ROOT, null, "KB 2880390");

        HostFixture versionUnknown = hostWith(filler).schannel(RegistryDword.of(0), RegistryDword.absent());
        assertSingle(versionUnknown.findings(RULE), Severity.INFO, StoreName.ROOT, null, "is 0",
                "sends no list", "KB 2880390");
    }

    @Test
    void anUnreadableValueIsUnknown() {
        HostFixture host = hostWith(rootBringingTheListTo(LIMIT + 1))
                .schannel(RegistryDword.unreadable("REG_SZ, not REG_DWORD"), RegistryDword.absent())
                .windowsBuild(14393);

        assertSingle(host.findings(RULE), Severity.WARNING, StoreName.ROOT, null, "unreadable (REG_SZ",
                "unknown");
    }

    @Test
    void sinceWindowsServer2012AFilledClientAuthenticationIssuersStoreIsWhatIsSent() {
        Issued filler = rootBringingTheListTo(LIMIT + 1);
        HostFixture host = hostWith(filler).add(StoreName.CLIENT_AUTH_ISSUER, filler)
                .schannel(RegistryDword.of(1), RegistryDword.absent()).windowsBuild(14393);

        assertNone(host.findings(RULE));
        assertEquals(RuleOutcome.Result.PASSED, outcome(host));

        HostFixture full = new HostFixture().add(StoreName.CLIENT_AUTH_ISSUER, filler)
                .add(StoreName.CLIENT_AUTH_ISSUER, LONG_NAMED_ROOTS.toArray(Issued[]::new))
                .add(StoreName.ROOT, filler)
                .schannel(RegistryDword.of(1), RegistryDword.absent()).windowsBuild(14393);
        Finding finding = assertSingle(full.findings(RULE), Severity.WARNING, StoreName.CLIENT_AUTH_ISSUER, null,
                "Client Authentication Issuers holds 15 certificates");
        assertEquals("CLIENT_AUTH_ISSUER", finding.evidence().get("issuerListStore"));
    }

    @Test
    void passesWhenTheIssuerListIsExactlyAtTheLimit() {
        HostFixture host = hostWith(rootBringingTheListTo(LIMIT));

        assertNone(host.findings(RULE));
        assertEquals(RuleOutcome.Result.PASSED, outcome(host));
    }

    @Test
    void aCertificateStoredTwiceIsSentOnce() {
        Issued filler = rootBringingTheListTo(LIMIT);

        assertNone(hostWith(filler).add(StoreName.ROOT, filler, LONG_NAMED_ROOTS.get(0)).findings(RULE));
    }

    @Test
    void anEmptyTrustedRootIsNotApplicable() {
        HostFixture host = new HostFixture().add(StoreName.CA, LONG_NAMED_ROOTS.get(0));

        assertNone(host.findings(RULE));
        assertEquals(RuleOutcome.Result.NOT_APPLICABLE, outcome(host));
    }
}
