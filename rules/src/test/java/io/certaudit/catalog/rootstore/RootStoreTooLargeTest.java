package io.certaudit.catalog.rootstore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.certaudit.engine.Severity;
import io.certaudit.model.RegistryDword;
import io.certaudit.model.StoreName;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.RuleTester;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class RootStoreTooLargeTest {

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

    private static RuleTester.Run run(HostFixture host) {
        return RuleTester.of(new RootStoreTooLarge()).on(host).run();
    }

    /** The one finding there must be: about a whole store, not one certificate. */
    private static RuleTester.FindingAssert warningAbout(HostFixture host, StoreName store) {
        return run(host).assertFailed().onlyFinding().severity(Severity.WARNING).store(store).noCertificate();
    }

    @Test
    void warnsWhenTheIssuerListIsOneByteOverTheLimitAndSent() {
        HostFixture host = hostWith(rootBringingTheListTo(LIMIT + 1))
                .schannel(RegistryDword.of(1), RegistryDword.of(0))
                .windowsBuild(14393);

        warningAbout(host, StoreName.ROOT)
                .messageContains("15 certificates", "16385 bytes", "16384-byte limit", "SendTrustedIssuerList",
                        "is 1")
                .evidence("issuerListBytes", "16385")
                .evidence("limitBytes", "16384")
                .evidence("rootCertificates", "15")
                .evidence("issuerListSent", "yes")
                .evidence("ClientAuthTrustMode", "0")
                .evidence("SendTrustedIssuerList", "1")
                .evidence("schannelSource", "registry export: schannel.reg")
                .evidence("windowsVersion", "build 14393");
    }

    @Test
    void withoutSchannelSettingsItWarnsAndSaysItCannotTell() {
        warningAbout(hostWith(rootBringingTheListTo(LIMIT + 1)), StoreName.ROOT)
                .messageContains("16385 bytes", "unknown", "no SCHANNEL settings")
                .evidence("issuerListSent", "unknown");
    }

    @Test
    void anAbsentValueOnWindowsServer2012R2OrLaterSendsNoListSoTheRuleDoesNotApply() {
        HostFixture host = hostWith(rootBringingTheListTo(LIMIT + 1))
                .schannel(RegistryDword.absent(), RegistryDword.absent()).windowsBuild(9600);

        run(host).assertNotApplicable("Windows Server 2012 R2 and later send no issuer list by default")
                .assertNoFindings();
    }

    @Test
    void anAbsentValueBeforeWindowsServer2012SendsTheList() {
        HostFixture host = hostWith(rootBringingTheListTo(LIMIT + 1))
                .schannel(RegistryDword.absent(), RegistryDword.absent()).windowsBuild(7601);

        warningAbout(host, StoreName.ROOT)
                .messageContains("absent", "sends the list by default")
                .evidence("issuerListSent", "yes");
    }

    @Test
    void anAbsentValueWithoutTheWindowsVersionIsUnknown() {
        HostFixture host = hostWith(rootBringingTheListTo(LIMIT + 1))
                .schannel(RegistryDword.absent(), RegistryDword.absent());

        warningAbout(host, StoreName.ROOT).messageContains("do not tell the Windows version");
    }

    @Test
    void aZeroValueStopsTheListExceptOnWindowsServer2012() {
        Issued filler = rootBringingTheListTo(LIMIT + 1);
        HostFixture modern = hostWith(filler).schannel(RegistryDword.of(0), RegistryDword.absent())
                .windowsBuild(17763);
        run(modern).assertNotApplicable("SendTrustedIssuerList 0 stops the list after Windows Server 2012")
                .assertNoFindings();

        HostFixture server2012 = hostWith(filler).schannel(RegistryDword.of(0), RegistryDword.absent())
                .windowsBuild(9200);
        warningAbout(server2012, StoreName.ROOT).messageContains("KB 2880390");

        HostFixture versionUnknown = hostWith(filler).schannel(RegistryDword.of(0), RegistryDword.absent());
        run(versionUnknown).assertFailed()
                .onlyFinding().severity(Severity.INFO).store(StoreName.ROOT).noCertificate()
                .messageContains("is 0", "sends no list", "KB 2880390");
    }

    @Test
    void anUnreadableValueIsUnknown() {
        HostFixture host = hostWith(rootBringingTheListTo(LIMIT + 1))
                .schannel(RegistryDword.unreadable("REG_SZ, not REG_DWORD"), RegistryDword.absent())
                .windowsBuild(14393);

        warningAbout(host, StoreName.ROOT).messageContains("unreadable (REG_SZ", "unknown");
    }

    @Test
    void sinceWindowsServer2012AFilledClientAuthenticationIssuersStoreIsWhatIsSent() {
        Issued filler = rootBringingTheListTo(LIMIT + 1);
        HostFixture host = hostWith(filler).add(StoreName.CLIENT_AUTH_ISSUER, filler)
                .schannel(RegistryDword.of(1), RegistryDword.absent()).windowsBuild(14393);

        run(host).assertPassed();

        HostFixture full = new HostFixture().add(StoreName.CLIENT_AUTH_ISSUER, filler)
                .add(StoreName.CLIENT_AUTH_ISSUER, LONG_NAMED_ROOTS.toArray(Issued[]::new))
                .add(StoreName.ROOT, filler)
                .schannel(RegistryDword.of(1), RegistryDword.absent()).windowsBuild(14393);
        warningAbout(full, StoreName.CLIENT_AUTH_ISSUER)
                .messageContains("Client Authentication Issuers holds 15 certificates")
                .evidence("issuerListStore", "CLIENT_AUTH_ISSUER");
    }

    @Test
    void passesWhenTheIssuerListIsExactlyAtTheLimit() {
        run(hostWith(rootBringingTheListTo(LIMIT))).assertPassed();
    }

    @Test
    void aCertificateStoredTwiceIsSentOnce() {
        Issued filler = rootBringingTheListTo(LIMIT);

        run(hostWith(filler).add(StoreName.ROOT, filler, LONG_NAMED_ROOTS.get(0))).assertPassed();
    }

    @Test
    void anEmptyTrustedRootIsNotApplicable() {
        run(new HostFixture().add(StoreName.CA, LONG_NAMED_ROOTS.get(0)))
                .assertNotApplicable("Trusted Root holds no certificate to list").assertNoFindings();
    }
}
