package io.certaudit.agent.source.serialized;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * Parses the text of a .reg file into keys and their values, as regedit and {@code reg export} write it
 * (Wine's {@code programs/reg/export.c}): a header line, {@code [key path]} lines, {@code "name"=data} and
 * {@code @=data} value lines, binary data as {@code hex:} comma-separated bytes continued over lines that end
 * in {@code \}. Only what certificate stores use is interpreted: binary values are decoded to bytes, other values
 * are recognised and passed over.
 *
 * <p>The file is read as a stream, a line at a time, and only the keys the caller wants are kept: its memory is
 * one line and the kept values, never the file. A line is at most {@link Caps#maxLineChars} characters and a binary
 * value at most {@link Caps#maxValueBytes} bytes; longer ones are reported and skipped. The caller can stop the
 * parse at any line (its source is full).
 */
final class RegFileParser {

    /** Receives what could not be parsed, by line number (1-based). */
    @FunctionalInterface
    interface LineProblems {
        void report(long line, String message);
    }

    /**
     * How much one line and one value may hold.
     *
     * @param maxLineChars  the longest line parsed; a longer one is skipped whole
     * @param maxValueBytes the largest binary value kept
     */
    record Caps(int maxLineChars, int maxValueBytes) {

        /**
         * Caps for values up to {@code maxValueBytes}: a line may hold such a value whole, as hexadecimal text
         * ({@code "xx,"}, three characters a byte), with room for the name.
         */
        static Caps forValuesOf(long maxValueBytes) {
            int bytes = (int) Math.min(maxValueBytes, (Integer.MAX_VALUE - 4096) / 3);
            return new Caps(3 * bytes + 4096, bytes);
        }
    }

    /** A key and the values under it, in file order. */
    record RegistryKey(String path, long line, Map<String, RegistryValue> values) {

        /** The value named {@code name}, compared as Windows does, without regard to case; or {@code null}. */
        RegistryValue value(String name) {
            return values.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * One value.
     *
     * @param binary whether the data is REG_BINARY ({@code hex:} or {@code hex(3):})
     * @param bytes  a binary value's bytes, or {@code null} when it is not binary or cannot be read
     * @param damage why a binary value cannot be read (not hexadecimal, too large), or {@code null}
     * @param text   the data as written after {@code =} for a value that is not hexadecimal ({@code dword:00000001},
     *               a quoted string), or {@code null} for {@code hex...} data
     */
    record RegistryValue(String name, long line, boolean binary, byte[] bytes, String damage, String text) {
    }

    private static final String HEADER_V5 = "Windows Registry Editor Version 5.00";
    private static final String HEADER_V4 = "REGEDIT4";

    private final RegLines lines;
    private final LineProblems problems;
    private final Predicate<String> keep;
    private final Caps caps;
    private final Map<String, RegistryKey> keys = new LinkedHashMap<>();
    /** The key values are read into; {@code null} outside any key or in a key not kept. */
    private RegistryKey current;
    /** Whether the last key line opened a key (kept or not), so values after it are not "outside any key". */
    private boolean inKey;

    private RegFileParser(Reader text, LineProblems problems, Predicate<String> keep, Caps caps) {
        this.lines = new RegLines(text, caps.maxLineChars());
        this.problems = problems;
        this.keep = keep;
        this.caps = caps;
    }

    /**
     * Parses {@code text}, keeping the keys whose path {@code keep} accepts; keys that appear twice are merged, as
     * importing the file would. Stops before the next line once {@code stop}, given the number of keys kept so far,
     * says so.
     */
    static List<RegistryKey> parse(Reader text, LineProblems problems, Predicate<String> keep, Caps caps,
                                   IntPredicate stop) throws IOException {
        RegFileParser parser = new RegFileParser(text, problems, keep, caps);
        parser.parse(stop);
        return List.copyOf(parser.keys.values());
    }

    /** Parses all of {@code text}, keeping every key. */
    static List<RegistryKey> parse(String text, LineProblems problems) {
        try {
            return parse(new java.io.StringReader(text), problems, path -> true, Caps.forValuesOf(1 << 24),
                    kept -> false);
        } catch (IOException e) {
            throw new IllegalStateException("a string cannot fail to read", e);
        }
    }

    /** Whether the caller wants no more lines. */
    private boolean stopped(IntPredicate stop) {
        return stop.test(keys.size());
    }

    private void parse(IntPredicate stop) throws IOException {
        boolean headerSeen = false;
        String line;
        while (!stopped(stop) && (line = nextLine()) != null) {
            long number = lines.number();
            if (line.isEmpty() || line.startsWith(";")) {
                continue;
            }
            if (!headerSeen) {
                headerSeen = true;
                if (line.equals(HEADER_V5) || line.equals(HEADER_V4)) {
                    continue;
                }
                problems.report(number, "the file does not start with \"" + HEADER_V5 + "\"; read on as a"
                        + " registry export");
            }
            if (line.startsWith("[")) {
                key(line, number);
            } else if (line.startsWith("\"") || line.startsWith("@")) {
                value(line, number, stop);
            } else {
                problems.report(number, "neither a key, a value nor a comment; ignored");
            }
        }
    }

    /** The next line, stripped; a line over the cap is reported and read as empty. */
    private String nextLine() throws IOException {
        String line = lines.next();
        if (line != null && lines.overlong()) {
            problems.report(lines.number(), "the line is longer than " + caps.maxLineChars() + " characters; "
                    + "ignored");
            return "";
        }
        return line == null ? null : line.strip();
    }

    private void key(String line, long number) {
        current = null;
        inKey = false;
        if (!line.endsWith("]")) {
            problems.report(number, "a key line without its closing ]; the values that follow are ignored");
            return;
        }
        String path = line.substring(1, line.length() - 1).strip();
        if (path.startsWith("-")) {
            // [-path] deletes a key on import; it holds nothing to read.
            return;
        }
        inKey = true;
        if (keep.test(path)) {
            current = keys.computeIfAbsent(path.toLowerCase(Locale.ROOT),
                    lowercase -> new RegistryKey(path, number, new LinkedHashMap<>()));
        }
    }

    /** Parses the value starting at {@code line}, and the lines it continues over. */
    private void value(String line, long number, IntPredicate stop) throws IOException {
        String name;
        int equals;
        if (line.startsWith("@")) {
            name = "";
            equals = 1;
        } else {
            int close = closingQuote(line);
            if (close < 0) {
                problems.report(number, "a value name without its closing quote; ignored");
                return;
            }
            name = unescape(line.substring(1, close));
            equals = close + 1;
        }
        if (equals >= line.length() || line.charAt(equals) != '=') {
            problems.report(number, "a value without '=' after its name; ignored");
            return;
        }
        String data = line.substring(equals + 1).strip();
        String lower = data.toLowerCase(Locale.ROOT);
        boolean binary = lower.startsWith("hex:") || lower.startsWith("hex(3):");
        // Only a binary value of a kept key is decoded; any other hex value's lines are passed over.
        HexDecoder hex = binary && current != null ? new HexDecoder(caps.maxValueBytes()) : null;
        if (lower.startsWith("hex")) {
            String part = data.substring(data.indexOf(':') + 1);
            while (true) {
                boolean continued = part.endsWith("\\");
                if (hex != null) {
                    hex.add(continued ? part.substring(0, part.length() - 1) : part);
                }
                if (!continued) {
                    break;
                }
                String next = stopped(stop) ? null : nextLine();
                if (next == null) {
                    problems.report(lines.number() + 1, "value \"" + name + "\" continues past the end of the file;"
                            + " it is truncated");
                    break;
                }
                part = next;
            }
        }
        if (!inKey) {
            problems.report(number, "value \"" + name + "\" is outside any key; ignored");
        } else if (current != null) {
            current.values().put(name.toLowerCase(Locale.ROOT), hex == null
                    ? new RegistryValue(name, number, binary, null, null, lower.startsWith("hex") ? null : data)
                    : new RegistryValue(name, number, true, hex.damage() == null ? hex.bytes() : null, hex.damage(),
                    null));
        }
    }

    private static int closingQuote(String line) {
        for (int i = 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }

    static String unescape(String quoted) {
        StringBuilder text = new StringBuilder(quoted.length());
        for (int i = 0; i < quoted.length(); i++) {
            char c = quoted.charAt(i);
            if (c == '\\' && i + 1 < quoted.length()) {
                c = quoted.charAt(++i);
            }
            text.append(c);
        }
        return text.toString();
    }

    /**
     * The bytes of a binary value's data: comma-separated hexadecimal bytes; blanks and a trailing comma are
     * tolerated.
     *
     * @throws IllegalArgumentException naming the first token that is not a hexadecimal byte
     */
    static byte[] hexBytes(String data) {
        HexDecoder decoder = new HexDecoder(Integer.MAX_VALUE - 8);
        decoder.add(data);
        if (decoder.damage() != null) {
            throw new IllegalArgumentException(decoder.damage());
        }
        return decoder.bytes();
    }

    /**
     * Decodes the comma-separated hexadecimal bytes of a value as its lines come, keeping the bytes only. A byte's
     * token is one or two hexadecimal digits; a token cut by a line break is joined, as joining the lines would.
     */
    static final class HexDecoder {
        private final int maxBytes;
        private byte[] bytes = new byte[64];
        private int count;
        /** The token not yet ended by a comma, which the next line may continue. */
        private final StringBuilder token = new StringBuilder(4);
        private String damage;

        HexDecoder(int maxBytes) {
            this.maxBytes = maxBytes;
        }

        void add(String part) {
            for (int i = 0; i < part.length() && damage == null; i++) {
                char c = part.charAt(i);
                if (c == ',') {
                    endToken(false);
                } else if (token.length() <= 2) {
                    token.append(c);
                } else if (!Character.isWhitespace(c)) {
                    token.append(c); // keeps a few characters for the message
                    if (token.length() > 16) {
                        endToken(false);
                    }
                }
            }
        }

        private void endToken(boolean last) {
            String text = token.toString().strip();
            token.setLength(0);
            if (text.isEmpty() && last) {
                return;
            }
            if (text.isEmpty() || text.length() > 2 || !isHex(text)) {
                damage = "\"" + abbreviate(text) + "\" at byte " + count + " is not a hexadecimal byte";
                return;
            }
            if (count == maxBytes) {
                damage = "the value holds more than " + maxBytes + " bytes, the limit for a certificate file";
                return;
            }
            if (count == bytes.length) {
                bytes = Arrays.copyOf(bytes, (int) Math.min((long) maxBytes, 2L * bytes.length));
            }
            bytes[count++] = (byte) Integer.parseInt(text, 16);
        }

        /** Why the value cannot be read, or {@code null}; call after the last {@link #add}. */
        String damage() {
            if (damage == null) {
                endToken(true);
            }
            return damage;
        }

        byte[] bytes() {
            return Arrays.copyOf(bytes, count);
        }
    }

    private static boolean isHex(String token) {
        for (int i = 0; i < token.length(); i++) {
            if (Character.digit(token.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static String abbreviate(String token) {
        return token.length() <= 12 ? token : token.substring(0, 12) + "...";
    }
}
