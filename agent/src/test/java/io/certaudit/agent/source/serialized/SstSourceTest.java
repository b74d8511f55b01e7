package io.certaudit.agent.source.serialized;

import static io.certaudit.agent.source.serialized.SerializedBytes.HEADER;
import static io.certaudit.agent.source.serialized.SerializedBytes.concat;
import static io.certaudit.agent.source.serialized.SerializedBytes.entry;
import static io.certaudit.agent.source.serialized.SerializedBytes.enhancedKeyUsage;
import static io.certaudit.agent.source.serialized.SerializedBytes.keyProviderInfo;
import static io.certaudit.agent.source.serialized.SerializedBytes.store;
import static io.certaudit.agent.source.serialized.SerializedBytes.utf16z;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.certaudit.agent.source.SourceException;
import io.certaudit.agent.source.SourceLimits;
import io.certaudit.model.HostSnapshot;
import io.certaudit.model.KeyKind;
import io.certaudit.model.PrivateKeyFacts;
import io.certaudit.model.SourceProblem;
import io.certaudit.model.StoreName;
import io.certaudit.model.StoredCertificate;
import io.certaudit.model.Tristate;

class SstSourceTest {

    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    /** CERT_CERT_PROP_ID, CERT_CRL_PROP_ID. */
    private static final long CERTIFICATE = 32;
    private static final long CRL = 33;

    @TempDir
    Path folder;

    private final byte[] service = TestCertificates.der("service.example");
    private final byte[] other = TestCertificates.der("other.example");

    @Test
    void readsEveryElementWithTheFactsItsPropertiesGive() throws Exception {
        byte[] file = store(
                entry(11, utf16z("BEMS service")),
                entry(2, keyProviderInfo("le-container", "Microsoft Enhanced RSA and AES Cryptographic Provider",
                        24, 0x20, 1)),
                entry(9, enhancedKeyUsage(SERVER_AUTH, CLIENT_AUTH)),
                entry(3, SerializedBytes.hex(TestCertificates.thumbprint(service))),
                entry(CERTIFICATE, service),
                entry(2, keyProviderInfo("cng-key", "Microsoft Software Key Storage Provider", 0, 0, 0)),
                entry(19, new byte[0]),
                entry(CERTIFICATE, other));

        HostSnapshot snapshot = read("my.sst", file, null);

        assertEquals(List.of(), snapshot.problems());
        List<StoredCertificate> personal = snapshot.store(StoreName.MY);
        assertEquals(2, personal.size());
        StoredCertificate first = personal.get(0);
        assertEquals(TestCertificates.thumbprint(service), first.thumbprint());
        assertEquals("BEMS service", first.friendlyName());
        assertEquals(List.of(SERVER_AUTH, CLIENT_AUTH), first.storeEntry().allowedPurposes());
        assertEquals(first.thumbprint(), first.storeEntry().storedSha1());
        PrivateKeyFacts key = first.privateKey();
        assertEquals(Tristate.UNKNOWN, key.present());
        assertEquals(KeyKind.CAPI, key.kind());
        assertEquals("le-container", key.container());
        assertEquals("Microsoft Enhanced RSA and AES Cryptographic Provider", key.provider());
        assertEquals(Tristate.YES, key.machineKeyset());
        assertTrue(key.evidence().startsWith("key associated, not verified"), key.evidence());
        assertNull(first.physicalStore());
        assertTrue(first.origin().endsWith("my.sst at offset 8"), first.origin());

        StoredCertificate second = personal.get(1);
        assertEquals(TestCertificates.thumbprint(other), second.thumbprint());
        assertEquals(KeyKind.CNG, second.privateKey().kind());
        assertEquals(Tristate.NO, second.privateKey().machineKeyset());
        assertTrue(second.storeEntry().archived());
        assertNull(second.friendlyName());
    }

    @Test
    void aPersonalCertificateWithoutKeyProviderInfoHasNoKey() throws Exception {
        HostSnapshot snapshot = read("my.sst", store(entry(CERTIFICATE, service)), null);

        assertEquals(Tristate.NO, snapshot.store(StoreName.MY).get(0).hasPrivateKey());
    }

    @Test
    void keysAreNotLookedForOutsideThePersonalStore() throws Exception {
        byte[] file = store(entry(2, keyProviderInfo("c", "p", 1, 0x20, 1)), entry(CERTIFICATE, service));

        StoredCertificate root = read("root.sst", file, null).store(StoreName.ROOT).get(0);

        assertNull(root.privateKey());
    }

    @ParameterizedTest
    @CsvSource({"my.sst, MY", "Personal.SST, MY", "intermediate.sst, CA", "CA.sst, CA", "Trusted_Root.sst, ROOT",
            "authroot.sst, ROOT", "Disallowed.sst, DISALLOWED", "untrusted_certificates.sst, DISALLOWED"})
    void takesTheStoreFromTheFileName(String name, StoreName expected) throws Exception {
        HostSnapshot snapshot = read(name, store(entry(CERTIFICATE, service)), null);

        assertEquals(1, snapshot.store(expected).size());
    }

    @Test
    void anExplicitStoreWinsOverTheFileName() throws Exception {
        HostSnapshot snapshot = read("my.sst", store(entry(CERTIFICATE, service)), StoreName.CA);

        assertEquals(1, snapshot.store(StoreName.CA).size());
        assertEquals(0, snapshot.store(StoreName.MY).size());
    }

    @Test
    void refusesAFileWhoseStoreCannotBeTold() throws IOException {
        Path file = write("export.sst", store(entry(CERTIFICATE, service)));

        SourceException e = assertThrows(SourceException.class, () -> new SstSource(file, null).read());

        assertTrue(e.getMessage().contains("--store"), e.getMessage());
    }

    @Test
    void refusesAMissingFile() {
        SourceException e = assertThrows(SourceException.class,
                () -> new SstSource(folder.resolve("absent.sst"), StoreName.MY).read());

        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void refusesAFileFarLargerThanAnyStoreWithoutReadingIt() throws IOException {
        Path file = folder.resolve("huge.sst");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(SstSource.SIZE_FACTOR * SourceLimits.DEFAULT_MAX_FILE_BYTES + 1);
        }

        SourceException e = assertThrows(SourceException.class, () -> new SstSource(file, StoreName.MY).read());

        assertTrue(e.getMessage().contains("is not read"), e.getMessage());
    }

    @Test
    void theFileLimitScalesWithMaxFileBytes() throws Exception {
        Path file = write("my.sst", store(entry(CERTIFICATE, service), entry(CERTIFICATE, other)));
        long size = Files.size(file);
        long justEnough = (size + SstSource.SIZE_FACTOR - 1) / SstSource.SIZE_FACTOR;

        assertEquals(2, new SstSource(file, null, new SourceLimits(justEnough, 10)).read().certificates().size());
        SourceException e = assertThrows(SourceException.class,
                () -> new SstSource(file, null, new SourceLimits(justEnough - 1, 10)).read());
        assertTrue(e.getMessage().contains("is not read"), e.getMessage());
    }

    @Test
    void stopsAtTheEntryLimitAndSaysSo() throws Exception {
        byte[] third = TestCertificates.der("third.example");
        Path file = write("my.sst", store(entry(CERTIFICATE, service), entry(CERTIFICATE, other),
                entry(CERTIFICATE, third)));

        HostSnapshot snapshot = new SstSource(file, null, new SourceLimits(1 << 20, 2)).read();

        assertEquals(2, snapshot.store(StoreName.MY).size());
        assertEquals(1, snapshot.problems().size(), snapshot.problems()::toString);
        assertTrue(snapshot.problems().get(0).message().contains("--max-entries"), snapshot.problems()::toString);
    }

    @Test
    void aWrongHeaderIsReportedAndTheElementsAreStillRead() throws Exception {
        byte[] file = store(entry(CERTIFICATE, service));
        file[4] = 'X';

        HostSnapshot snapshot = read("my.sst", file, null);

        assertProblem(snapshot, "my.sst at offset 0", "not a serialized certificate store");
        assertEquals(1, snapshot.store(StoreName.MY).size());
    }

    @Test
    void aDerFileGivenAsAStoreIsNamedForWhatItLooksLike() throws Exception {
        HostSnapshot snapshot = read("my.sst", service, null);

        assertProblem(snapshot, "my.sst at offset 0", "looks like DER");
        assertEquals(0, snapshot.certificates().size());
    }

    @Test
    void anEmptyFileIsAProblemNotACrash() throws Exception {
        HostSnapshot snapshot = read("my.sst", new byte[0], null);

        assertProblem(snapshot, "my.sst at offset 0", "empty");
        assertEquals(1, snapshot.problems().size(), snapshot.problems().toString());
    }

    @Test
    void aFileShorterThanTheHeaderIsAProblem() throws Exception {
        HostSnapshot snapshot = read("my.sst", new byte[] {0, 0, 0}, null);

        assertProblem(snapshot, "my.sst at offset 0", "shorter than the 8-byte");
    }

    @Test
    void aFileCutInsideACertificateKeepsTheCertificatesBeforeIt() throws Exception {
        byte[] whole = store(entry(CERTIFICATE, service), entry(CERTIFICATE, other));
        int secondEntry = HEADER.length + 12 + service.length;
        byte[] cut = Arrays.copyOf(whole, secondEntry + 12 + 100);

        HostSnapshot snapshot = read("my.sst", cut, null);

        assertEquals(1, snapshot.store(StoreName.MY).size());
        assertProblem(snapshot, "my.sst at offset " + secondEntry,
                "property 32 declares " + other.length + " bytes but only 100 remain");
        assertEquals(1, snapshot.problems().size(), snapshot.problems().toString());
    }

    @Test
    void aFourGigabyteLengthIsReportedWithoutAllocatingIt() throws Exception {
        byte[] file = concat(HEADER, entry(CERTIFICATE, service), entry(11, 1, 0xFFFFFFFFL, new byte[4]));

        HostSnapshot snapshot = read("my.sst", file, null);

        assertEquals(1, snapshot.store(StoreName.MY).size());
        assertProblem(snapshot, "at offset " + (HEADER.length + 12 + service.length),
                "declares 4294967295 bytes");
    }

    @Test
    void aTruncatedEntryHeaderIsReported() throws Exception {
        byte[] file = concat(HEADER, entry(CERTIFICATE, service), new byte[] {11, 0, 0, 0, 1});

        HostSnapshot snapshot = read("my.sst", file, null);

        assertEquals(1, snapshot.store(StoreName.MY).size());
        assertProblem(snapshot, "at offset " + (HEADER.length + 12 + service.length), "5 byte(s) left");
    }

    @Test
    void aMissingEndMarkerIsReported() throws Exception {
        byte[] file = concat(HEADER, entry(CERTIFICATE, service));

        HostSnapshot snapshot = read("my.sst", file, null);

        assertEquals(1, snapshot.store(StoreName.MY).size());
        assertProblem(snapshot, "at offset " + file.length, "without the 12-byte end marker");
    }

    @Test
    void bytesAfterTheEndMarkerAreReported() throws Exception {
        byte[] file = concat(store(entry(CERTIFICATE, service)), new byte[] {1, 2, 3});

        HostSnapshot snapshot = read("my.sst", file, null);

        assertProblem(snapshot, "at offset " + (file.length - 3), "3 byte(s) after the end marker");
    }

    @Test
    void zeroPaddingAfterTheEndMarkerIsNotAProblem() throws Exception {
        byte[] file = concat(store(entry(CERTIFICATE, service)), new byte[16]);

        assertEquals(List.of(), read("my.sst", file, null).problems());
    }

    @Test
    void aWrongReservedFieldIsReportedAndTheEntryStillRead() throws Exception {
        byte[] file = store(entry(11, 7, 4, utf16z("x")), entry(CERTIFICATE, service));

        HostSnapshot snapshot = read("my.sst", file, null);

        assertProblem(snapshot, "at offset 12", "has 7 where every entry has 1");
        assertEquals("x", snapshot.store(StoreName.MY).get(0).friendlyName());
    }

    @Test
    void anImpossiblePropertyIdIsReportedAndSkipped() throws Exception {
        byte[] file = store(entry(0x12345678L, new byte[] {1, 2}), entry(CERTIFICATE, service));

        HostSnapshot snapshot = read("my.sst", file, null);

        assertProblem(snapshot, "at offset 8", "unknown property id 305419896 (0x12345678)");
        assertEquals(1, snapshot.store(StoreName.MY).size());
    }

    @Test
    void propertiesTheAuditDoesNotUseAreNormalContent() throws Exception {
        // MD5 hash (4), key identifier (20), a reserved id (0x5C) and a user-defined one (0x8001).
        byte[] file = store(entry(4, new byte[16]), entry(20, new byte[20]), entry(0x5C, new byte[4]),
                entry(0x8001, new byte[1]), entry(CERTIFICATE, service));

        HostSnapshot snapshot = read("my.sst", file, null);

        assertEquals(List.of(), snapshot.problems());
        assertEquals(1, snapshot.store(StoreName.MY).size());
    }

    @Test
    void propertiesLeftWithoutACertificateAreReported() throws Exception {
        byte[] file = store(entry(CERTIFICATE, service), entry(11, utf16z("orphan")));

        HostSnapshot snapshot = read("my.sst", file, null);

        assertProblem(snapshot, "at offset " + (HEADER.length + 12 + service.length),
                "1 property is not followed by a certificate");
    }

    @Test
    void aCrlElementIsSkippedWithItsProperties() throws Exception {
        byte[] file = store(entry(11, utf16z("crl name")), entry(CRL, new byte[] {0x30, 0}),
                entry(CERTIFICATE, service));

        HostSnapshot snapshot = read("my.sst", file, null);

        assertEquals(List.of(), snapshot.problems());
        assertNull(snapshot.store(StoreName.MY).get(0).friendlyName());
    }

    @Test
    void anUndecodableCertificateIsReportedAndTheNextOneRead() throws Exception {
        byte[] file = store(entry(CERTIFICATE, new byte[] {0x30, 0x03, 1, 2, 3}), entry(CERTIFICATE, other));

        HostSnapshot snapshot = read("my.sst", file, null);

        assertProblem(snapshot, "at offset 8", "the certificate (property 32, 5 bytes) cannot be read");
        assertEquals(TestCertificates.thumbprint(other), snapshot.store(StoreName.MY).get(0).thumbprint());
    }

    @Test
    void keyProviderInfoShorterThanItsHeaderIsReported() throws Exception {
        byte[] file = store(entry(2, new byte[20]), entry(CERTIFICATE, service));

        HostSnapshot snapshot = read("my.sst", file, null);

        assertProblem(snapshot, "at offset 20", "shorter than its 28-byte header");
        StoredCertificate certificate = snapshot.store(StoreName.MY).get(0);
        assertEquals(Tristate.UNKNOWN, certificate.hasPrivateKey());
        assertEquals(KeyKind.UNKNOWN, certificate.privateKey().kind());
    }

    @Test
    void keyProviderInfoPointingOutsideItselfIsReported() throws Exception {
        byte[] info = keyProviderInfo("container", "provider", 1, 0x20, 1);
        System.arraycopy(SerializedBytes.dword(100_000), 0, info, 0, 4);
        byte[] file = store(entry(2, info), entry(CERTIFICATE, service));

        HostSnapshot snapshot = read("my.sst", file, null);

        assertProblem(snapshot, "at offset 20", "container name offset 100000 points outside");
        PrivateKeyFacts key = snapshot.store(StoreName.MY).get(0).privateKey();
        assertNull(key.container());
        assertEquals("provider", key.provider());
    }

    @Test
    void keyProviderInfoWithAnUnterminatedNameIsReported() throws Exception {
        byte[] info = keyProviderInfo("container", null, 1, 0, 1);
        byte[] cut = Arrays.copyOf(info, info.length - 2);
        byte[] file = store(entry(2, cut), entry(CERTIFICATE, service));

        HostSnapshot snapshot = read("my.sst", file, null);

        assertProblem(snapshot, "at offset 20", "has no terminating NUL");
    }

    @Test
    void keyProviderInfoWithImpossibleParametersIsReported() throws Exception {
        byte[] info = keyProviderInfo("c", "p", 1, 0, 1);
        System.arraycopy(SerializedBytes.dword(0xFFFFFFFFL), 0, info, 16, 4);
        System.arraycopy(SerializedBytes.dword(28), 0, info, 20, 4);
        byte[] file = store(entry(2, info), entry(CERTIFICATE, service));

        HostSnapshot snapshot = read("my.sst", file, null);

        assertProblem(snapshot, "at offset 36", "declares 4294967295 provider parameters");
        assertEquals("c", snapshot.store(StoreName.MY).get(0).privateKey().container());
    }

    @Test
    void aFriendlyNameOfOddLengthIsReported() throws Exception {
        byte[] name = concat(utf16z("odd"), new byte[] {0x41});
        HostSnapshot snapshot = read("my.sst", store(entry(11, name), entry(CERTIFICATE, service)), null);

        assertProblem(snapshot, "at offset 20", "odd length (9 bytes)");
        assertEquals("odd", snapshot.store(StoreName.MY).get(0).friendlyName());
    }

    @Test
    void aFriendlyNameThatIsNotUtf16IsReported() throws Exception {
        byte[] lonelySurrogate = {0x00, (byte) 0xD8, 0x41, 0x00, 0, 0};
        HostSnapshot snapshot = read("my.sst", store(entry(11, lonelySurrogate), entry(CERTIFICATE, service)),
                null);

        assertProblem(snapshot, "at offset 20", "not valid UTF-16LE");
        assertEquals(1, snapshot.store(StoreName.MY).size());
    }

    @Test
    void anUndecodableEkuPropertyIsReported() throws Exception {
        HostSnapshot snapshot = read("my.sst", store(entry(9, new byte[] {0x04, 0x01, 0}),
                entry(CERTIFICATE, service)), null);

        assertProblem(snapshot, "at offset 20", "enhanced key usage (property 9)");
        assertNull(snapshot.store(StoreName.MY).get(0).storeEntry().allowedPurposes());
    }

    @Test
    void anEmptyEkuPropertyMeansNoPurpose() throws Exception {
        HostSnapshot snapshot = read("my.sst", store(entry(9, enhancedKeyUsage()), entry(CERTIFICATE, service)),
                null);

        assertEquals(List.of(), snapshot.store(StoreName.MY).get(0).storeEntry().allowedPurposes());
    }

    @Test
    void aRepeatedPropertyIsReportedAndTheFirstKept() throws Exception {
        byte[] file = store(entry(11, utf16z("first")), entry(11, utf16z("second")), entry(CERTIFICATE, service));

        HostSnapshot snapshot = read("my.sst", file, null);

        assertProblem(snapshot, "at offset " + (8 + 12 + 12), "appears again");
        assertEquals("first", snapshot.store(StoreName.MY).get(0).friendlyName());
    }

    @Test
    void aStoredSha1IsRecordedAsStoredEvenWhenItIsNotTheCertificates() throws Exception {
        byte[] wrong = new byte[20];
        Arrays.fill(wrong, (byte) 0xAB);
        byte[] file = store(entry(3, wrong), entry(CERTIFICATE, service));

        StoredCertificate certificate = read("root.sst", file, null).store(StoreName.ROOT).get(0);

        assertEquals("AB".repeat(20), certificate.storeEntry().storedSha1());
        assertEquals(TestCertificates.thumbprint(service), certificate.thumbprint());
    }

    private HostSnapshot read(String name, byte[] data, StoreName store) throws Exception {
        return new SstSource(write(name, data), store).read();
    }

    private Path write(String name, byte[] data) throws IOException {
        return Files.write(folder.resolve(name), data);
    }

    private static void assertProblem(HostSnapshot snapshot, String origin, String message) {
        for (SourceProblem problem : snapshot.problems()) {
            if (problem.origin().endsWith(origin) && problem.message().contains(message)) {
                return;
            }
        }
        throw new AssertionError("no problem at \"" + origin + "\" saying \"" + message + "\" in "
                + snapshot.problems());
    }
}
