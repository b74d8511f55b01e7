package io.certaudit.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.certaudit.agent.source.HostFolder;
import io.certaudit.model.StoredCertificate;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

/** An audit only observes: the folder it reads is byte for byte, file for file, the same afterwards. */
class ReadOnlySourceTest {

    private static final TestPki PKI = new TestPki();
    private static final Issued ROOT = PKI.root("Read-only Test Root");
    private static final Issued CA = PKI.issue(ROOT, PKI.spec("Read-only Test Issuing CA").ca());
    private static final Issued LEAF = PKI.issue(CA, PKI.spec("bemsapppool.example.com")
            .san("bemsapppool.example.com"));

    @TempDir
    Path dir;

    @Test
    void aFolderSourceIsByteForByteUnchangedAfterAnAudit() throws Exception {
        HostFolder host = new HostFolder(dir.resolve("host"));
        host.pem("ROOT", "root.crt", ROOT);
        host.der("CA", "issuing.cer", CA);
        host.pem("CA", "issuing-copy.pem", CA);
        host.pem("MY", "service.crt", LEAF);
        host.key("MY", "service.key", LEAF);
        host.pfx("MY", "service.pfx", "", LEAF, CA);
        host.write(host.file("MY", "garbage.cer"), "not a certificate".getBytes(StandardCharsets.US_ASCII));
        Map<String, String> before = fingerprint(host.root());

        CliRun run = CliRun.run("audit", "--source", host.root().toString(), "--at", TestPki.NOW.toString(),
                "--output", "json=" + dir.resolve("audit.json"), "--output", "text=" + dir.resolve("audit.txt"));
        assertTrue(run.exitCode() < 3, run::toString);
        CliRun toStdout = CliRun.run("audit", "--source", host.root().toString(), "--format", "json");
        assertTrue(toStdout.exitCode() < 3, toStdout::toString);

        assertEquals(before, fingerprint(host.root()));
    }

    /** Every path under {@code root} with its type, size, modification time, permissions and content digest. */
    private static Map<String, String> fingerprint(Path root) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                Map<String, Object> attributes = Files.readAttributes(path, "*", LinkOption.NOFOLLOW_LINKS);
                String content = Files.isRegularFile(path)
                        ? StoredCertificate.digest("SHA-256", Files.readAllBytes(path)) : "folder";
                entries.put(root.relativize(path).toString(), attributes.get("size") + " "
                        + attributes.get("lastModifiedTime") + " " + permissions(path) + " " + content);
            }
        }
        return entries;
    }

    private static String permissions(Path path) throws IOException {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS).toString() : "";
    }
}
