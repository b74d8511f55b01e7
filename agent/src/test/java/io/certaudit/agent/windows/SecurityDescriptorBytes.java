package io.certaudit.agent.windows;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** Builds self-relative security descriptors the way Windows lays them out, for tests. */
final class SecurityDescriptorBytes {

    private record Entry(int type, int flags, int mask, String sid) {
    }

    private final String owner;
    private final String group;
    private final List<Entry> entries = new ArrayList<>();
    private boolean daclPresent = true;

    SecurityDescriptorBytes(String owner, String group) {
        this.owner = owner;
        this.group = group;
    }

    SecurityDescriptorBytes allow(String sid, int mask) {
        return ace(WindowsConstants.ACCESS_ALLOWED_ACE_TYPE, 0, mask, sid);
    }

    SecurityDescriptorBytes deny(String sid, int mask) {
        return ace(WindowsConstants.ACCESS_DENIED_ACE_TYPE, 0, mask, sid);
    }

    SecurityDescriptorBytes ace(int type, int flags, int mask, String sid) {
        entries.add(new Entry(type, flags, mask, sid));
        return this;
    }

    SecurityDescriptorBytes nullDacl() {
        daclPresent = false;
        return this;
    }

    byte[] build() {
        byte[] ownerSid = Sid.toBinary(owner);
        byte[] groupSid = Sid.toBinary(group);
        ByteArrayOutputStream aces = new ByteArrayOutputStream();
        for (Entry entry : entries) {
            byte[] sid = Sid.toBinary(entry.sid());
            int size = 8 + sid.length;
            aces.write(entry.type());
            aces.write(entry.flags());
            writeShort(aces, size);
            writeInt(aces, entry.mask());
            aces.writeBytes(sid);
        }
        int ownerOffset = 20;
        int groupOffset = ownerOffset + ownerSid.length;
        int daclOffset = groupOffset + groupSid.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(1);
        out.write(0);
        writeShort(out, WindowsConstants.SE_SELF_RELATIVE | (daclPresent ? WindowsConstants.SE_DACL_PRESENT : 0));
        writeInt(out, ownerOffset);
        writeInt(out, groupOffset);
        writeInt(out, 0);
        writeInt(out, daclPresent ? daclOffset : 0);
        out.writeBytes(ownerSid);
        out.writeBytes(groupSid);
        if (daclPresent) {
            out.write(2);
            out.write(0);
            writeShort(out, 8 + aces.size());
            writeShort(out, entries.size());
            writeShort(out, 0);
            out.writeBytes(aces.toByteArray());
        }
        return out.toByteArray();
    }

    private static void writeShort(ByteArrayOutputStream out, int value) {
        out.write(value & 0xFF);
        out.write((value >>> 8) & 0xFF);
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        for (int i = 0; i < 4; i++) {
            out.write((value >>> (8 * i)) & 0xFF);
        }
    }
}
