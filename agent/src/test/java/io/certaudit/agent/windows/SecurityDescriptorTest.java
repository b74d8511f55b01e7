package io.certaudit.agent.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class SecurityDescriptorTest {

    private static final String SERVICE_SID = "S-1-5-80-1-2-3-4-5";

    @Test
    void readsOwnerGroupAndEntriesInOrder() {
        byte[] bytes = new SecurityDescriptorBytes(Sid.ADMINISTRATORS, Sid.LOCAL_SYSTEM)
                .allow(Sid.LOCAL_SYSTEM, WindowsConstants.FILE_ALL_ACCESS)
                .deny(SERVICE_SID, WindowsConstants.FILE_WRITE_DATA)
                .ace(WindowsConstants.ACCESS_ALLOWED_ACE_TYPE,
                        WindowsConstants.INHERITED_ACE | WindowsConstants.INHERIT_ONLY_ACE,
                        WindowsConstants.GENERIC_READ, Sid.USERS)
                .build();

        SecurityDescriptor descriptor = SecurityDescriptor.parse(bytes);

        assertEquals(Sid.ADMINISTRATORS, descriptor.owner());
        assertEquals(Sid.LOCAL_SYSTEM, descriptor.group());
        List<SecurityDescriptor.Ace> aces = descriptor.dacl();
        assertEquals(3, aces.size());
        assertTrue(aces.get(0).allows());
        assertEquals(WindowsConstants.FILE_ALL_ACCESS, aces.get(0).mask());
        assertTrue(aces.get(1).denies());
        assertEquals(SERVICE_SID, aces.get(1).sid());
        assertTrue(aces.get(2).inherited() && aces.get(2).inheritOnly());
    }

    @Test
    void genericRightsAreMappedInACopyAndNothingElseChanges() {
        byte[] bytes = new SecurityDescriptorBytes(Sid.ADMINISTRATORS, Sid.LOCAL_SYSTEM)
                .allow(SERVICE_SID, WindowsConstants.GENERIC_READ)
                .allow(Sid.LOCAL_SYSTEM, WindowsConstants.GENERIC_ALL)
                .build();
        SecurityDescriptor descriptor = SecurityDescriptor.parse(bytes);

        byte[] mapped = descriptor.withGenericRightsMapped(GenericMapping.FILE);

        SecurityDescriptor reread = SecurityDescriptor.parse(mapped);
        assertEquals(WindowsConstants.FILE_GENERIC_READ, reread.dacl().get(0).mask());
        assertEquals(WindowsConstants.FILE_ALL_ACCESS, reread.dacl().get(1).mask());
        assertEquals(SERVICE_SID, reread.dacl().get(0).sid());
        assertEquals(WindowsConstants.GENERIC_READ, descriptor.dacl().get(0).mask(), "the original is untouched");
        assertEquals(bytes.length, mapped.length);
    }

    @Test
    void aMissingDaclIsANullDaclNotAnEmptyOne() {
        SecurityDescriptor none = SecurityDescriptor.parse(
                new SecurityDescriptorBytes(Sid.ADMINISTRATORS, Sid.LOCAL_SYSTEM).nullDacl().build());
        SecurityDescriptor empty = SecurityDescriptor.parse(
                new SecurityDescriptorBytes(Sid.ADMINISTRATORS, Sid.LOCAL_SYSTEM).build());
        assertTrue(none.nullDacl());
        assertTrue(!empty.nullDacl() && empty.dacl().isEmpty());
    }

    @Test
    void findsTheSidOfAnObjectAceBehindItsGuids() {
        // ACCESS_ALLOWED_OBJECT_ACE: header, mask, flags (both GUIDs present), two GUIDs, then the SID.
        byte[] sid = Sid.toBinary(SERVICE_SID);
        byte[] ace = new byte[12 + 32 + sid.length];
        ace[0] = (byte) WindowsConstants.ACCESS_ALLOWED_OBJECT_ACE_TYPE;
        LittleEndian.putInt32(ace, 0, ace[0] & 0xFF | ace.length << 16);
        LittleEndian.putInt32(ace, 4, WindowsConstants.FILE_READ_DATA);
        LittleEndian.putInt32(ace, 8, 0x3);
        System.arraycopy(sid, 0, ace, 44, sid.length);
        byte[] plain = new SecurityDescriptorBytes(Sid.ADMINISTRATORS, Sid.LOCAL_SYSTEM).build();
        byte[] bytes = Arrays.copyOf(plain, plain.length + ace.length);
        System.arraycopy(ace, 0, bytes, plain.length, ace.length);
        int daclOffset = LittleEndian.int32(bytes, 16);
        bytes[daclOffset + 2] = (byte) (8 + ace.length);
        bytes[daclOffset + 4] = 1;

        SecurityDescriptor.Ace parsed = SecurityDescriptor.parse(bytes).dacl().get(0);

        assertEquals(SERVICE_SID, parsed.sid());
        assertTrue(parsed.allows());
    }

    @Test
    void rejectsAnAbsoluteOrTruncatedDescriptor() {
        byte[] bytes = new SecurityDescriptorBytes(Sid.ADMINISTRATORS, Sid.LOCAL_SYSTEM)
                .allow(Sid.USERS, WindowsConstants.FILE_GENERIC_READ).build();
        byte[] absolute = bytes.clone();
        absolute[3] = 0;
        assertThrows(IllegalArgumentException.class, () -> SecurityDescriptor.parse(absolute));
        assertThrows(IllegalArgumentException.class,
                () -> SecurityDescriptor.parse(Arrays.copyOf(bytes, bytes.length - 6)));
    }
}
