package io.certaudit.agent.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.certaudit.model.HostSnapshot;
import io.certaudit.model.SourceProblem;
import io.certaudit.model.StoreName;
import io.certaudit.model.Tristate;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

/**
 * A prepared export cannot make the audit read outside it: a store folder, a certificate file or a key file that is a
 * link leading out of the source folder is not read, and each is a problem naming the link and where it leads.
 */
class ExportContainmentTest {

    private static final TestPki PKI = new TestPki();
    private static final Issued ROOT = PKI.root("Containment Test Root");
    private static final Issued OUTSIDE = PKI.root("Outside The Export");
    private static final Issued LEAF = PKI.issue(ROOT, PKI.spec("bems.example.com").san("bems.example.com"));

    @TempDir
    Path dir;

    private void link(Path link, Path target) {
        try {
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, target);
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("symbolic links are not available here: " + e);
        }
    }

    @Test
    void linksLeadingOutOfTheSourceAreProblemsNamingThemAndAreNotRead() throws Exception {
        // What the person running the audit can read, outside the export.
        HostFolder machine = new HostFolder(dir.resolve("machine"));
        Path outsideRoots = machine.root().resolve("roots");
        machine.pem("roots", "outside-root.pem", OUTSIDE);
        Path outsideCertificate = machine.pem("files", "outside.pem", OUTSIDE);
        Path outsideKey = machine.key("files", "service.key", LEAF);

        HostFolder export = new HostFolder(dir.resolve("export"));
        export.pem("ROOT", "root.pem", ROOT);
        export.pem("MY", "service.crt", LEAF);
        link(export.root().resolve("CA"), outsideRoots);
        link(export.root().resolve("ROOT").resolve("planted.pem"), outsideCertificate);
        link(export.root().resolve("MY").resolve("service.key"), outsideKey);

        HostSnapshot snapshot = new FolderSource(export.root(), CertificateFileReader.withDefaults()).read();

        assertTrue(snapshot.store(StoreName.CA).isEmpty(), "nothing of the linked folder is read");
        assertEquals(List.of(ROOT.in(StoreName.ROOT).thumbprint()), snapshot.store(StoreName.ROOT).stream()
                .map(c -> c.thumbprint()).toList(), "only the export's own root");
        assertEquals(Tristate.NO, snapshot.store(StoreName.MY).get(0).privateKey().present(),
                "the key outside is not read");
        assertLinkProblem(snapshot, export.root().resolve("CA"), outsideRoots);
        assertLinkProblem(snapshot, export.root().resolve("ROOT").resolve("planted.pem"), outsideCertificate);
        assertLinkProblem(snapshot, export.root().resolve("MY").resolve("service.key"), outsideKey);
    }

    @Test
    void linksThatStayInsideTheSourceAreRead() throws Exception {
        HostFolder export = new HostFolder(dir.resolve("export"));
        Path original = export.pem("exported-roots", "root.pem", ROOT);
        link(export.root().resolve("ROOT"), original.getParent());
        export.pem("MY", "service.crt", LEAF);
        Path key = export.key("keys", "service.key", LEAF);
        link(export.root().resolve("MY").resolve("service.key"), key);

        HostSnapshot snapshot = new FolderSource(export.root(), CertificateFileReader.withDefaults()).read();

        assertEquals(1, snapshot.store(StoreName.ROOT).size());
        assertEquals(Tristate.YES, snapshot.store(StoreName.MY).get(0).privateKey().present());
        assertEquals(List.of(), snapshot.problems());
    }

    private static void assertLinkProblem(HostSnapshot snapshot, Path link, Path target) throws IOException {
        SourceProblem problem = snapshot.problems().stream().filter(p -> p.origin().equals(link.toString()))
                .findFirst().orElseThrow(() -> new AssertionError("no problem names " + link + ": "
                        + snapshot.problems()));
        assertTrue(problem.message().contains(target.toRealPath().toString())
                && problem.message().contains("outside the source folder"), problem.message());
        assertFalse(problem.message().isBlank());
    }
}
