package io.certaudit.agent.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import io.certaudit.agent.windows.jna.JnaStoresAndKeys;

class FileTimeTest {

    @Test
    void fileTimeCountsHundredNanosecondsSince1601() {
        assertEquals(116_444_736_000_000_000L, JnaStoresAndKeys.fileTime(Instant.EPOCH));
        assertEquals(0L, JnaStoresAndKeys.fileTime(Instant.parse("1601-01-01T00:00:00Z")));
        assertEquals(116_444_736_000_000_001L,
                JnaStoresAndKeys.fileTime(Instant.EPOCH.plusNanos(100)));
    }
}
