package io.certaudit.agent.source;

import java.util.Optional;

/**
 * Looks over BER/DER bytes before a parser sees them and refuses what would make it recurse without end: the JDK's
 * certificate and PKCS#12 parsers and BouncyCastle's ASN.1 reader descend once per nesting level, so a few hundred
 * kilobytes of nested SEQUENCEs overflow their stack or, with indefinite lengths, keep the JDK's BER converter busy
 * for minutes. A certificate nests about a dozen levels and a PKCS#12 file about thirty, so {@value #MAX_DEPTH} leaves
 * room. Lengths that point past the end of the data are left to the parsers: they check them against the bytes they
 * were given, allocating nothing large (the tests prove both).
 *
 * <p>The walk is linear in the input and its own recursion is bounded by {@value #MAX_DEPTH}. The contents of OCTET
 * STRINGs and BIT STRINGs are walked too when they look like ASN.1, since extension values and PKCS#12 contents are
 * encoded structures wrapped in them.
 */
public final class Asn1Guard {

    /** Deepest nesting accepted. */
    public static final int MAX_DEPTH = 64;

    private static final int MALFORMED = -1;
    private static final int OCTET_STRING = 0x04;
    private static final int BIT_STRING = 0x03;

    private Asn1Guard() {
    }

    /** Why {@code encoded} must not be parsed, or empty when it may be (malformed input included: parsers reject it). */
    public static Optional<String> check(byte[] encoded) {
        try {
            elements(encoded, 0, encoded.length, false, 0);
            return Optional.empty();
        } catch (TooDeep e) {
            return Optional.of("ASN.1 structure nested more than " + MAX_DEPTH + " levels deep; not parsed");
        }
    }

    /**
     * Walks the elements in {@code [pos, end)}; with {@code untilEndOfContents}, stops after the end-of-contents
     * octets of an indefinite length. Returns the position after what was walked, or {@link #MALFORMED}.
     */
    private static int elements(byte[] data, int pos, int end, boolean untilEndOfContents, int depth)
            throws TooDeep {
        while (pos < end) {
            if (untilEndOfContents && pos + 1 < end && data[pos] == 0 && data[pos + 1] == 0) {
                return pos + 2;
            }
            int tag = data[pos++] & 0xff;
            boolean constructed = (tag & 0x20) != 0;
            if ((tag & 0x1f) == 0x1f) {
                int tagBytes = 0;
                while (pos < end && (data[pos] & 0x80) != 0) {
                    pos++;
                    if (++tagBytes > 4) {
                        return MALFORMED;
                    }
                }
                pos++;
            }
            if (pos >= end) {
                return MALFORMED;
            }
            int first = data[pos++] & 0xff;
            if (first == 0x80) {
                if (!constructed) {
                    return MALFORMED;
                }
                pos = elements(data, pos, end, true, deeper(depth));
                if (pos == MALFORMED) {
                    return MALFORMED;
                }
                continue;
            }
            long length = first;
            if (first > 0x80) {
                int lengthBytes = first & 0x7f;
                if (lengthBytes > 4 || lengthBytes > end - pos) {
                    return MALFORMED;
                }
                length = 0;
                for (int i = 0; i < lengthBytes; i++) {
                    length = (length << 8) | (data[pos++] & 0xff);
                }
            }
            if (length > end - pos) {
                return MALFORMED;
            }
            int contentEnd = pos + (int) length;
            if (constructed) {
                if (elements(data, pos, contentEnd, false, deeper(depth)) == MALFORMED) {
                    return MALFORMED;
                }
            } else if (tag == OCTET_STRING || tag == BIT_STRING) {
                int start = tag == BIT_STRING ? pos + 1 : pos;
                if (start < contentEnd && (data[start] & 0x20) != 0) {
                    // Opaque bytes that merely look like ASN.1 stop being walked where they stop looking like it.
                    elements(data, start, contentEnd, false, deeper(depth));
                }
            }
            pos = contentEnd;
        }
        return untilEndOfContents ? MALFORMED : pos;
    }

    private static int deeper(int depth) throws TooDeep {
        if (depth >= MAX_DEPTH) {
            throw TooDeep.INSTANCE;
        }
        return depth + 1;
    }

    /** Unwinds the walk at the first level too deep; carries no stack trace, it is not an error. */
    private static final class TooDeep extends Exception {
        private static final long serialVersionUID = 1L;
        static final TooDeep INSTANCE = new TooDeep();

        private TooDeep() {
            super(null, null, false, false);
        }
    }
}
