package io.certaudit.agent.windows;

import java.util.ArrayList;
import java.util.List;

/**
 * A self-relative security descriptor as GetNamedSecurityInfo returns it: owner, group and the DACL's entries.
 * Parsed here, in Java, so that the readable ACL in the report and the generic-rights mapping before the access
 * check are tested on any OS. Layouts: learn.microsoft.com/windows/win32/api/winnt/ns-winnt-security_descriptor_relative,
 * .../ns-winnt-acl, .../ns-winnt-ace_header, .../ns-winnt-access_allowed_ace, .../ns-winnt-access_allowed_object_ace.
 */
public final class SecurityDescriptor {

    /** ACE types whose SID follows an object-ACE header (flags and up to two GUIDs). */
    private static final int[] OBJECT_ACE_TYPES = {0x5, 0x6, 0x7, 0x8, 0xB, 0xC, 0xF, 0x10};

    private final byte[] bytes;
    private final String owner;
    private final String group;
    private final List<Ace> dacl;

    private SecurityDescriptor(byte[] bytes, String owner, String group, List<Ace> dacl) {
        this.bytes = bytes;
        this.owner = owner;
        this.group = group;
        this.dacl = dacl;
    }

    /**
     * One access control entry.
     *
     * @param offset where the ACE starts in the descriptor, so its mask can be rewritten
     */
    public record Ace(int type, int flags, int mask, String sid, int offset) {

        public boolean allows() {
            return type == WindowsConstants.ACCESS_ALLOWED_ACE_TYPE
                    || type == WindowsConstants.ACCESS_ALLOWED_OBJECT_ACE_TYPE
                    || type == WindowsConstants.ACCESS_ALLOWED_CALLBACK_ACE_TYPE;
        }

        public boolean denies() {
            return type == WindowsConstants.ACCESS_DENIED_ACE_TYPE
                    || type == WindowsConstants.ACCESS_DENIED_OBJECT_ACE_TYPE
                    || type == WindowsConstants.ACCESS_DENIED_CALLBACK_ACE_TYPE;
        }

        public boolean inherited() {
            return (flags & WindowsConstants.INHERITED_ACE) != 0;
        }

        /** An inherit-only ACE applies to children only, not to the object itself. */
        public boolean inheritOnly() {
            return (flags & WindowsConstants.INHERIT_ONLY_ACE) != 0;
        }
    }

    /**
     * Parses a self-relative descriptor.
     *
     * @throws IllegalArgumentException when the bytes are not a well-formed self-relative descriptor
     */
    public static SecurityDescriptor parse(byte[] selfRelative) {
        byte[] bytes = selfRelative.clone();
        try {
            if (bytes.length < 20 || bytes[0] != 1) {
                throw new IllegalArgumentException("not a revision 1 security descriptor");
            }
            int control = LittleEndian.uint16(bytes, 2);
            if ((control & WindowsConstants.SE_SELF_RELATIVE) == 0) {
                throw new IllegalArgumentException("not a self-relative security descriptor");
            }
            String owner = sidAt(bytes, LittleEndian.int32(bytes, 4));
            String group = sidAt(bytes, LittleEndian.int32(bytes, 8));
            int daclOffset = LittleEndian.int32(bytes, 16);
            List<Ace> dacl = (control & WindowsConstants.SE_DACL_PRESENT) == 0 || daclOffset == 0
                    ? null : aces(bytes, daclOffset);
            return new SecurityDescriptor(bytes, owner, group, dacl);
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("truncated security descriptor", e);
        }
    }

    /** The owner SID, or {@code null}. */
    public String owner() {
        return owner;
    }

    /** The primary group SID, or {@code null}. */
    public String group() {
        return group;
    }

    /** Whether there is no DACL at all, which grants every access to everyone. */
    public boolean nullDacl() {
        return dacl == null;
    }

    /** The DACL's entries in order; empty for an empty DACL (which grants nothing) and for a NULL DACL. */
    public List<Ace> dacl() {
        return dacl == null ? List.of() : dacl;
    }

    /** A copy of the descriptor with the generic rights of every DACL entry mapped to specific rights. */
    byte[] withGenericRightsMapped(GenericMapping mapping) {
        byte[] mapped = bytes.clone();
        for (Ace ace : dacl()) {
            LittleEndian.putInt32(mapped, ace.offset() + 4, mapping.map(ace.mask()));
        }
        return mapped;
    }

    private static String sidAt(byte[] bytes, int offset) {
        return offset == 0 ? null : Sid.toText(bytes, offset);
    }

    private static List<Ace> aces(byte[] bytes, int aclOffset) {
        int count = LittleEndian.uint16(bytes, aclOffset + 4);
        List<Ace> aces = new ArrayList<>(count);
        int offset = aclOffset + 8;
        for (int i = 0; i < count; i++) {
            int type = bytes[offset] & 0xFF;
            int flags = bytes[offset + 1] & 0xFF;
            int size = LittleEndian.uint16(bytes, offset + 2);
            if (size < 8) {
                throw new IllegalArgumentException("ACE " + i + " has an impossible size " + size);
            }
            int mask = LittleEndian.int32(bytes, offset + 4);
            aces.add(new Ace(type, flags, mask, Sid.toText(bytes, sidOffset(bytes, offset, type)), offset));
            offset += size;
        }
        return List.copyOf(aces);
    }

    private static int sidOffset(byte[] bytes, int aceOffset, int type) {
        for (int objectType : OBJECT_ACE_TYPES) {
            if (type == objectType) {
                int objectFlags = LittleEndian.int32(bytes, aceOffset + 8);
                // ACE_OBJECT_TYPE_PRESENT 0x1 and ACE_INHERITED_OBJECT_TYPE_PRESENT 0x2 each add a 16-byte GUID.
                return aceOffset + 12 + ((objectFlags & 0x1) != 0 ? 16 : 0) + ((objectFlags & 0x2) != 0 ? 16 : 0);
            }
        }
        return aceOffset + 8;
    }
}
