package io.certaudit.agent.source.serialized;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a .reg file to text. {@code reg export} and regedit write UTF-16LE with a byte-order mark (Wine's
 * {@code programs/reg/export.c} writes FF FE); files passed through other tools arrive as UTF-8 with or without
 * a BOM, or as UTF-16 without one. Everything the audit reads from a .reg file (key paths, hex digits) is
 * ASCII, so a stray undecodable byte is replaced and reported rather than fatal.
 */
final class RegFileText {

    private RegFileText() {
    }

    /** Decodes {@code data}, reporting at offset 0 anything unusual about its encoding. */
    static String decode(byte[] data, OffsetProblems problems) {
        if (startsWith(data, 0xFF, 0xFE)) {
            return decode(data, 2, StandardCharsets.UTF_16LE, problems);
        }
        if (startsWith(data, 0xFE, 0xFF)) {
            return decode(data, 2, StandardCharsets.UTF_16BE, problems);
        }
        if (startsWith(data, 0xEF, 0xBB, 0xBF)) {
            return decode(data, 3, StandardCharsets.UTF_8, problems);
        }
        // Without a BOM, ASCII text in UTF-16LE has a zero in every second byte.
        if (data.length >= 2 && data[0] != 0 && data[1] == 0) {
            return decode(data, 0, StandardCharsets.UTF_16LE, problems);
        }
        return decode(data, 0, StandardCharsets.UTF_8, problems);
    }

    private static String decode(byte[] data, int offset, Charset charset, OffsetProblems problems) {
        ByteBuffer bytes = ByteBuffer.wrap(data, offset, data.length - offset);
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes).toString();
        } catch (CharacterCodingException e) {
            problems.report(0, "the file is not valid " + charset.name() + "; undecodable bytes are replaced");
            return new String(data, offset, data.length - offset, charset);
        }
    }

    private static boolean startsWith(byte[] data, int... prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((data[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
