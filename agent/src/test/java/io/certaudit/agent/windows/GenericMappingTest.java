package io.certaudit.agent.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GenericMappingTest {

    @Test
    void genericRightsBecomeTheSpecificRightsOfTheObjectKind() {
        assertEquals(WindowsConstants.FILE_GENERIC_READ, GenericMapping.FILE.map(WindowsConstants.GENERIC_READ));
        assertEquals(WindowsConstants.FILE_ALL_ACCESS, GenericMapping.FILE.map(WindowsConstants.GENERIC_ALL));
        assertEquals(WindowsConstants.KEY_READ, GenericMapping.REGISTRY_KEY.map(WindowsConstants.GENERIC_READ));
        assertEquals(WindowsConstants.KEY_ALL_ACCESS,
                GenericMapping.REGISTRY_KEY.map(WindowsConstants.GENERIC_ALL));
    }

    @Test
    void specificRightsAreKept() {
        int mask = WindowsConstants.FILE_READ_DATA | WindowsConstants.GENERIC_WRITE;
        assertEquals(WindowsConstants.FILE_READ_DATA | WindowsConstants.FILE_GENERIC_WRITE,
                GenericMapping.FILE.map(mask));
    }

    @Test
    void describesUsualCombinationsByNameAndOthersRightByRight() {
        assertEquals("full control (0x001F01FF)", GenericMapping.FILE.describe(WindowsConstants.FILE_ALL_ACCESS));
        assertEquals("read (0x00120089)", GenericMapping.FILE.describe(WindowsConstants.FILE_GENERIC_READ));
        assertEquals("read (0x00020019)", GenericMapping.REGISTRY_KEY.describe(WindowsConstants.KEY_READ));
        assertEquals("read data, read permissions (0x00020001)",
                GenericMapping.FILE.describe(WindowsConstants.FILE_READ_DATA | WindowsConstants.READ_CONTROL));
        assertEquals("generic read (0x80000000)", GenericMapping.FILE.describe(WindowsConstants.GENERIC_READ));
        assertEquals("no rights (0x00000000)", GenericMapping.FILE.describe(0));
    }
}
