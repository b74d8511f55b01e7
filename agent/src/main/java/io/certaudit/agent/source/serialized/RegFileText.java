package io.certaudit.agent.source.serialized;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a .reg file to text as it is read. {@code reg export} and regedit write UTF-16LE with a byte-order mark
 * (Wine's {@code programs/reg/export.c} writes FF FE); files passed through other tools arrive as UTF-8 with or
 * without a BOM, or as UTF-16 without one. Everything the audit reads from a .reg file (key paths, hex digits) is
 * ASCII, so a stray undecodable byte is replaced and reported (once, at offset 0) rather than fatal.
 */
final class RegFileText {

    private RegFileText() {
    }

    /** A reader of {@code in}'s text, its encoding told from its first bytes. */
    static Reader open(InputStream in, OffsetProblems problems) throws IOException {
        PushbackInputStream bytes = new PushbackInputStream(in, 3);
        byte[] head = new byte[3];
        int read = bytes.readNBytes(head, 0, 3);
        int skip;
        Charset charset;
        if (startsWith(head, read, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (startsWith(head, read, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (startsWith(head, read, 0xEF, 0xBB, 0xBF)) {
            charset = StandardCharsets.UTF_8;
            skip = 3;
        } else if (read >= 2 && head[0] != 0 && head[1] == 0) {
            // Without a BOM, ASCII text in UTF-16LE has a zero in every second byte.
            charset = StandardCharsets.UTF_16LE;
            skip = 0;
        } else {
            charset = StandardCharsets.UTF_8;
            skip = 0;
        }
        if (read > skip) {
            bytes.unread(head, skip, read - skip);
        }
        return new ReplacingReader(bytes, charset, problems);
    }

    private static boolean startsWith(byte[] head, int read, int... prefix) {
        if (read < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((head[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Decodes with replacement, reporting the first undecodable input. */
    private static final class ReplacingReader extends Reader {
        private final InputStream in;
        private final Charset charset;
        private final CharsetDecoder decoder;
        private final OffsetProblems problems;
        private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
        private boolean endOfInput;
        private boolean flushed;
        private boolean reported;

        ReplacingReader(InputStream in, Charset charset, OffsetProblems problems) {
            this.in = in;
            this.charset = charset;
            this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            this.problems = problems;
        }

        @Override
        public int read(char[] target, int offset, int length) throws IOException {
            if (flushed) {
                return -1;
            }
            if (length == 0) {
                return 0;
            }
            CharBuffer out = CharBuffer.wrap(target, offset, length);
            while (out.hasRemaining()) {
                CoderResult result = decoder.decode(bytes, out, endOfInput);
                if (result.isError()) {
                    report();
                    bytes.position(bytes.position() + result.length());
                    out.put('\uFFFD');
                } else if (result.isOverflow()) {
                    break;
                } else if (endOfInput) {
                    if (!flushed) {
                        decoder.flush(out);
                        flushed = true;
                    }
                    break;
                } else if (out.position() > offset) {
                    break; // hand on what is decoded rather than wait for more input
                } else {
                    fill();
                }
            }
            int decoded = out.position() - offset;
            return decoded == 0 && flushed ? -1 : decoded;
        }

        private void fill() throws IOException {
            if (endOfInput) {
                return;
            }
            bytes.compact();
            int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (read < 0) {
                endOfInput = true;
            } else {
                bytes.position(bytes.position() + read);
            }
            bytes.flip();
        }

        private void report() {
            if (!reported) {
                reported = true;
                problems.report(0, "the file is not valid " + charset.name() + "; undecodable bytes are replaced");
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
