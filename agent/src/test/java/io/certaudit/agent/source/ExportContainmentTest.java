package io.certaudit.agent.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

    @Test
    void aSourceGivenThroughALinkStillKeepsItsOwnLinksFromLeadingOut() throws Exception {
        HostFolder machine = new HostFolder(dir.resolve("machine"));
        Path outsideCertificate = machine.pem("files", "outside.pem", OUTSIDE);
        HostFolder export = new HostFolder(dir.resolve("export"));
        export.pem("ROOT/deep/er", "root.pem", ROOT);
        link(export.root().resolve("ROOT").resolve("deep").resolve("planted.pem"), outsideCertificate);
        Path given = dir.resolve("given");
        link(given, export.root());

        HostSnapshot snapshot = new FolderSource(given, CertificateFileReader.withDefaults()).read();

        assertEquals(List.of(ROOT.in(StoreName.ROOT).thumbprint()), snapshot.store(StoreName.ROOT).stream()
                .map(c -> c.thumbprint()).toList(), "the plain file deep in the export is read, the link is not");
        assertLinkProblem(snapshot, given.resolve("ROOT").resolve("deep").resolve("planted.pem"), outsideCertificate);
    }

    @Test
    void onlyPlainFilesBelowPlainFoldersInsideTheSourceAreListedAsNeedingNoCheck() throws Exception {
        HostFolder machine = new HostFolder(dir.resolve("machine"));
        Path outsideCertificate = machine.pem("files", "outside.pem", OUTSIDE);
        HostFolder export = new HostFolder(dir.resolve("export"));
        Path plain = export.pem("ROOT", "root.pem", ROOT);
        Path deep = export.pem("ROOT/a/b", "root.pem", ROOT);
        Path planted = export.root().resolve("ROOT").resolve("a").resolve("planted.pem");
        link(planted, outsideCertificate);
        Path inside = export.root().resolve("ROOT").resolve("inside.pem");
        link(inside, plain);

        List<StoreFolderListing.ListedFile> listed = new java.util.ArrayList<>();
        StoreFolderListing.list(export.root().resolve("ROOT"), SourceRoot.of(export.root()), 8, 100, listed);
        listed.sort(null);
        assertEquals(List.of(new StoreFolderListing.ListedFile(deep, true),
                new StoreFolderListing.ListedFile(planted, false),
                new StoreFolderListing.ListedFile(inside, false),
                new StoreFolderListing.ListedFile(plain, true)), listed);

        List<StoreFolderListing.ListedFile> outside = new java.util.ArrayList<>();
        StoreFolderListing.list(export.root().resolve("ROOT"), SourceRoot.of(machine.root()), 8, 100, outside);
        assertTrue(outside.stream().noneMatch(StoreFolderListing.ListedFile::plain),
                "nothing of a folder outside the source is taken as inside: " + outside);
    }

    @Test
    void aFileListedAsPlainIsNotReadThroughALinkPutInItsPlace() throws Exception {
        HostFolder machine = new HostFolder(dir.resolve("machine"));
        Path outsideCertificate = machine.pem("files", "outside.pem", OUTSIDE);
        Path swapped = dir.resolve("export").resolve("swapped.pem");
        link(swapped, outsideCertificate);

        assertThrows(IOException.class, () -> BoundedFile.readAtMost(swapped, 1 << 20, false));
        assertEquals(Files.size(outsideCertificate), BoundedFile.readAtMost(swapped, 1 << 20, true).length,
                "a link the caller checked is followed");
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
