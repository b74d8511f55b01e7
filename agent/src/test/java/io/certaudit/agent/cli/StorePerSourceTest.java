package io.certaudit.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.certaudit.agent.report.ReportSchema;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

/**
 * Each source can name its store ({@code --source ROOT=export-2026.sst}), a serialized store named with its store and
 * a separator ({@code root-2026.sst}) needs nothing more, and a certificate or PKCS#7 file can be a source of its own.
 */
class StorePerSourceTest {

    private static final TestPki PKI = new TestPki();
    private static final Issued ROOT = PKI.root("Store Per Source Root");
    private static final Issued CA = PKI.issue(ROOT, PKI.spec("Store Per Source CA").ca());

    @TempDir
    Path dir;

    /** A serialized store as Export-Certificate -Type SST writes it: header, one element per certificate, end. */
    private Path sst(String name, Issued... certificates) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {0, 0, 0, 0, 'C', 'E', 'R', 'T'});
        for (Issued certificate : certificates) {
            out.write(littleEndian(32));
            out.write(littleEndian(1));
            out.write(littleEndian(certificate.der().length));
            out.write(certificate.der());
        }
        out.write(new byte[12]);
        return Files.write(dir.resolve(name), out.toByteArray());
    }

    private static byte[] littleEndian(int value) {
        return new byte[] {(byte) value, (byte) (value >> 8), (byte) (value >> 16), (byte) (value >> 24)};
    }

    /** The number of certificates the JSON report lists for each store, as {@code STORE=n}. */
    private static List<String> counts(CliRun run) {
        JsonNode report = ReportSchema.assertValid(run.out());
        List<String> counts = new ArrayList<>();
        for (JsonNode store : report.get("stores")) {
            counts.add(store.get("name").asText() + "=" + store.get("certificates").size());
        }
        return counts;
    }

    @Test
    void eachSourceNamesItsStore() throws Exception {
        Path roots = sst("export-2026.sst", ROOT);
        Path intermediates = sst("export-2026-05.sst", CA);
        CliRun run = CliRun.run("audit", "--source", "ROOT=" + roots, "--source", "ca=" + intermediates,
                "--format", "json", "--at", TestPki.NOW.toString());
        assertTrue(run.exitCode() < 3, run::toString);
        assertEquals(List.of("MY=0", "CA=1", "ROOT=1", "DISALLOWED=0", "CLIENT_AUTH_ISSUER=0"), counts(run));
    }

    @Test
    void aFileNamedWithItsStoreAndASeparatorNeedsNoStore() throws Exception {
        Path roots = sst("root-2026.sst", ROOT);
        Path intermediates = sst("CA_export.sst", CA);
        CliRun run = CliRun.run("audit", "--source", roots.toString(), "--source", intermediates.toString(),
                "--format", "json", "--at", TestPki.NOW.toString());
        assertTrue(run.exitCode() < 3, run::toString);
        assertEquals(List.of("MY=0", "CA=1", "ROOT=1", "DISALLOWED=0", "CLIENT_AUTH_ISSUER=0"), counts(run));
    }

    @Test
    void aBundleOrCertificateFileIsASourceOfTheStoreItIsGivenFor() throws Exception {
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addCertificates(new org.bouncycastle.util.CollectionStore<X509CertificateHolder>(
                List.of(CA.holder())));
        Path chain = Files.write(dir.resolve("chain.p7b"),
                generator.generate(new CMSProcessableByteArray(new byte[0]), false).getEncoded());
        Path root = Files.write(dir.resolve("root.cer"), ROOT.der());
        CliRun run = CliRun.run("audit", "--source", "CA=" + chain, "--source", "Trusted Root=" + root,
                "--format", "json", "--at", TestPki.NOW.toString());
        assertTrue(run.exitCode() < 3, run::toString);
        assertEquals(List.of("MY=0", "CA=1", "ROOT=1", "DISALLOWED=0", "CLIENT_AUTH_ISSUER=0"), counts(run));
    }

    @Test
    void aStoreThatCannotBeToldIsAClearError() throws Exception {
        Path unnamed = sst("export.sst", ROOT);
        CliRun run = CliRun.run("audit", "--source", unnamed.toString());
        assertEquals(3, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--source ROOT=" + unnamed), run::toString);

        CliRun notAStore = CliRun.run("audit", "--source", "Trusted=" + unnamed);
        assertEquals(3, notAStore.exitCode(), notAStore::toString);
        assertTrue(notAStore.err().contains("'Trusted' is not a store; use MY, CA, ROOT, Disallowed or "
                + "ClientAuthIssuer"),
                notAStore::toString);

        Path reg = Files.writeString(dir.resolve("root.reg"), "Windows Registry Editor Version 5.00\r\n");
        CliRun registry = CliRun.run("audit", "--source", "ROOT=" + reg);
        assertEquals(3, registry.exitCode(), registry::toString);
        assertTrue(registry.err().contains("names the store of each certificate itself"), registry::toString);
    }
}
