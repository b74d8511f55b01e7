package io.certaudit.agent.remediate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An INF file read as certreq reads it: {@code [Section]} headers (names compared case-insensitively),
 * {@code key = value} lines with {@code ;} comments outside quotes, surrounding quotes removed, and each
 * {@code _continue_} line's value appended to the entry before it. Used to check a written request holds what it
 * must before it is written, and by the tests to read it back.
 */
public final class InfFile {

    /** One {@code key = value}, after its {@code _continue_} lines. */
    public record Entry(String key, String value) {
    }

    private final Map<String, List<Entry>> sections;

    private InfFile(Map<String, List<Entry>> sections) {
        this.sections = sections;
    }

    public static InfFile parse(String text) {
        Map<String, List<Entry>> sections = new LinkedHashMap<>();
        List<Entry> current = null;
        int number = 0;
        for (String raw : text.split("\r\n|\n", -1)) {
            number++;
            String line = stripComment(raw).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                current = sections.computeIfAbsent(line.substring(1, line.length() - 1).strip()
                        .toLowerCase(Locale.ROOT), s -> new ArrayList<>());
                continue;
            }
            int equals = line.indexOf('=');
            if (current == null || equals <= 0) {
                throw new IllegalArgumentException("line " + number + " is neither a section nor key = value: "
                        + raw);
            }
            String key = line.substring(0, equals).strip();
            String value = unquote(line.substring(equals + 1).strip());
            if (key.equalsIgnoreCase("_continue_")) {
                if (current.isEmpty()) {
                    throw new IllegalArgumentException("line " + number + ": _continue_ continues nothing");
                }
                Entry last = current.remove(current.size() - 1);
                current.add(new Entry(last.key(), last.value() + value));
            } else {
                current.add(new Entry(key, value));
            }
        }
        return new InfFile(sections);
    }

    /** Whether the file has the section. */
    public boolean hasSection(String section) {
        return sections.containsKey(section.toLowerCase(Locale.ROOT));
    }

    /** Every entry of a section, in order; empty when there is no such section. */
    public List<Entry> entries(String section) {
        return sections.getOrDefault(section.toLowerCase(Locale.ROOT), List.of());
    }

    /** The value of the first entry named {@code key} (case-insensitive) in the section. */
    public Optional<String> value(String section, String key) {
        return entries(section).stream().filter(e -> e.key().equalsIgnoreCase(key)).map(Entry::value).findFirst();
    }

    /** The values of every entry named {@code key} in the section, in order. */
    public List<String> values(String section, String key) {
        return entries(section).stream().filter(e -> e.key().equalsIgnoreCase(key)).map(Entry::value).toList();
    }

    private static String stripComment(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ';' && !quoted) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
