package io.certaudit.agent.windows;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SidTest {

    @Test
    void administratorsHasTheDocumentedBinaryForm() {
        // S-1-5-32-544: revision 1, two sub-authorities, authority 5 (big-endian), 32 and 544 (little-endian).
        byte[] expected = {1, 2, 0, 0, 0, 0, 0, 5, 32, 0, 0, 0, 0x20, 0x02, 0, 0};
        assertArrayEquals(expected, Sid.toBinary(Sid.ADMINISTRATORS));
        assertEquals(Sid.ADMINISTRATORS, Sid.toText(expected, 0));
        assertEquals(16, Sid.length(expected, 0));
    }

    @Test
    void subAuthoritiesAboveTwoToThe31AreUnsigned() {
        String virtualAccount = "S-1-5-80-3232713091-3914218516-1512451322-3233213290-2780958787";
        byte[] binary = Sid.toBinary(virtualAccount);
        assertEquals(virtualAccount, Sid.toText(binary, 0));
    }

    @Test
    void readsASidInsideALargerBuffer() {
        byte[] sid = Sid.toBinary(Sid.EVERYONE);
        byte[] buffer = new byte[sid.length + 3];
        System.arraycopy(sid, 0, buffer, 3, sid.length);
        assertEquals(Sid.EVERYONE, Sid.toText(buffer, 3));
    }

    @Test
    void rejectsWhatIsNotASid() {
        assertThrows(IllegalArgumentException.class, () -> Sid.toBinary("Administrators"));
    }
}
