package io.certaudit.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.certaudit.engine.AuditResult;
import io.certaudit.engine.Finding;
import io.certaudit.engine.RuleOutcome;
import io.certaudit.model.PeerAddress;
import io.certaudit.model.PeerObservation;
import io.certaudit.model.StoreName;
import io.certaudit.model.Tristate;
import io.certaudit.testing.HostFixture;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

/**
 * A small corpus of example hosts, each built here from certificates made for it, with what the built-in catalogue
 * finds on it stored beside the tests ({@code src/test/resources/examples/NAME.txt}), rule by rule: outcome and
 * findings. A change of verdict shows in review as a change of these files; a test fails when they are stale.
 * Regenerate them with the switch that regenerates the docs ({@code -Dcertaudit.regenerateDocs=true}).
 * Thumbprints differ from run to run (keys are generated), so the files name each certificate by its subject.
 */
class ExampleHostsTest {

    private static final Path EXAMPLES = Path.of("src", "test", "resources", "examples");
    private static final Pattern HEX = Pattern.compile("\\b[0-9A-Fa-f]{16,}\\b");

    /** One example: the host, and the certificates whose thumbprints the expected file names by subject. */
    private record Example(String name, String description, HostFixture host, List<Issued> certificates) {
    }

    @TestFactory
    Stream<DynamicTest> everyExampleHostFindsWhatItsFileSays() {
        return examples().stream().map(example -> DynamicTest.dynamicTest(example.name(), () -> {
            Path file = EXAMPLES.resolve(example.name() + ".txt");
            String generated = render(example);
            if (Boolean.getBoolean("certaudit.regenerateDocs")) {
                Files.createDirectories(EXAMPLES);
                Files.writeString(file, generated, StandardCharsets.UTF_8);
            }
            String committed = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            assertEquals(committed, generated, file + " is stale or the catalogue's verdict on the example changed: "
                    + "review the difference, then regenerate with mvn -q -Pregenerate test");
        }));
    }

    private static List<Example> examples() {
        List<Example> examples = new ArrayList<>();
        TestPki pki = new TestPki();
        Issued root = pki.root("Example Corp Root CA");
        Issued ca = pki.issue(root, pki.spec("Example Corp Issuing CA 1").ca());
        String pool = "bemsapppool.example.com";

        Issued good = pki.issue(ca, pki.spec(pool).san(pool, "bemsserver01.example.com"));
        examples.add(new Example("well-kept-bems-host", "A BEMS host as it should be: root in ROOT, issuing CA in "
                + "CA, the service certificate with its key in MY, naming the pool and the instance.",
                new HostFixture().chain(root, ca, good)
                        .settings(s -> s.withPoolFqdn(pool).withInstanceFqdns(List.of("bemsserver01.example.com"))),
                List.of(root, ca, good)));

        Issued noInstance = pki.issue(ca, pki.spec(pool).san(pool).signedWith("SHA1withRSA")
                .noCrlDistributionPoint());
        examples.add(new Example("bems-host-with-a-broken-chain", "The issuing CA was imported into Trusted Root "
                + "instead of Intermediate, the root is missing, and the service certificate lacks the instance "
                + "name, is signed with SHA-1 and names no CRL distribution point.",
                new HostFixture().add(StoreName.ROOT, ca).addWithKey(noInstance)
                        .settings(s -> s.withPoolFqdn(pool).withInstanceFqdns(List.of("bemsserver01.example.com"))),
                List.of(ca, noInstance)));

        Issued selfSigned = pki.selfSigned(pki.spec("SBCExternal.contoso.com").san("SBCExternal.contoso.com")
                .rsa(1024).eku(KeyPurposeId.id_kp_serverAuth));
        examples.add(new Example("exchange-um-sbc-self-signed", "An SBC certificate for Exchange Online UM: "
                + "self-signed, a 1024-bit key, the gateway address in another letter case, no Client "
                + "Authentication EKU.",
                new HostFixture().addWithKey(selfSigned)
                        .settings(s -> s.withGatewayAddress("sbcexternal.contoso.com")),
                List.of(selfSigned)));

        Issued old = pki.issue(ca, pki.spec(pool).san(pool)
                .valid(TestPki.NOW.minus(Duration.ofDays(400)), TestPki.NOW.minus(Duration.ofDays(2))));
        Issued renewed = pki.issue(ca, pki.spec(pool).san(pool).freshKey()
                .valid(TestPki.NOW.minus(Duration.ofDays(300)), TestPki.NOW.plus(Duration.ofDays(12))));
        examples.add(new Example("renewed-beside-the-old", "The expired certificate was left beside its renewal, "
                + "which itself expires in 12 days.",
                new HostFixture().chain(root, ca, renewed).addWithKey(old).settings(s -> s.withPoolFqdn(pool)),
                List.of(root, ca, old, renewed)));

        Issued peerRoot = pki.root("Contoso Lync Root CA");
        Issued peerCa = pki.issue(peerRoot, pki.spec("Contoso Lync Issuing CA").ca());
        Issued peerLeaf = pki.issue(peerCa, pki.spec("lyncpool.contoso.com").san("lyncpool.contoso.com"));
        PeerObservation peer = new PeerObservation(new PeerAddress("lyncpool.contoso.com", 5061), "192.0.2.20",
                "TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
                List.of(peerLeaf.in(StoreName.CA).certificate(), peerCa.in(StoreName.CA).certificate()),
                List.of(new X500Principal(peerRoot.holder().getSubject().toString())), Tristate.YES, null, null);
        examples.add(new Example("peer-from-another-pki", "A well-kept BEMS host probing a Lync pool whose "
                + "certificates come from a CA this host does not trust, and which asks for client certificates "
                + "from its own root only.",
                new HostFixture().chain(root, ca, good).peer(peer)
                        .settings(s -> s.withPoolFqdn(pool).withInstanceFqdns(List.of("bemsserver01.example.com"))),
                List.of(root, ca, good, peerRoot, peerCa, peerLeaf)));
        return examples;
    }

    private static String render(Example example) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Issued certificate : example.certificates()) {
            String name = "{" + certificate.holder().getSubject() + "}";
            while (names.containsValue(name)) {
                name = name.replace("}", "'}");
            }
            names.put(certificate.in(StoreName.MY).thumbprint(), name);
        }
        AuditResult result = example.host().audit();
        StringBuilder out = new StringBuilder();
        out.append("# Example host: ").append(example.name()).append('\n')
                .append("# ").append(example.description()).append('\n')
                .append("# Generated by ExampleHostsTest; regenerate with -Dcertaudit.regenerateDocs=true. "
                        + "{SUBJECT} stands for that certificate's thumbprint.\n")
                .append("status: ").append(result.status()).append('\n');
        for (RuleOutcome outcome : result.outcomes()) {
            out.append('\n').append(outcome.rule()).append(": ").append(outcome.result().label());
            if (outcome.result() != RuleOutcome.Result.NOT_APPLICABLE) {
                out.append(" (checked ").append(outcome.checked()).append(')');
            }
            out.append('\n');
            for (Finding finding : result.findings()) {
                if (!finding.rule().equals(outcome.rule())) {
                    continue;
                }
                Supplier<String> target = () -> finding.thumbprint() == null ? "host"
                        : names.getOrDefault(finding.thumbprint(), "{unnamed}");
                out.append("  ").append(finding.severity().label()).append(' ')
                        .append(finding.store() == null ? "-" : finding.store().name()).append(' ')
                        .append(target.get()).append(": ").append(normalize(finding.message(), names)).append('\n');
                finding.evidence().forEach((key, value) -> out.append("    ").append(key).append(" = ")
                        .append(normalize(value, names)).append('\n'));
            }
        }
        return out.toString();
    }

    /** Thumbprints by the subject they belong to; any other long hex (a key identifier) by a placeholder. */
    private static String normalize(String text, Map<String, String> names) {
        String named = text;
        for (Map.Entry<String, String> entry : names.entrySet()) {
            named = named.replace(entry.getKey(), entry.getValue());
        }
        return HEX.matcher(named).replaceAll(Matcher.quoteReplacement("{hex}")).replace("\n", "\\n");
    }
}
