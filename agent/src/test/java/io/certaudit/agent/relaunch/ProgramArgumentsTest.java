package io.certaudit.agent.relaunch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The program arguments reach the tuned JVM exactly, whatever characters they hold. */
class ProgramArgumentsTest {

    private static void assertRoundTrip(String... arguments) {
        String encoded = ProgramArguments.encode(arguments);
        assertTrue(encoded.chars().allMatch(c -> c >= 0x20 && c < 0x7F), "printable ASCII only: " + encoded);
        assertArrayEquals(arguments, ProgramArguments.decode(encoded), encoded);
    }

    @Test
    void whatWindowsQuotingWouldMangleArrivesExactly() {
        assertRoundTrip("audit", "--source", "C:\\exports\\bems 01\\", "--config", "C:\\a \"quoted\" name.yaml");
        assertRoundTrip("\\", "\\\\", "\"", "\\\"", "a\\\\\"b", " ", "\t", "ends with a space ");
    }

    @Test
    void emptyArgumentsAreKeptAndCounted() {
        assertRoundTrip();
        assertRoundTrip("");
        assertRoundTrip("", "");
        assertRoundTrip("--config", "", "audit");
        assertEquals("", ProgramArguments.encode(new String[0]));
        assertEquals(",", ProgramArguments.encode(new String[] {""}));
    }

    @Test
    void nonAsciiTextAndLoneSurrogatesArriveExactly() {
        assertRoundTrip("Zertifikatsspeicher-Prüfung", "C:\\Users\\José\\證明書", "\uD83D\uDD12 lock",
                "lone \uD800 high", "lone \uDFFF low", "\u00A0no-break", "\u007F", "line\nbreak\r");
    }

    @Test
    void theFormatsOwnCharactersAreEscaped() {
        assertRoundTrip("%", ",", "%0041,", "a,b", "100%", ",,,");
        assertEquals("a%002Cb,%0025,", ProgramArguments.encode(new String[] {"a,b", "%"}));
    }

    @Test
    void anythingTheEncodingNeverWritesIsRefused() {
        for (String damaged : List.of("a", "a,b", "%00", "%004", "%00G1,", "%00a1,", "é,", "a\u0000,")) {
            assertThrows(IllegalArgumentException.class, () -> ProgramArguments.decode(damaged), damaged);
        }
    }
}
