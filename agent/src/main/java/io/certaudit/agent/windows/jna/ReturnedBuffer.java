package io.certaudit.agent.windows.jna;

import java.nio.charset.StandardCharsets;

import com.sun.jna.Pointer;

/**
 * A copy of the bytes a Windows function wrote into a caller's buffer, with the address the buffer had, so that
 * the pointers inside it (CRYPT_KEY_PROV_INFO's strings, QUERY_SERVICE_CONFIGW's strings, which Windows places in
 * the same buffer) are read from the copy, bounded by the length Windows reported, and never from native memory
 * after the buffer is gone. A pointer that leads outside the buffer is a malformed answer, not something to
 * follow.
 */
public final class ReturnedBuffer {

    /** An answer that does not have the shape its documentation gives it. */
    static final class MalformedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MalformedException(String message) {
            super(message);
        }
    }

    private final byte[] bytes;
    private final long address;

    ReturnedBuffer(byte[] bytes, long address) {
        this.bytes = bytes.clone();
        this.address = address;
    }

    int length() {
        return bytes.length;
    }

    /**
     * The UTF-16LE string a pointer inside the buffer leads to, up to its NUL or the end of the buffer, or
     * {@code null} for a null pointer.
     *
     * @param member the structure member it was read from, for the message when it leads outside the buffer
     */
    String wideStringAt(Pointer pointer, String member) {
        if (pointer == null) {
            return null;
        }
        long offset = Pointer.nativeValue(pointer) - address;
        if (offset < 0 || offset >= bytes.length) {
            throw new MalformedException(member + " points outside the " + bytes.length + " bytes returned");
        }
        return wideString(bytes, (int) offset, bytes.length);
    }

    /**
     * A UTF-16LE string property such as CERT_FRIENDLY_NAME_PROP_ID: read by its length, ending at the first NUL
     * if there is one. Windows returns what was stored, and a NUL terminator is not guaranteed.
     */
    static String wideString(byte[] data) {
        return wideString(data, 0, data.length);
    }

    private static String wideString(byte[] data, int from, int to) {
        int end = from;
        while (end + 1 < to && (data[end] != 0 || data[end + 1] != 0)) {
            end += 2;
        }
        // An odd trailing byte is not half a character worth guessing at.
        return new String(data, from, end - from, StandardCharsets.UTF_16LE);
    }
}
