package io.certaudit.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ByteSizeTest {

    @Test
    void readsPlainNumbersAndBinaryUnits() {
        assertEquals(16_777_216L, ByteSize.parse("16777216"));
        assertEquals(512L * 1024, ByteSize.parse("512K"));
        assertEquals(16L << 20, ByteSize.parse("16M"));
        assertEquals(16L << 20, ByteSize.parse("16 MiB"));
        assertEquals(16L << 20, ByteSize.parse("16mb"));
        assertEquals(1L << 30, ByteSize.parse("1G"));
        assertEquals(100L, ByteSize.parse("100B"));
    }

    @Test
    void anythingElseIsNoSize() {
        for (String text : new String[] {"", "lots", "-1", "1.5M", "16T", "99999999999999999999", "9223372036854775807G"}) {
            assertEquals(-1L, ByteSize.parse(text), text);
        }
    }
}
