package io.certaudit.agent.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A size as people write it: {@code 16777216}, {@code 512K}, {@code 16M}, {@code 16MiB}, {@code 1G} (powers of 1024). */
final class ByteSize {

    private static final Pattern SIZE = Pattern.compile("(\\d{1,19})\\s*(?:([KMG])(?:I?B)?|B)?");

    private ByteSize() {
    }

    /** The number of bytes {@code text} names, or {@code -1} when it names none. */
    static long parse(String text) {
        Matcher size = SIZE.matcher(text.trim().toUpperCase(Locale.ROOT));
        if (!size.matches()) {
            return -1;
        }
        try {
            long value = Long.parseLong(size.group(1));
            int shift = size.group(2) == null ? 0 : switch (size.group(2)) {
                case "K" -> 10;
                case "M" -> 20;
                default -> 30;
            };
            return value > Long.MAX_VALUE >> shift ? -1 : value << shift;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
