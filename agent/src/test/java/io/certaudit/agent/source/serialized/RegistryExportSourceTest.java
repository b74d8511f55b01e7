package io.certaudit.agent.source.serialized;

import static io.certaudit.agent.source.serialized.RegExportText.ENTERPRISE;
import static io.certaudit.agent.source.serialized.RegExportText.MACHINE;
import static io.certaudit.agent.source.serialized.RegExportText.POLICIES;
import static io.certaudit.agent.source.serialized.RegExportText.USER;
import static io.certaudit.agent.source.serialized.SerializedBytes.concat;
import static io.certaudit.agent.source.serialized.SerializedBytes.entry;
import static io.certaudit.agent.source.serialized.SerializedBytes.keyProviderInfo;
import static io.certaudit.agent.source.serialized.SerializedBytes.utf16z;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.certaudit.agent.source.SourceException;
import io.certaudit.agent.source.SourceLimits;
import io.certaudit.model.HostSnapshot;
import io.certaudit.model.KeyKind;
import io.certaudit.model.SourceProblem;
import io.certaudit.model.StoreName;
import io.certaudit.model.StoredCertificate;
import io.certaudit.model.Tristate;

class RegistryExportSourceTest {

    @TempDir
    Path folder;

    private final byte[] service = TestCertificates.der("service.example");
    private final byte[] intermediate = TestCertificates.der("intermediate.example");
    private final byte[] root = TestCertificates.der("root.example");

    @Test
    void readsAPersonalStoreExportWithItsProperties() throws Exception {
        String thumbprint = TestCertificates.thumbprint(service);
        byte[] blob = concat(
                entry(11, utf16z("BEMS service")),
                entry(2, keyProviderInfo("{6A1C7F3E}", "Microsoft Software Key Storage Provider", 0, 0x20, 0)),
                entry(3, SerializedBytes.hex(thumbprint)),
                entry(32, service));
        byte[] file = new RegExportText()
                .key(MACHINE + "MY")
                .key(MACHINE + "MY\\Certificates")
                .certificate(MACHINE + "MY", thumbprint, blob)
                .key(MACHINE + "MY\\CRLs")
                .key(MACHINE + "MY\\CTLs")
                .utf16();

        HostSnapshot snapshot = read("my.reg", file);

        assertEquals(List.of(), snapshot.problems());
        StoredCertificate certificate = snapshot.store(StoreName.MY).get(0);
        assertEquals(thumbprint, certificate.thumbprint());
        assertEquals(".Default", certificate.physicalStore());
        assertEquals("BEMS service", certificate.friendlyName());
        assertEquals(thumbprint, certificate.storeEntry().registryKeyName());
        assertEquals(thumbprint, certificate.storeEntry().storedSha1());
        assertEquals(Tristate.UNKNOWN, certificate.hasPrivateKey());
        assertEquals(KeyKind.CNG, certificate.privateKey().kind());
        assertEquals("{6A1C7F3E}", certificate.privateKey().container());
        assertEquals(Tristate.YES, certificate.privateKey().machineKeyset());
        assertTrue(certificate.origin().contains("my.reg [" + MACHINE + "MY\\Certificates\\" + thumbprint + "]"),
                certificate.origin());
    }

    @Test
    void theStoresGivenAreThoseWhoseMachineKeysTheExportHoldsEvenEmpty() throws Exception {
        byte[] rootOnly = new RegExportText().certificate(MACHINE + "Root", root).utf16();
        assertEquals(Set.of(StoreName.ROOT), read("root.reg", rootOnly).storesGiven());

        byte[] withEmptyPersonal = new RegExportText()
                .key(MACHINE + "MY")
                .key(MACHINE + "MY\\Certificates")
                .certificate(MACHINE + "Root", root)
                .certificate(USER + "CA", intermediate)
                .utf16();
        assertEquals(Set.of(StoreName.MY, StoreName.ROOT), read("stores.reg", withEmptyPersonal).storesGiven());
    }

    @Test
    void takesStoreAndPhysicalStoreFromTheKeyPath() throws Exception {
        byte[] file = new RegExportText()
                .certificate(MACHINE + "CA", intermediate)
                .certificate(MACHINE + "Root", root)
                .certificate(MACHINE + "AuthRoot", root)
                .certificate(POLICIES + "Root", root)
                .certificate(ENTERPRISE + "Root", root)
                .certificate(ENTERPRISE + "CA", intermediate)
                .utf16();

        HostSnapshot snapshot = read("stores.reg", file);

        assertEquals(List.of(), snapshot.problems());
        assertEquals(List.of(".Default", ".Enterprise"), physicalStores(snapshot.store(StoreName.CA)));
        assertEquals(List.of(".Default", ".AuthRoot", ".GroupPolicy", ".Enterprise"),
                physicalStores(snapshot.store(StoreName.ROOT)));
    }

    @Test
    void keyPathsAndValueNamesAreCaseInsensitiveAndHivesMayBeAbbreviated() throws Exception {
        byte[] file = new RegExportText()
                .key("HKLM\\software\\MICROSOFT\\systemcertificates\\my\\certificates\\"
                        + TestCertificates.thumbprint(service))
                .binary("BLOB", entry(32, service))
                .utf16();

        HostSnapshot snapshot = read("my.reg", file);

        assertEquals(List.of(), snapshot.problems());
        assertEquals(1, snapshot.store(StoreName.MY).size());
    }

    @Test
    void aUserPersonalStoreGivesUserStoreCertificates() throws Exception {
        byte[] file = new RegExportText()
                .certificate(USER + "My", service)
                .certificate(USER + "Root", root)
                .certificate("HKEY_USERS\\S-1-5-21-1-2-3-1001\\Software\\Microsoft\\SystemCertificates\\MY", service)
                .utf16();

        HostSnapshot snapshot = read("user.reg", file);

        assertEquals(0, snapshot.certificates().size());
        assertEquals(2, snapshot.userStoreCertificates().size());
        assertEquals(StoreName.MY, snapshot.userStoreCertificates().get(0).store());
    }

    @Test
    void storesTheAuditDoesNotReadAreSkippedAndNamedWhenNothingElseIsThere() throws Exception {
        byte[] file = new RegExportText()
                .certificate(MACHINE + "TrustedPublisher", root)
                .certificate(MACHINE + "TrustedPeople", service)
                .utf16();

        HostSnapshot snapshot = read("other.reg", file);

        assertEquals(0, snapshot.certificates().size());
        assertProblem(snapshot, "other.reg", "holds only other stores: TrustedPeople, TrustedPublisher");
    }

    @Test
    void theDisallowedStoreIsReadAsUntrustedCertificates() throws Exception {
        byte[] file = new RegExportText()
                .certificate(MACHINE + "Root", root)
                .certificate(MACHINE + "Disallowed", intermediate)
                .utf16();

        HostSnapshot snapshot = read("stores.reg", file);

        assertEquals(1, snapshot.store(StoreName.DISALLOWED).size());
        assertEquals(StoredCertificate.digest("SHA-1", intermediate),
                snapshot.store(StoreName.DISALLOWED).get(0).thumbprint());
        assertEquals(1, snapshot.store(StoreName.ROOT).size());
    }

    @Test
    void aFileWithoutCertificateKeysIsAProblem() throws Exception {
        byte[] file = new RegExportText().key("HKEY_LOCAL_MACHINE\\SOFTWARE\\Vendor").line("\"a\"=dword:00000001")
                .utf16();

        assertProblem(read("vendor.reg", file), "vendor.reg", "no certificate of the MY, CA or ROOT stores");
    }

    @Test
    void acceptsUtf8WithAndWithoutByteOrderMarkAndUtf16WithoutOne() throws Exception {
        RegExportText text = new RegExportText().certificate(MACHINE + "MY", service);
        byte[][] encodings = {
                text.encode(StandardCharsets.UTF_8, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}),
                text.encode(StandardCharsets.UTF_8, new byte[0]),
                text.encode(StandardCharsets.UTF_16LE, new byte[0]),
                text.encode(StandardCharsets.UTF_16BE, new byte[] {(byte) 0xFE, (byte) 0xFF})};
        for (byte[] encoded : encodings) {
            HostSnapshot snapshot = read("my.reg", encoded);

            assertEquals(List.of(), snapshot.problems());
            assertEquals(1, snapshot.store(StoreName.MY).size());
        }
    }

    @Test
    void anUndecodableEncodingIsReportedAndTheRestRead() throws Exception {
        byte[] text = new RegExportText().line("; caf\u00e9").certificate(MACHINE + "MY", service).text()
                .getBytes(StandardCharsets.ISO_8859_1);

        HostSnapshot snapshot = read("my.reg", text);

        assertProblem(snapshot, "my.reg at offset 0", "not valid UTF-8");
        assertEquals(1, snapshot.store(StoreName.MY).size());
    }

    @Test
    void aMissingHeaderAndStrayLinesAreReportedAndTheRestRead() throws Exception {
        String text = new RegExportText().line("this is not registry syntax")
                .certificate(MACHINE + "MY", service).text();
        byte[] file = text.substring(text.indexOf('\n') + 1).getBytes(StandardCharsets.UTF_8);

        HostSnapshot snapshot = read("my.reg", file);

        assertProblem(snapshot, "my.reg line 1", "does not start with \"Windows Registry Editor Version 5.00\"");
        assertProblem(snapshot, "my.reg line 1", "neither a key, a value nor a comment");
        assertEquals(1, snapshot.store(StoreName.MY).size());
    }

    @Test
    void aCertificateKeyWithoutBlobIsReported() throws Exception {
        byte[] file = new RegExportText()
                .key(MACHINE + "MY\\Certificates\\" + TestCertificates.thumbprint(service))
                .certificate(MACHINE + "MY", root)
                .utf16();

        HostSnapshot snapshot = read("my.reg", file);

        assertProblem(snapshot, "my.reg line 3 [" + MACHINE + "MY\\Certificates\\"
                + TestCertificates.thumbprint(service) + "]", "has no Blob value");
        assertEquals(1, snapshot.store(StoreName.MY).size());
    }

    @Test
    void aBlobThatIsNotBinaryIsReported() throws Exception {
        byte[] file = new RegExportText().key(MACHINE + "MY\\Certificates\\AB").line("\"Blob\"=\"text\"").utf16();

        assertProblem(read("my.reg", file), "my.reg line 3", "not binary (hex:) data");
    }

    @Test
    void badHexIsReportedWithItsLine() throws Exception {
        byte[] file = new RegExportText().key(MACHINE + "MY\\Certificates\\AB").line("\"Blob\"=hex:20,00,zz,01")
                .certificate(MACHINE + "MY", service)
                .utf16();

        HostSnapshot snapshot = read("my.reg", file);

        assertProblem(snapshot, "my.reg line 4 [" + MACHINE + "MY\\Certificates\\AB]",
                "\"zz\" at byte 2 is not a hexadecimal byte");
        assertEquals(1, snapshot.store(StoreName.MY).size());
    }

    @Test
    void aValueContinuedPastTheEndOfTheFileIsReported() throws Exception {
        String text = new RegExportText().certificate(MACHINE + "MY", service).text();
        String cut = text.substring(0, text.lastIndexOf("\\\r\n") + 1);

        HostSnapshot snapshot = read("my.reg", cut.getBytes(StandardCharsets.UTF_8));

        assertProblem(snapshot, "my.reg line", "continues past the end of the file");
        assertProblem(snapshot, "Blob offset 32", "property 32 declares " + service.length + " bytes");
        assertEquals(0, snapshot.certificates().size());
    }

    @Test
    void aTruncatedBlobIsReportedAtItsOffset() throws Exception {
        byte[] element = concat(entry(11, utf16z("n")), entry(32, service));
        byte[] file = new RegExportText()
                .certificate(MACHINE + "MY", TestCertificates.thumbprint(service),
                        Arrays.copyOf(element, element.length - 10))
                .utf16();

        HostSnapshot snapshot = read("my.reg", file);

        assertProblem(snapshot, "Blob offset 16", "property 32 declares");
        assertEquals(1, snapshot.problems().size(), snapshot.problems().toString());
    }

    @Test
    void bytesAfterTheCertificateInABlobAreReported() throws Exception {
        byte[] file = new RegExportText()
                .certificate(MACHINE + "MY", TestCertificates.thumbprint(service),
                        concat(entry(32, service), new byte[] {11, 0, 0}))
                .utf16();

        HostSnapshot snapshot = read("my.reg", file);

        assertProblem(snapshot, "Blob offset " + (12 + service.length), "3 byte(s) after the certificate");
        assertEquals(1, snapshot.store(StoreName.MY).size());
    }

    @Test
    void aBlobWithoutCertificateIsReported() throws Exception {
        byte[] file = new RegExportText().certificate(MACHINE + "MY", "AB", new byte[0]).utf16();

        assertProblem(read("my.reg", file), "Blob offset 0", "holds no certificate");
    }

    @Test
    void theKeyNameIsRecordedAsWrittenEvenWhenItIsNotTheThumbprint() throws Exception {
        String planted = "0123456789ABCDEF0123456789ABCDEF01234567";
        byte[] file = new RegExportText().certificate(MACHINE + "Root", planted, entry(32, root)).utf16();

        StoredCertificate certificate = read("root.reg", file).store(StoreName.ROOT).get(0);

        assertEquals(planted, certificate.storeEntry().registryKeyName());
        assertNull(certificate.storeEntry().storedSha1());
    }

    @Test
    void deletedKeysAndValuesOutsideKeysAreIgnored() throws Exception {
        byte[] file = new RegExportText()
                .line("\"Blob\"=hex:00")
                .key("-" + MACHINE + "MY\\Certificates\\AB")
                .line("\"Blob\"=hex:00")
                .certificate(MACHINE + "MY", service)
                .utf16();

        HostSnapshot snapshot = read("my.reg", file);

        assertProblem(snapshot, "my.reg line 2", "outside any key");
        assertEquals(1, snapshot.store(StoreName.MY).size());
    }

    @Test
    void stopsAtTheEntryLimitAndSaysSo() throws Exception {
        byte[] file = new RegExportText()
                .certificate(MACHINE + "CA", intermediate)
                .certificate(MACHINE + "Root", root)
                .certificate(USER + "My", service)
                .utf16();

        HostSnapshot snapshot = new RegistryExportSource(write("stores.reg", file), new SourceLimits(1 << 20, 2))
                .read();

        assertEquals(2, snapshot.certificates().size());
        assertEquals(0, snapshot.userStoreCertificates().size());
        assertEquals(1, snapshot.problems().size(), snapshot.problems()::toString);
        assertTrue(snapshot.problems().get(0).message().contains("--max-entries"), snapshot.problems()::toString);
    }

    @Test
    void aUserStoreCertificateCountsTowardsTheEntryLimit() throws Exception {
        byte[] file = new RegExportText()
                .certificate(USER + "My", service)
                .certificate(MACHINE + "Root", root)
                .utf16();

        HostSnapshot snapshot = new RegistryExportSource(write("stores.reg", file), new SourceLimits(1 << 20, 1))
                .read();

        assertEquals(1, snapshot.userStoreCertificates().size());
        assertEquals(0, snapshot.certificates().size());
        assertEquals(1, snapshot.problems().size(), snapshot.problems()::toString);
    }

    @Test
    void theFileLimitScalesWithMaxFileBytes() throws Exception {
        Path file = write("my.reg", new RegExportText().certificate(MACHINE + "MY", service).utf16());
        long justEnough = (Files.size(file) + RegistryExportSource.SIZE_FACTOR - 1) / RegistryExportSource.SIZE_FACTOR;

        // The file is read; its one certificate, larger than a certificate file may be at that limit, is not.
        HostSnapshot read = new RegistryExportSource(file, new SourceLimits(justEnough, 10)).read();
        assertEquals(0, read.certificates().size());
        assertTrue(read.problems().get(0).message().contains("more than " + justEnough + " bytes"),
                read.problems()::toString);
        assertThrows(SourceException.class,
                () -> new RegistryExportSource(file, new SourceLimits(justEnough - 1, 10)).read());
    }

    @Test
    void refusesAMissingFile() {
        assertThrows(SourceException.class, () -> new RegistryExportSource(folder.resolve("absent.reg")).read());
    }

    private HostSnapshot read(String name, byte[] data) throws Exception {
        return new RegistryExportSource(write(name, data)).read();
    }

    private Path write(String name, byte[] data) throws IOException {
        return Files.write(folder.resolve(name), data);
    }

    private static List<String> physicalStores(List<StoredCertificate> certificates) {
        return certificates.stream().map(StoredCertificate::physicalStore).toList();
    }

    private static void assertProblem(HostSnapshot snapshot, String origin, String message) {
        for (SourceProblem problem : snapshot.problems()) {
            if (problem.origin().contains(origin) && problem.message().contains(message)) {
                return;
            }
        }
        throw new AssertionError("no problem at \"" + origin + "\" saying \"" + message + "\" in "
                + snapshot.problems());
    }
}
