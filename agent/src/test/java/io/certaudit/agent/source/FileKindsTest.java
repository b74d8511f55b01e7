package io.certaudit.agent.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.certaudit.catalog.BuiltInRules;
import io.certaudit.model.HostSnapshot;
import io.certaudit.model.SourceProblem;
import io.certaudit.model.StoreName;
import io.certaudit.model.StoredCertificate;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

/**
 * Each file in a store folder is named for what it is: an empty file, a file that is not a certificate, a file of no
 * kind the reader knows; the PFX password hint belongs to PFX files alone. PKCS#7 bundles (.p7b, .p7c; DER or PEM)
 * are read wherever certificate files are.
 */
class FileKindsTest {

    private static final TestPki PKI = new TestPki();
    private static final Issued ROOT = PKI.root("Kinds Test Root");
    private static final Issued CA = PKI.issue(ROOT, PKI.spec("Kinds Test Issuing CA").ca());
    private static final Issued LEAF = PKI.issue(CA, PKI.spec("bems.example.com").san("bems.example.com"));

    @TempDir
    Path dir;

    private HostSnapshot read() throws SourceException {
        return new FolderSource(dir, CertificateFileReader.withDefaults()).read();
    }

    private static String problemFor(HostSnapshot snapshot, String file) {
        return snapshot.problems().stream().filter(p -> p.origin().endsWith(file)).map(SourceProblem::message)
                .findFirst().orElseThrow(() -> new AssertionError("no problem for " + file + ": "
                        + snapshot.problems()));
    }

    @Test
    void anEmptyFileRandomBytesAndAReadmeAreEachNamedForWhatTheyAre() throws Exception {
        HostFolder host = new HostFolder(dir);
        host.write(host.file("CA", "empty.cer"), new byte[0]);
        byte[] random = new byte[1024];
        new Random(7).nextBytes(random);
        random[0] = 0x5a; // not the start of any ASN.1 structure
        host.write(host.file("CA", "random.cer"), random);
        host.write(host.file("CA", "readme.txt"), "Exported from BEMS01 on Monday.\n"
                .getBytes(StandardCharsets.US_ASCII));

        HostSnapshot snapshot = read();

        assertEquals("the file is empty (0 bytes): no certificate to read", problemFor(snapshot, "empty.cer"));
        assertTrue(problemFor(snapshot, "random.cer").startsWith("not a certificate: the file is neither PEM text "
                + "nor DER"), problemFor(snapshot, "random.cer"));
        assertTrue(problemFor(snapshot, "readme.txt").startsWith("not a recognised kind of file"),
                problemFor(snapshot, "readme.txt"));
        for (SourceProblem problem : snapshot.problems()) {
            assertFalse(problem.message().contains("password"), problem.message());
            assertFalse(problem.message().contains("Empty input"), problem.message());
        }
    }

    @Test
    void thePfxPasswordHintIsGivenForPfxFilesOnly() throws Exception {
        HostFolder host = new HostFolder(dir);
        host.pfx("MY", "service.pfx", "secret", LEAF, CA);
        host.write(host.file("MY", "broken.cer"), "junk".getBytes(StandardCharsets.US_ASCII));

        HostSnapshot snapshot = read();

        assertTrue(problemFor(snapshot, "service.pfx").contains("--pfx-password-env"),
                problemFor(snapshot, "service.pfx"));
        assertFalse(problemFor(snapshot, "broken.cer").contains("password"), problemFor(snapshot, "broken.cer"));
        String remediation = String.join(" ",
                BuiltInRules.catalog().find("unreadable-certificate").orElseThrow().remediation());
        assertFalse(remediation.toLowerCase().contains("pfx-password"), "every finding of the rule gets the "
                + "remediation; the PFX hint is in the PFX's own message: " + remediation);
    }

    @Test
    void aCertificateSavedUnderAnotherNameIsStillRead() throws Exception {
        HostFolder host = new HostFolder(dir);
        host.der("CA", "issuing-ca", CA);
        host.pem("CA", "issuing-ca.txt", CA);

        HostSnapshot snapshot = read();

        assertEquals(2, snapshot.store(StoreName.CA).size(), snapshot.problems()::toString);
        assertEquals(List.of(), snapshot.problems());
    }

    @Test
    void pkcs7BundlesAreReadInDerAndPemUnderAnyOfTheirNames() throws Exception {
        byte[] bundle = bundle(LEAF, CA, ROOT);
        HostFolder host = new HostFolder(dir);
        host.write(host.file("CA", "chain.p7b"), bundle);
        host.write(host.file("ROOT", "chain.p7c"), HostFolder.pem("PKCS7", bundle)
                .getBytes(StandardCharsets.US_ASCII));
        // certutil -encode of a .p7b writes the bundle under a CERTIFICATE header.
        host.write(host.file("MY", "encoded.cer"), HostFolder.pem("CERTIFICATE", bundle)
                .getBytes(StandardCharsets.US_ASCII));

        HostSnapshot snapshot = read();

        assertEquals(List.of(), snapshot.problems());
        List<String> expected = List.of(thumbprint(LEAF), thumbprint(CA), thumbprint(ROOT));
        // The bundle was written to MY, CA and ROOT; Untrusted Certificates (DISALLOWED) got nothing.
        assertEquals(List.of(), snapshot.store(StoreName.DISALLOWED));
        for (StoreName store : List.of(StoreName.MY, StoreName.CA, StoreName.ROOT)) {
            List<StoredCertificate> read = snapshot.store(store);
            assertEquals(expected, read.stream().map(StoredCertificate::thumbprint).sorted(
                    java.util.Comparator.comparingInt(expected::indexOf)).toList(), store.toString());
        }
        assertTrue(snapshot.store(StoreName.CA).get(0).origin().endsWith("chain.p7b#1"),
                snapshot.store(StoreName.CA).get(0).origin());
    }

    @Test
    void aBundleIsReadOnlyUpToTheEntryLimit() throws Exception {
        HostFolder host = new HostFolder(dir);
        Issued[] many = new Issued[40];
        java.util.Arrays.fill(many, CA);
        host.write(host.file("CA", "many.p7b"), bundle(many));

        HostSnapshot snapshot = new FolderSource(dir, new CertificateFileReader(null, new SourceLimits(1 << 20, 5)))
                .read();

        assertEquals(5, snapshot.store(StoreName.CA).size());
        assertTrue(snapshot.problems().get(0).message().contains("more than 5 entries"),
                snapshot.problems()::toString);
    }

    @Test
    void aBundleWithoutCertificatesSaysSo() throws Exception {
        HostFolder host = new HostFolder(dir);
        host.write(host.file("CA", "empty.p7b"), bundle());

        assertEquals("the PKCS#7 bundle holds no certificate", problemFor(read(), "empty.p7b"));
    }

    /** A degenerate SignedData holding {@code certificates}, as the certificate export wizard writes a .p7b. */
    static byte[] bundle(Issued... certificates) throws Exception {
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        List<X509CertificateHolder> holders = java.util.Arrays.stream(certificates).map(Issued::holder).toList();
        generator.addCertificates(new org.bouncycastle.util.CollectionStore<>(holders));
        return generator.generate(new CMSProcessableByteArray(new byte[0]), false).getEncoded();
    }

    private static String thumbprint(Issued issued) {
        return issued.in(StoreName.CA).thumbprint();
    }
}
