package io.certaudit.agent.windows;

/** Little-endian reads and writes into byte arrays, the byte order of every Windows binary structure. */
final class LittleEndian {

    private LittleEndian() {
    }

    static int uint16(byte[] data, int offset) {
        return (data[offset] & 0xFF) | (data[offset + 1] & 0xFF) << 8;
    }

    static int int32(byte[] data, int offset) {
        return (data[offset] & 0xFF) | (data[offset + 1] & 0xFF) << 8 | (data[offset + 2] & 0xFF) << 16
                | (data[offset + 3] & 0xFF) << 24;
    }

    static void putInt32(byte[] data, int offset, int value) {
        for (int i = 0; i < 4; i++) {
            data[offset + i] = (byte) (value >>> (8 * i));
        }
    }
}
