package io.certaudit.agent.source.serialized;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class RegFileParserTest {

    private final List<String> problems = new ArrayList<>();

    @Test
    void joinsContinuedHexLinesAndKeepsTheLineWhereTheValueStarts() {
        List<RegFileParser.RegistryKey> keys = parse("""
                Windows Registry Editor Version 5.00

                [HKEY_LOCAL_MACHINE\\A]
                "Blob"=hex:01,02,\\
                  03,04,\\
                  05
                "Next"=dword:00000001
                """);

        RegFileParser.RegistryValue blob = keys.get(0).value("blob");
        assertEquals(4, blob.line());
        assertTrue(blob.binary());
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, blob.bytes());
        assertFalse(keys.get(0).value("Next").binary());
        assertEquals(List.of(), problems);
    }

    @Test
    void readsEscapedNamesTheDefaultValueAndExplicitBinaryType() {
        List<RegFileParser.RegistryKey> keys = parse("""
                REGEDIT4

                [HKEY_LOCAL_MACHINE\\A]
                @=hex(3):ff
                "say \\"hi\\" \\\\ there"=hex:0a
                """);

        assertArrayEquals(new byte[] {(byte) 0xFF}, keys.get(0).value("").bytes());
        assertTrue(keys.get(0).value("say \"hi\" \\ there").binary());
        assertEquals(List.of(), problems);
    }

    @Test
    void mergesAKeyThatAppearsTwice() {
        List<RegFileParser.RegistryKey> keys = parse("""
                Windows Registry Editor Version 5.00
                [HKEY_LOCAL_MACHINE\\A]
                "x"=hex:01
                [hkey_local_machine\\a]
                "y"=hex:02
                """);

        assertEquals(1, keys.size());
        assertEquals(2, keys.get(0).values().size());
    }

    @Test
    void reportsMalformedLinesAndReadsOn() {
        List<RegFileParser.RegistryKey> keys = parse("""
                Windows Registry Editor Version 5.00
                [HKEY_LOCAL_MACHINE\\A
                "x"=hex:01
                [HKEY_LOCAL_MACHINE\\B]
                "unterminated=hex:01
                "no-equals"hex:01
                "ok"=hex:02
                """);

        assertEquals(List.of("2: a key line without its closing ]; the values that follow are ignored",
                "3: value \"x\" is outside any key; ignored",
                "5: a value name without its closing quote; ignored",
                "6: a value without '=' after its name; ignored"), problems);
        assertEquals(1, keys.size());
        assertEquals(1, keys.get(0).values().size());
    }

    @Test
    void hexBytesToleratesBlanksAndATrailingCommaButNotJunk() {
        assertArrayEquals(new byte[] {0x0A, (byte) 0xBC}, RegFileParser.hexBytes(" 0a , BC,"));
        assertArrayEquals(new byte[0], RegFileParser.hexBytes(""));
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> RegFileParser.hexBytes("01,0203"));
        assertEquals("\"0203\" at byte 1 is not a hexadecimal byte", tooLong.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RegFileParser.hexBytes("01,,02"));
    }

    private List<RegFileParser.RegistryKey> parse(String text) {
        return RegFileParser.parse(text, (line, message) -> problems.add(line + ": " + message));
    }
}
