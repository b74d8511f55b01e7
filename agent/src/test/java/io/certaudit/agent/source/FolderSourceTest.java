package io.certaudit.agent.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

import io.certaudit.model.HostSnapshot;
import io.certaudit.model.KeyKind;
import io.certaudit.model.SourceProblem;
import io.certaudit.model.StoreName;
import io.certaudit.model.StoredCertificate;
import io.certaudit.model.Tristate;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class FolderSourceTest {

    private static final TestPki PKI = new TestPki();
    private static final Issued ROOT = PKI.root("Folder Test Root");
    private static final Issued CA = PKI.issue(ROOT, PKI.spec("Folder Test Issuing CA").ca());
    private static final Issued LEAF = PKI.issue(CA, PKI.spec("bemsapppool.example.com").san("bemsapppool.example.com"));
    private static final Issued OTHER = PKI.issue(CA, PKI.spec("other.example.com").san("other.example.com"));

    @TempDir
    Path dir;

    private HostSnapshot read() throws SourceException {
        return new FolderSource(dir, CertificateFileReader.withDefaults()).read();
    }

    private HostSnapshot read(char[] pfxPassword) throws SourceException {
        return new FolderSource(dir, new CertificateFileReader(pfxPassword, 1 << 20)).read();
    }

    private static StoredCertificate only(HostSnapshot snapshot, StoreName store) {
        List<StoredCertificate> certificates = snapshot.store(store);
        assertEquals(1, certificates.size(), () -> store + " holds " + certificates);
        return certificates.get(0);
    }

    @Test
    void readsEachStoreFromItsFolderInPemAndDer() throws Exception {
        HostFolder host = new HostFolder(dir);
        host.pem("ROOT", "root.pem", ROOT);
        host.der("CA", "issuing.cer", CA);
        host.pemWithKey("MY", "service.pem", LEAF, LEAF);
        HostSnapshot snapshot = read();
        assertEquals(ROOT.in(StoreName.ROOT).thumbprint(), only(snapshot, StoreName.ROOT).thumbprint());
        assertEquals(CA.in(StoreName.CA).thumbprint(), only(snapshot, StoreName.CA).thumbprint());
        assertEquals(Tristate.YES, only(snapshot, StoreName.MY).hasPrivateKey());
        assertEquals(KeyKind.FILE, only(snapshot, StoreName.MY).privateKey().kind());
        assertTrue(snapshot.problems().isEmpty(), snapshot.problems()::toString);
        assertEquals(dir.getFileName().toString(), snapshot.hostName());
    }

    @Test
    void readsTheOptionalDisallowedFolderAsUntrustedCertificates() throws Exception {
        HostFolder host = new HostFolder(dir);
        host.pem("ROOT", "root.pem", ROOT);
        host.pem("CA", "issuing.pem", CA);
        host.pem("MY", "service.pem", LEAF);
        assertTrue(read().hostFacts().keySet().stream().noneMatch(k -> k.contains("DISALLOWED")),
                "a missing Disallowed folder is not worth a word");

        host.der("Disallowed", "revoked-ca.cer", CA);
        HostSnapshot snapshot = read();
        assertEquals(CA.in(StoreName.CA).thumbprint(), only(snapshot, StoreName.DISALLOWED).thumbprint());
        assertEquals(1, snapshot.store(StoreName.CA).size());
    }

    @Test
    void acceptsTheSnapInNamesOfTheStoresInAnyCase() throws Exception {
        HostFolder host = new HostFolder(dir);
        host.pem("Trusted Root", "root.pem", ROOT);
        host.pem("intermediate", "issuing.pem", CA);
        host.pem("PERSONAL", "service.pem", LEAF);
        HostSnapshot snapshot = read();
        assertEquals(1, snapshot.store(StoreName.ROOT).size());
        assertEquals(1, snapshot.store(StoreName.CA).size());
        assertEquals(1, snapshot.store(StoreName.MY).size());
    }

    @Test
    void readsEveryCertificateOfAMultiCertificatePem() throws Exception {
        new HostFolder(dir).pem("CA", "bundle.pem", CA, ROOT);
        HostSnapshot snapshot = read();
        assertEquals(2, snapshot.store(StoreName.CA).size());
        assertTrue(snapshot.store(StoreName.CA).get(1).origin().endsWith("#2"));
    }

    @Test
    void aCertificateFileAloneHasNoPrivateKey() throws Exception {
        new HostFolder(dir).pem("MY", "service.crt", LEAF);
        StoredCertificate service = only(read(), StoreName.MY);
        assertEquals(Tristate.NO, service.hasPrivateKey());
        assertTrue(service.privateKey().evidence().contains("service.key"), service.privateKey().evidence());
    }

    @Test
    void aMatchingKeyFileBesideTheCertificateMeansTheKeyIsPresent() throws Exception {
        HostFolder host = new HostFolder(dir);
        host.pem("MY", "service.crt", LEAF);
        host.key("MY", "service.key", LEAF);
        assertEquals(Tristate.YES, only(read(), StoreName.MY).hasPrivateKey());
    }

    @Test
    void aKeyThatDoesNotMatchItsCertificateIsReportedAsNoKey() throws Exception {
        HostFolder host = new HostFolder(dir);
        host.pem("MY", "service.crt", LEAF);
        host.key("MY", "service.key", ROOT);
        StoredCertificate service = only(read(), StoreName.MY);
        assertEquals(Tristate.NO, service.hasPrivateKey());
        assertTrue(service.privateKey().evidence().contains("does not match"), service.privateKey().evidence());
    }

    @Test
    void aPemWithAForeignKeyIsReportedAsNoKey() throws Exception {
        new HostFolder(dir).pemWithKey("MY", "service.pem", LEAF, OTHER);
        assertEquals(Tristate.NO, only(read(), StoreName.MY).hasPrivateKey());
    }

    @Test
    void anUnreadableKeyFileIsNoKeyAndTheAuditGoesOn() throws Exception {
        HostFolder host = new HostFolder(dir);
        host.pem("MY", "service.crt", LEAF);
        host.write(host.file("MY", "service.key"), "-----BEGIN PRIVATE KEY-----\nnot base64!\n"
                .getBytes(StandardCharsets.US_ASCII));
        StoredCertificate service = only(read(), StoreName.MY);
        assertEquals(Tristate.NO, service.hasPrivateKey());
        assertTrue(service.privateKey().evidence().contains("cannot be read"), service.privateKey().evidence());
    }

    @Test
    void readsAPfxWithAnEmptyPassword() throws Exception {
        new HostFolder(dir).pfx("MY", "service.pfx", "", LEAF, CA);
        HostSnapshot snapshot = read();
        List<StoredCertificate> personal = snapshot.store(StoreName.MY);
        assertEquals(2, personal.size(), "the PFX's leaf and its chain");
        assertEquals(Tristate.YES, personal.get(0).hasPrivateKey());
        assertEquals("service", personal.get(0).friendlyName());
        assertEquals(Tristate.NO, personal.get(1).hasPrivateKey());
    }

    @Test
    void readsAPfxWithTheGivenPassword() throws Exception {
        new HostFolder(dir).pfx("MY", "service.p12", "s3cret!", LEAF);
        assertEquals(Tristate.YES, only(read("s3cret!".toCharArray()), StoreName.MY).hasPrivateKey());
    }

    @Test
    void aWrongPfxPasswordIsAProblemThatNeverShowsThePassword() throws Exception {
        HostFolder host = new HostFolder(dir);
        host.pfx("MY", "service.pfx", "right-password", LEAF);
        host.pem("ROOT", "root.pem", ROOT);
        HostSnapshot snapshot = read("wrong-password".toCharArray());
        assertTrue(snapshot.store(StoreName.MY).isEmpty());
        assertEquals(1, snapshot.store(StoreName.ROOT).size(), "the rest is still read");
        SourceProblem problem = snapshot.problems().get(0);
        assertTrue(problem.message().contains("password is wrong"), problem.message());
        assertFalse(problem.message().contains("wrong-password") || problem.message().contains("right-password"));
    }

    @Test
    void aPlainBlockTheJdkCannotDecodeIsReportedAsThePemParserReportsIt() throws Exception {
        HostFolder host = new HostFolder(dir);
        // SEQUENCE { INTEGER 5 }: plain DER, but not a certificate.
        String block = HostFolder.pem("CERTIFICATE", new byte[] {0x30, 0x03, 0x02, 0x01, 0x05});
        host.write(host.file("CA", "plain.pem"), block.getBytes(StandardCharsets.US_ASCII));
        host.write(host.file("CA", "parsed.pem"), ("a line the quick path does not take\n" + block)
                .getBytes(StandardCharsets.US_ASCII));
        HostSnapshot snapshot = read();
        assertTrue(snapshot.store(StoreName.CA).isEmpty());
        List<String> plain = problemsOf(snapshot, "plain.pem");
        assertEquals(problemsOf(snapshot, "parsed.pem"), plain);
        assertTrue(plain.get(0).startsWith("PEM block 1 is damaged"), plain::toString);
    }

    private static List<String> problemsOf(HostSnapshot snapshot, String fileName) {
        return snapshot.problems().stream().filter(problem -> problem.origin().endsWith(fileName))
                .map(SourceProblem::message).toList();
    }

    @Test
    void garbageAndTruncatedFilesAreProblemsNamingTheFile() throws Exception {
        HostFolder host = new HostFolder(dir);
        host.write(host.file("CA", "garbage.cer"), "this is not a certificate".getBytes(StandardCharsets.US_ASCII));
        String pem = HostFolder.pem("CERTIFICATE", CA.der()) + HostFolder.pem("CERTIFICATE", ROOT.der());
        host.write(host.file("CA", "truncated.pem"),
                pem.substring(0, pem.length() - 100).getBytes(StandardCharsets.US_ASCII));
        byte[] der = CA.der();
        host.write(host.file("CA", "short.der"), Arrays.copyOf(der, der.length / 2));
        host.write(host.file("CA", "empty.crt"), new byte[0]);
        HostSnapshot snapshot = read();
        assertEquals(1, snapshot.store(StoreName.CA).size(), "the first certificate of the truncated PEM is read");
        List<String> origins = snapshot.problems().stream().map(SourceProblem::origin).toList();
        assertEquals(4, origins.size(), origins::toString);
        for (String name : List.of("garbage.cer", "truncated.pem", "short.der", "empty.crt")) {
            assertTrue(origins.stream().anyMatch(o -> o.endsWith(name)), name + " in " + origins);
        }
    }

    @Test
    void anEncryptedKeyIsUnknownNotAGuess() throws Exception {
        HostFolder host = new HostFolder(dir);
        host.pem("MY", "service.crt", LEAF);
        host.write(host.file("MY", "service.key"), ("-----BEGIN ENCRYPTED PRIVATE KEY-----\n"
                + java.util.Base64.getMimeEncoder().encodeToString(encryptedKey()) + "\n"
                + "-----END ENCRYPTED PRIVATE KEY-----\n").getBytes(StandardCharsets.US_ASCII));
        assertEquals(Tristate.UNKNOWN, only(read(), StoreName.MY).hasPrivateKey());
    }

    private static byte[] encryptedKey() throws Exception {
        var encryptor = new org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder(
                org.bouncycastle.openssl.PKCS8Generator.AES_256_CBC).setProvider(new BouncyCastleProvider())
                .setPassword("pw".toCharArray()).build();
        return new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(LEAF.privateKey(), encryptor).generate()
                .getContent();
    }

    @Test
    void aMissingFolderOrOneWithoutStoresCannotBeAudited() throws Exception {
        SourceException missing = assertThrows(SourceException.class,
                () -> new FolderSource(dir.resolve("absent"), CertificateFileReader.withDefaults()).read());
        assertTrue(missing.getMessage().contains("does not exist"));
        Files.createDirectories(dir.resolve("certs"));
        SourceException empty = assertThrows(SourceException.class, this::read);
        assertTrue(empty.getMessage().contains("no MY, CA or ROOT"));
    }

    @Test
    void aSymbolicLinkLoopIsNotFollowed() throws Exception {
        HostFolder host = new HostFolder(dir);
        host.pem("CA", "issuing.pem", CA);
        try {
            Files.createSymbolicLink(dir.resolve("CA").resolve("loop"), dir.resolve("CA"));
        } catch (UnsupportedOperationException | java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.abort("symbolic links are not available here: " + e);
        }
        assertEquals(1, read().store(StoreName.CA).size());
    }

    @Test
    void anOversizedFileIsReportedNotRead() throws Exception {
        HostFolder host = new HostFolder(dir);
        host.write(host.file("CA", "huge.cer"), new byte[2048]);
        HostSnapshot snapshot = new FolderSource(dir, new CertificateFileReader(null, 1024)).read();
        assertTrue(snapshot.problems().get(0).message().contains("limit"), snapshot.problems()::toString);
    }
}
