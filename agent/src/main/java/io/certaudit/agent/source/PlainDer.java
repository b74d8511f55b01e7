package io.certaudit.agent.source;

/**
 * Whether bytes are one ASN.1 element in the plain DER that BouncyCastle's re-encoding reproduces byte for byte:
 * definite lengths in their shortest form, tag numbers below 31, SEQUENCE and SET constructed, every other universal
 * type primitive, nothing after the element. Primitive contents (including what OCTET and BIT STRINGs wrap) are kept
 * as read by BouncyCastle, so they are not looked into. Anything else is not plain and takes the round trip.
 *
 * <p>Call it only on bytes {@link Asn1Guard} accepted: nesting is bounded by its depth limit.
 */
final class PlainDer {

    private static final int CONSTRUCTED = 0x20;
    private static final int CLASS_MASK = 0xc0;
    private static final int UNIVERSAL = 0x00;
    private static final int NUMBER_MASK = 0x1f;
    private static final int SEQUENCE = 16;
    private static final int SET = 17;

    private PlainDer() {
    }

    static boolean is(byte[] encoded) {
        return element(encoded, 0, encoded.length, 0) == encoded.length;
    }

    /** The position after the element at {@code pos}, which must end by {@code end}; -1 when it is not plain. */
    private static int element(byte[] data, int pos, int end, int depth) {
        if (pos >= end || depth > Asn1Guard.MAX_DEPTH) {
            return -1;
        }
        int tag = data[pos++] & 0xff;
        int number = tag & NUMBER_MASK;
        boolean constructed = (tag & CONSTRUCTED) != 0;
        if (number == NUMBER_MASK) {
            return -1;
        }
        if ((tag & CLASS_MASK) == UNIVERSAL && (number == 0 || constructed != (number == SEQUENCE || number == SET))) {
            return -1;
        }
        if (pos >= end) {
            return -1;
        }
        int first = data[pos++] & 0xff;
        long length;
        if (first < 0x80) {
            length = first;
        } else {
            int lengthBytes = first & 0x7f;
            if (lengthBytes == 0 || lengthBytes > 4 || lengthBytes > end - pos || data[pos] == 0) {
                return -1;
            }
            length = 0;
            for (int i = 0; i < lengthBytes; i++) {
                length = (length << 8) | (data[pos++] & 0xff);
            }
            if (length < 0x80) {
                return -1;
            }
        }
        if (length > end - pos) {
            return -1;
        }
        int contentEnd = pos + (int) length;
        if (constructed) {
            while (pos < contentEnd) {
                pos = element(data, pos, contentEnd, depth + 1);
                if (pos < 0) {
                    return -1;
                }
            }
        }
        return contentEnd;
    }
}
