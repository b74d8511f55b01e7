package io.certaudit.agent.source.serialized;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses the text of a .reg file into keys and their values, as regedit and {@code reg export} write it
 * (Wine's {@code programs/reg/export.c}): a header line, {@code [key path]} lines, {@code "name"=data} and
 * {@code @=data} value lines, binary data as {@code hex:} comma-separated bytes continued over lines that end
 * in {@code \}. Only what certificate stores use is interpreted; other value types are kept as text.
 */
final class RegFileParser {

    /** Receives what could not be parsed, by line number (1-based). */
    @FunctionalInterface
    interface LineProblems {
        void report(int line, String message);
    }

    /** A key and the values under it, in file order. */
    record RegistryKey(String path, int line, Map<String, RegistryValue> values) {

        /** The value named {@code name}, compared as Windows does, without regard to case; or {@code null}. */
        RegistryValue value(String name) {
            return values.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * One value.
     *
     * @param binary whether the data is REG_BINARY ({@code hex:} or {@code hex(3):}), its bytes in {@code data}
     * @param data   the text after {@code =} and after the type prefix, continuation lines joined
     */
    record RegistryValue(String name, int line, boolean binary, String data) {
    }

    private static final String HEADER_V5 = "Windows Registry Editor Version 5.00";
    private static final String HEADER_V4 = "REGEDIT4";

    private final String[] lines;
    private final LineProblems problems;
    private final Map<String, RegistryKey> keys = new LinkedHashMap<>();
    private RegistryKey current;

    private RegFileParser(String text, LineProblems problems) {
        this.lines = text.split("\r\n|\n|\r", -1);
        this.problems = problems;
    }

    /** Parses {@code text}; keys that appear twice are merged, as importing the file would. */
    static List<RegistryKey> parse(String text, LineProblems problems) {
        RegFileParser parser = new RegFileParser(text, problems);
        parser.parse();
        return List.copyOf(parser.keys.values());
    }

    private void parse() {
        boolean headerSeen = false;
        for (int index = 0; index < lines.length; index++) {
            String line = lines[index].strip();
            int number = index + 1;
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
                index = value(index);
            } else {
                problems.report(number, "neither a key, a value nor a comment; ignored");
            }
        }
    }

    private void key(String line, int number) {
        if (!line.endsWith("]")) {
            problems.report(number, "a key line without its closing ]; the values that follow are ignored");
            current = null;
            return;
        }
        String path = line.substring(1, line.length() - 1).strip();
        if (path.startsWith("-")) {
            // [-path] deletes a key on import; it holds nothing to read.
            current = null;
            return;
        }
        current = keys.computeIfAbsent(path.toLowerCase(Locale.ROOT),
                lowercase -> new RegistryKey(path, number, new LinkedHashMap<>()));
    }

    /** Parses the value starting at line {@code index}; returns the index of the last line it used. */
    private int value(int index) {
        int number = index + 1;
        String line = lines[index].strip();
        String name;
        int equals;
        if (line.startsWith("@")) {
            name = "";
            equals = 1;
        } else {
            int close = closingQuote(line);
            if (close < 0) {
                problems.report(number, "a value name without its closing quote; ignored");
                return index;
            }
            name = unescape(line.substring(1, close));
            equals = close + 1;
        }
        if (equals >= line.length() || line.charAt(equals) != '=') {
            problems.report(number, "a value without '=' after its name; ignored");
            return index;
        }
        String data = line.substring(equals + 1).strip();
        String lower = data.toLowerCase(Locale.ROOT);
        boolean binary = lower.startsWith("hex:") || lower.startsWith("hex(3):");
        int last = index;
        if (lower.startsWith("hex")) {
            StringBuilder joined = new StringBuilder(data);
            while (joined.length() > 0 && joined.charAt(joined.length() - 1) == '\\') {
                joined.setLength(joined.length() - 1);
                if (last + 1 >= lines.length) {
                    problems.report(last + 1, "value \"" + name + "\" continues past the end of the file; it is"
                            + " truncated");
                    break;
                }
                last++;
                joined.append(lines[last].strip());
            }
            data = joined.substring(joined.indexOf(":") + 1);
        }
        if (current == null) {
            problems.report(number, "value \"" + name + "\" is outside any key; ignored");
        } else {
            current.values().put(name.toLowerCase(Locale.ROOT), new RegistryValue(name, number, binary, data));
        }
        return last;
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

    private static String unescape(String quoted) {
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
        String[] tokens = data.split(",", -1);
        byte[] bytes = new byte[tokens.length];
        int count = 0;
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i].strip();
            if (token.isEmpty() && i == tokens.length - 1) {
                break;
            }
            if (token.isEmpty() || token.length() > 2 || !isHex(token)) {
                throw new IllegalArgumentException("\"" + abbreviate(token) + "\" at byte " + count
                        + " is not a hexadecimal byte");
            }
            bytes[count++] = (byte) Integer.parseInt(token, 16);
        }
        return count == bytes.length ? bytes : Arrays.copyOf(bytes, count);
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
