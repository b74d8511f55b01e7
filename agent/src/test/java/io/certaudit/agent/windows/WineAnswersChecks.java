package io.certaudit.agent.windows;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.certaudit.agent.source.StoreEnhancedKeyUsage;
import io.certaudit.agent.windows.AccountsAndServices.ServiceConfigRead;
import io.certaudit.agent.windows.StoresAndKeys.ChainElement;
import io.certaudit.agent.windows.StoresAndKeys.ChainVerdict;
import io.certaudit.agent.windows.StoresAndKeys.KeyOpenResult;
import io.certaudit.agent.windows.StoresAndKeys.KeyProviderInfo;
import io.certaudit.agent.windows.StoresAndKeys.StoreEntry;
import io.certaudit.agent.windows.StoresAndKeys.StoreLocation;
import io.certaudit.agent.windows.StoresAndKeys.StoreRead;
import io.certaudit.agent.windows.StoresAndKeys.StoreRef;
import io.certaudit.agent.windows.StoresAndKeys.UniqueKeyName;
import io.certaudit.agent.windows.jna.Authz;
import io.certaudit.agent.windows.jna.JnaWindows;

/**
 * The Wine lane's checks: {@link JnaWindows} reads the answers Wine's crypt32, rsaenh and service control
 * manager gave to its own call sequences (recorded by {@code wine/record_answers.c}, see {@code wine/README.md}),
 * and must find in them what the C program found through the Windows headers' structures: the certificates and
 * their properties, the chains with their trust status, the service's account and display name, the errors.
 * The bytes were laid out by Wine, not by the Java structure classes, so a member read at the wrong offset
 * shows here. Answers Wine does not give as Windows would (key acquisition, CNG, Authz) stay on the fake.
 * {@link WineAnswersTest} checks the committed recording; {@link WineAnswersFreshTest} a new one, where Wine is
 * installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WineAnswersChecks {

    private static final StoreRef LM_MY = StoreRef.logical(StoreLocation.LOCAL_MACHINE, "MY");
    private static final String MY_SECTION = "LocalMachine system " + WineAnswers.hex("MY");

    private WineAnswers answers;
    private WineAnswers.Replay replay;

    /** The answers to check the Java code against. */
    abstract WineAnswers record() throws Exception;

    @BeforeAll
    void load() throws Exception {
        // The recording is of a 64-bit process; its blocks hold 8-byte pointers.
        assumeTrue(WineAnswers.sixtyFourBit(), "the recorded answers are those of 64-bit Windows code");
        answers = record();
        assertNotNull(answers.wineVersion);
    }

    @AfterEach
    void nothingIsLeftOpen() {
        if (replay != null) {
            assertEquals(List.of(), replay.bindings.stillOpen(), "calls: " + replay.bindings.calls);
        }
    }

    private WineAnswers.Replay replay() {
        replay = answers.replay();
        return replay;
    }

    @Test
    void everyRecordedStoreReadsAsWineAnsweredIt() {
        List<String[]> opens = answers.lines("open");
        int checked = 0;
        for (String[] open : opens) {
            String name = WineAnswers.text(open[3]);
            if (open[4].equals("0") || name.equals("certaudit-odd")) {
                continue;
            }
            StoreLocation location = open[1].equals("LocalMachine") ? StoreLocation.LOCAL_MACHINE
                    : StoreLocation.CURRENT_USER;
            StoreRef ref = open[2].equals("system") ? StoreRef.logical(location, name)
                    : StoreRef.registry(location, name);
            String section = open[1] + " " + open[2] + " " + open[3];
            StoreRead read = replay().api().stores().readStore(ref);
            nothingIsLeftOpen();
            assertNull(read.error(), section);
            List<String[]> enumerated = answers.linesIn(section, "enum");
            assertEquals(enumerated.size(), read.entries().size(), section);
            for (int i = 0; i < enumerated.size(); i++) {
                assertEntry(section, enumerated.get(i)[5], read.entries().get(i));
                checked++;
            }
        }
        // MY (logical and physical) holds two certificates, CA one.
        assertEquals(5, checked);
    }

    private void assertEntry(String section, String thumbprint, StoreEntry entry) {
        assertEquals(thumbprint, WineAnswers.sha1(entry.encoded()));
        String[] length = answers.lineIn(section, "expect-entry", thumbprint);
        assertEquals(Integer.parseInt(length[2]), entry.encoded().length);

        String[] friendly = answers.lineIn(section, "expect-friendly", thumbprint);
        assertEquals(friendly == null ? null : withoutTerminatingNul(WineAnswers.text(friendly[2])),
                entry.friendlyName(), thumbprint + " friendly name");

        assertStoreUsage(section, thumbprint, entry);

        String[] key = answers.lineIn(section, "expect-keyprov", thumbprint);
        if (key == null) {
            assertNull(entry.keyProvider(), thumbprint);
            return;
        }
        KeyProviderInfo info = entry.keyProvider();
        assertNotNull(info, thumbprint);
        assertEquals(WineAnswers.text(key[2]), info.container());
        assertEquals(WineAnswers.text(key[3]), info.provider());
        assertEquals(Integer.parseInt(key[4]), info.providerType());
        assertEquals(WineAnswers.hexInt(key[5]), info.flags());
        assertEquals(WineAnswers.hexInt(key[6]), info.keySpec());
    }

    /**
     * The store EKU property comes back as the bytes crypt32 returned, and the audit's decoder reads them as
     * crypt32's own CertGetEnhancedKeyUsage did: the same purposes in the same order, none for an empty usage,
     * and nothing for bytes that are not a CERT_ENHKEY_USAGE (Wine's call fails on them).
     */
    private void assertStoreUsage(String section, String thumbprint, StoreEntry entry) {
        String[] property = answers.lineIn(section, "expect-eku", thumbprint);
        if (property == null) {
            assertNull(entry.enhancedKeyUsage(), thumbprint + " has no EKU property");
            return;
        }
        byte[] expected = property[2].equals("-") ? new byte[0] : Hex.decode(property[2]);
        assertArrayEquals(expected, entry.enhancedKeyUsage(), thumbprint + " EKU property");
        String[] usage = answers.lineIn(section, "expect-eku-usage", thumbprint);
        StoreEnhancedKeyUsage.Decoded decoded = StoreEnhancedKeyUsage.decode(entry.enhancedKeyUsage());
        if (usage[2].equals("1")) {
            List<String> oids = List.of(usage).subList(5, usage.length);
            assertEquals(Integer.parseInt(usage[4]), oids.size(), Arrays.toString(usage));
            assertEquals(oids, decoded.usages(), thumbprint);
        } else {
            assertNull(decoded.usages(), thumbprint + ": crypt32 could not decode it either");
            assertNotNull(decoded.problem());
        }
    }

    private static String withoutTerminatingNul(String text) {
        return text.endsWith("\0") ? text.substring(0, text.length() - 1) : text;
    }

    @Test
    void theRecordingHoldsTheOddAnswers() {
        // What the later tests rely on: a non-ASCII friendly name, one stored without its NUL, a CNG key
        // provider info, a key provider info for a machine key set, a store and a service that do not exist.
        List<String> names = new ArrayList<>();
        for (String[] friendly : answers.lines("expect-friendly")) {
            names.add(WineAnswers.text(friendly[2]));
        }
        assertTrue(names.contains("renewed \u2013 \u00fc\u00f1\u00ef\u00e7\u00f6d\u00e9\0"), names::toString);
        assertTrue(names.contains("no terminating NUL"), names::toString);
        assertTrue(answers.lines("expect-keyprov").stream().anyMatch(k -> k[4].equals("0")), "a CNG key");
        assertTrue(answers.lines("expect-keyprov").stream()
                .anyMatch(k -> (WineAnswers.hexInt(k[5]) & WindowsConstants.CRYPT_MACHINE_KEYSET) != 0));
        assertTrue(answers.lines("expect-eku-usage").stream().anyMatch(u -> u[2].equals("1") && u[4].equals("2")),
                "a store EKU property with two purposes");
        assertTrue(answers.lines("expect-eku-usage").stream().anyMatch(u -> u[2].equals("1") && u[4].equals("0")),
                "a store EKU property with no purpose");
        assertTrue(answers.lines("expect-eku-usage").stream().anyMatch(u -> u[2].equals("0")),
                "a store EKU property crypt32 cannot decode");
        assertTrue(answers.lines("property").stream().anyMatch(p -> p[2].equals("9") && p[3].equals("size")
                && p[4].equals("0") && WineAnswers.hexInt(p[6]) == WindowsConstants.CRYPT_E_NOT_FOUND),
                "a certificate without the property: CRYPT_E_NOT_FOUND");
        assertTrue(answers.lines("open").stream().anyMatch(o -> o[4].equals("0")), "a missing store");
        assertTrue(answers.lines("service").stream().anyMatch(s -> s[2].equals("open") && s[3].equals("0")));
    }

    @Test
    void aFriendlyNameWithoutItsNulIsReadByItsLength() {
        String section = "LocalMachine system " + WineAnswers.hex("certaudit-odd");
        StoreRead read = replay().api().stores().readStore(StoreRef.logical(StoreLocation.LOCAL_MACHINE, "certaudit-odd"));
        assertNull(read.error());
        String[] enumerated = answers.lineIn(section, "enum");
        assertEntry(section, enumerated[5], read.entries().get(0));
    }

    @Test
    void aStoreThatDoesNotExistFailsWithWinesError() {
        String[] open = answers.line("open", "LocalMachine", "system", WineAnswers.hex("certaudit-absent"));
        StoreRead read = replay().api().stores().readStore(StoreRef.logical(StoreLocation.LOCAL_MACHINE, "certaudit-absent"));
        assertNotNull(read.error());
        assertEquals(WineAnswers.hexInt(open[5]), read.error().code());
        assertEquals(WindowsConstants.ERROR_FILE_NOT_FOUND, read.error().code());
    }

    @Test
    void chainsReadAsTheChainEngineBuiltThem() {
        List<String[]> chains = answers.linesIn(MY_SECTION, "chain");
        assertFalse(chains.isEmpty());
        for (String[] chain : chains) {
            String thumbprint = chain[1];
            ChainVerdict verdict = replay().api().stores().chainVerdict(LM_MY, thumbprint, null);
            nothingIsLeftOpen();
            assertNull(verdict.error(), thumbprint);
            String[] expected = answers.lineIn(MY_SECTION, "expect-chain", thumbprint);
            assertEquals(WineAnswers.hexInt(expected[2]), verdict.errorStatus(), thumbprint);
            assertEquals(WineAnswers.hexInt(expected[3]), verdict.infoStatus(), thumbprint);
            List<String[]> elements = answers.linesIn(MY_SECTION, "expect-chain-element", thumbprint);
            assertEquals(elements.size(), verdict.elements().size(), thumbprint);
            // The leaf, the intermediate and the root, each with the status the engine gave it.
            assertEquals(3, elements.size());
            for (int i = 0; i < elements.size(); i++) {
                ChainElement element = verdict.elements().get(i);
                assertEquals(elements.get(i)[3], WineAnswers.sha1(element.encoded()), thumbprint + " element " + i);
                assertEquals(WineAnswers.hexInt(elements.get(i)[4]), element.errorStatus());
                assertEquals(WineAnswers.hexInt(elements.get(i)[5]), element.infoStatus());
            }
            assertTrue((verdict.elements().get(2).infoStatus() & WindowsConstants.CERT_TRUST_IS_SELF_SIGNED) != 0);
        }
    }

    @Test
    void theServiceConfigurationReadsAsTheServiceManagerWroteIt() {
        String name = "certaudit-sample";
        String[] expected = answers.line("expect-service", WineAnswers.hex(name));
        ServiceConfigRead config = replay().api().accounts().serviceConfig(name);
        assertNull(config.error());
        assertEquals(WineAnswers.text(expected[2]), config.startName());
        assertEquals(WineAnswers.text(expected[3]), config.displayName());
        assertEquals("certaudit sample service \u2013 BEMS", config.displayName());
        // Wine has no SERVICE_CONFIG_SERVICE_SID_INFO level (ERROR_INVALID_LEVEL): the type is unknown (-1).
        String[] sidInfo = answers.line("service", WineAnswers.hex(name), "sid-info-size");
        assertEquals("0000007c", sidInfo[5]);
        assertEquals(-1, config.serviceSidType());
    }

    @Test
    void aServiceThatDoesNotExistFailsWithWinesError() {
        ServiceConfigRead config = replay().api().accounts().serviceConfig("certaudit-absent");
        assertNotNull(config.error());
        assertEquals(WindowsConstants.ERROR_SERVICE_DOES_NOT_EXIST, config.error().code());
    }

    @Test
    void keyAnswersPassThroughAsWineGaveThem() {
        // Wine's key acquisition is not Windows' (see wine/README.md); what is checked is that its answer, an
        // error here, reaches the caller unchanged, and that the provider's answer is read the same way.
        for (String[] acquired : answers.linesIn(MY_SECTION, "acquire-key")) {
            KeyOpenResult result = replay().api().stores().openPrivateKey(LM_MY, acquired[1]);
            nothingIsLeftOpen();
            if (acquired[2].equals("1")) {
                assertNull(result.error());
                assertEquals(WineAnswers.hexInt(acquired[3]), result.keySpec());
            } else {
                assertEquals(WineAnswers.hexInt(acquired[5]), result.error().code());
            }
        }
        List<String[]> containers = answers.lines("unique-container");
        assertFalse(containers.isEmpty());
        for (String[] container : containers) {
            int flags = WineAnswers.hexInt(container[4]);
            KeyProviderInfo key = new KeyProviderInfo(WineAnswers.text(container[1]), WineAnswers.text(container[2]),
                    Integer.parseInt(container[3]), flags & WindowsConstants.CRYPT_MACHINE_KEYSET,
                    WindowsConstants.AT_KEYEXCHANGE);
            UniqueKeyName name = replay().api().stores().uniqueKeyName(key);
            nothingIsLeftOpen();
            if (container[5].equals("read") && container[6].equals("1")) {
                String[] expected = answers.line("expect-unique-container");
                assertEquals(expected[1], name.name());
            } else {
                assertEquals(WineAnswers.hexInt(container[7]), name.error().code(), Arrays.toString(container));
            }
        }
    }
}
