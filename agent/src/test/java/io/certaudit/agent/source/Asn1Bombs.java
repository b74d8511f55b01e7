package io.certaudit.agent.source;

import java.io.ByteArrayOutputStream;

/** Hostile ASN.1: structures nested far deeper than any certificate, and lengths far beyond the data. */
final class Asn1Bombs {

    private Asn1Bombs() {
    }

    /** {@code depth} SEQUENCEs inside each other with indefinite lengths: four bytes a level. */
    static byte[] nestedIndefinite(int depth) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(depth * 4);
        for (int i = 0; i < depth; i++) {
            out.write(0x30);
            out.write(0x80);
        }
        for (int i = 0; i < depth; i++) {
            out.write(0);
            out.write(0);
        }
        return out.toByteArray();
    }

    /** {@code depth} SEQUENCEs inside each other with definite lengths in the shortest form, around a NULL. */
    static byte[] nestedDefinite(int depth) {
        byte[] inner = {0x05, 0x00};
        for (int i = 0; i < depth; i++) {
            inner = wrap(0x30, inner);
        }
        return inner;
    }

    /** {@code content} as the value of a DER element with the given tag. */
    static byte[] wrap(int tag, byte[] content) {
        int n = content.length;
        byte[] header;
        if (n < 0x80) {
            header = new byte[] {(byte) tag, (byte) n};
        } else if (n < 0x100) {
            header = new byte[] {(byte) tag, (byte) 0x81, (byte) n};
        } else if (n < 0x10000) {
            header = new byte[] {(byte) tag, (byte) 0x82, (byte) (n >>> 8), (byte) n};
        } else if (n < 0x1000000) {
            header = new byte[] {(byte) tag, (byte) 0x83, (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
        } else {
            header = new byte[] {(byte) tag, (byte) 0x84, (byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8),
                (byte) n};
        }
        byte[] element = new byte[header.length + n];
        System.arraycopy(header, 0, element, 0, header.length);
        System.arraycopy(content, 0, element, header.length, n);
        return element;
    }

    /** A SEQUENCE claiming {@code length} bytes (up to 2^32 - 1) and holding eight. */
    static byte[] hugeLength(long length) {
        return new byte[] {0x30, (byte) 0x84, (byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8),
            (byte) length, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01, 0x05, 0x00};
    }
}
