package io.certaudit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.certaudit.agent.cli.Main;

/**
 * The benchmark's own checks on a small synthetic host: the generator leaves every tenth intermediate out,
 * certaudit and openssl find exactly the leaves below them broken, and a disagreement is reported.
 */
class SyntheticHostTest {

    private static final SyntheticHost.Shape SMALL = new SyntheticHost.Shape(60, 20, 4);

    @TempDir
    static Path directory;
    private static SyntheticHost.Generated generated;

    @BeforeAll
    static void generate() throws IOException {
        generated = new SyntheticHost(Instant.now()).write(SMALL, directory.resolve("small"));
    }

    @Test
    void everyTenthIntermediateIsLeftOutAndTheLeavesItIssuedAreExpectedBroken() throws IOException {
        assertEquals(60, count(generated.personal()));
        assertEquals(18, count(generated.host().resolve("CA")));
        assertEquals(4, count(generated.host().resolve("ROOT")));
        // Leaves are issued round-robin by the 20 intermediates; numbers 9 and 19 are not in CA.
        List<String> expected = new ArrayList<>();
        for (int leaf = 0; leaf < 60; leaf++) {
            if (leaf % 20 == 9 || leaf % 20 == 19) {
                expected.add(SyntheticHost.leafFileName(leaf));
            }
        }
        assertEquals(expected, generated.expectedBroken());
        assertEquals(expected, Files.readAllLines(generated.expectedBrokenFile()));
    }

    @Test
    @Tag("external-tool")
    void certauditAndOpensslFindTheExpectedChainsBroken() throws Exception {
        Path audit = directory.resolve("audit.json");
        StringWriter err = new StringWriter();
        int exit = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err), name -> null)
                .execute("audit", "--source", generated.host().toString(), "--output", "json=" + audit);
        assertEquals(2, exit, err::toString);
        Path opensslOut = verifyWithOpenssl();

        ChainVerdicts.Comparison comparison = ChainVerdicts.compare(generated.directory(), audit, opensslOut);

        assertEquals(6, comparison.expected().size());
        assertTrue(comparison.agree(), comparison::describe);
        assertTrue(comparison.describe().startsWith(
                "broken chains among 60 MY certificates: expected 6, certaudit 6, openssl 6: all agree"));
    }

    @Test
    void theEcdsaHostIsP256EverywhereWithAKeyPerIssuer() throws Exception {
        SyntheticHost.Generated ecdsa = new SyntheticHost(Instant.now(), true).write(SMALL,
                directory.resolve("ecdsa"));
        java.security.cert.CertificateFactory factory = java.security.cert.CertificateFactory.getInstance("X.509");
        Set<String> issuerKeys = new java.util.HashSet<>();
        int issuers = 0;
        for (String store : List.of("ROOT", "CA", "MY")) {
            try (Stream<Path> files = Files.list(ecdsa.host().resolve(store))) {
                for (Path file : files.toList()) {
                    java.security.cert.X509Certificate certificate;
                    try (var in = Files.newInputStream(file)) {
                        certificate = (java.security.cert.X509Certificate) factory.generateCertificate(in);
                    }
                    assertEquals("EC", certificate.getPublicKey().getAlgorithm(), file.toString());
                    assertEquals("SHA256withECDSA", certificate.getSigAlgName(), file.toString());
                    if (!store.equals("MY")) {
                        issuers++;
                        issuerKeys.add(java.util.HexFormat.of().formatHex(certificate.getPublicKey().getEncoded()));
                    }
                }
            }
        }
        assertEquals(4 + 18, issuers);
        assertEquals(issuers, issuerKeys.size(), "every root and intermediate has a key of its own");
        Path audit = directory.resolve("audit-ecdsa.json");
        int exit = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                name -> null).execute("audit", "--source", ecdsa.host().toString(), "--output", "json=" + audit);
        assertEquals(2, exit);
        assertEquals(new java.util.TreeSet<>(ecdsa.expectedBroken()),
                ChainVerdicts.compare(ecdsa.directory(), audit, writeAllOk(ecdsa)).certaudit());
    }

    /** An openssl output that finds nothing broken: only certaudit's verdicts matter to the caller. */
    private static Path writeAllOk(SyntheticHost.Generated host) throws IOException {
        Path out = host.directory().resolve("all-ok.txt");
        try (Stream<Path> files = Files.list(host.personal())) {
            Files.write(out, files.map(file -> file.getFileName() + ": OK").toList());
        }
        return out;
    }

    @Test
    void aDisagreementNamesTheCertificates() throws IOException {
        Path opensslOut = directory.resolve("everything-ok.txt");
        try (Stream<Path> files = Files.list(generated.personal())) {
            Files.write(opensslOut, files.map(file -> file.getFileName() + ": OK").toList());
        }
        Set<String> broken = ChainVerdicts.brokenByOpenssl(opensslOut, Set.of("leaf-000009.crt", "leaf-000010.crt"));
        assertEquals(Set.of(), broken);

        ChainVerdicts.Comparison comparison = new ChainVerdicts.Comparison(Set.of("a.crt", "b.crt"), Set.of("a.crt"),
                Set.of("a.crt"), Set.of("b.crt"));
        assertFalse(comparison.agree());
        assertTrue(comparison.describe().contains("openssl finds complete 1 expected broken, e.g. [a.crt]"),
                comparison::describe);
        assertTrue(comparison.describe().contains("openssl finds broken 1 expected complete, e.g. [b.crt]"),
                comparison::describe);
    }

    /** One openssl process over every Personal file, as bench/run.sh runs it; skipped where openssl is missing. */
    private static Path verifyWithOpenssl() throws IOException, InterruptedException {
        assumeTrue(onPath("openssl"), "openssl is not on the PATH: the comparison with openssl verify is skipped");
        List<String> command = new ArrayList<>(List.of("openssl", "verify", "-CAfile",
                generated.rootsPem().toString(), "-untrusted", generated.intermediatesPem().toString()));
        try (Stream<Path> files = Files.list(generated.personal())) {
            files.map(file -> file.getFileName().toString()).sorted().forEach(command::add);
        }
        Path out = directory.resolve("openssl.out");
        Process openssl = new ProcessBuilder(command).directory(generated.personal().toFile())
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(openssl.waitFor(60, TimeUnit.SECONDS), "openssl verify did not finish");
        assertEquals(54, Files.readAllLines(out, StandardCharsets.UTF_8).size(), "openssl's OK lines");
        return out;
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(File.pathSeparator))
                .anyMatch(folder -> Files.isExecutable(Path.of(folder, program)));
    }

    private static long count(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }
}
