package io.certaudit.agent.source.serialized;

/** Reads the unsigned little-endian DWORDs every Windows serialized structure is made of. */
final class LittleEndian {

    private LittleEndian() {
    }

    /** The DWORD at {@code offset} as an unsigned value; the caller has checked that four bytes are there. */
    static long u32(byte[] data, int offset) {
        return (data[offset] & 0xFFL)
                | (data[offset + 1] & 0xFFL) << 8
                | (data[offset + 2] & 0xFFL) << 16
                | (data[offset + 3] & 0xFFL) << 24;
    }
}
