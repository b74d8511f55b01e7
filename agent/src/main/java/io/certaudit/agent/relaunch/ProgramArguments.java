package io.certaudit.agent.relaunch;

import java.util.ArrayList;
import java.util.List;

/**
 * The program arguments as one environment variable's value, so that they reach the tuned JVM exactly as the first
 * one received them. A command line would not carry them: on Windows a child's arguments are one string that the
 * child's C runtime splits again, and Java's ProcessBuilder quotes them in a way that loses an argument ending in a
 * backslash, or holding quotes, and java.exe decodes them in the ANSI code page. An environment variable reaches
 * {@link System#getenv} as the same UTF-16 text on Windows, but on Linux it goes through the locale's charset, so
 * the value is printable ASCII only: every character other than a printable ASCII one, and the two this format
 * uses ({@code %} and {@code ,}), is written {@code %XXXX}, its UTF-16 code unit in hex (a lone surrogate too);
 * every argument is followed by a comma. No arguments is the empty string, one empty argument is {@code ","}.
 */
final class ProgramArguments {

    private static final char ESCAPE = '%';
    private static final char END = ',';
    private static final String HEX = "0123456789ABCDEF";

    private ProgramArguments() {
    }

    static String encode(String[] arguments) {
        StringBuilder encoded = new StringBuilder();
        for (String argument : arguments) {
            for (int i = 0; i < argument.length(); i++) {
                char c = argument.charAt(i);
                if (c >= 0x20 && c < 0x7F && c != ESCAPE && c != END) {
                    encoded.append(c);
                } else {
                    encoded.append(ESCAPE);
                    for (int shift = 12; shift >= 0; shift -= 4) {
                        encoded.append(HEX.charAt((c >> shift) & 0xF));
                    }
                }
            }
            encoded.append(END);
        }
        return encoded.toString();
    }

    /** The arguments {@link #encode} wrote; IllegalArgumentException for anything it cannot have written. */
    static String[] decode(String encoded) {
        List<String> arguments = new ArrayList<>();
        StringBuilder argument = new StringBuilder();
        int i = 0;
        while (i < encoded.length()) {
            char c = encoded.charAt(i);
            if (c == END) {
                arguments.add(argument.toString());
                argument.setLength(0);
                i++;
            } else if (c == ESCAPE) {
                if (i + 5 > encoded.length()) {
                    throw new IllegalArgumentException("an escape cut short at " + i);
                }
                argument.append((char) hex(encoded, i + 1));
                i += 5;
            } else if (c >= 0x20 && c < 0x7F) {
                argument.append(c);
                i++;
            } else {
                throw new IllegalArgumentException("a character the encoding never writes at " + i);
            }
        }
        if (argument.length() > 0) {
            throw new IllegalArgumentException("the last argument has no end");
        }
        return arguments.toArray(String[]::new);
    }

    private static int hex(String encoded, int from) {
        int value = 0;
        for (int i = from; i < from + 4; i++) {
            int digit = HEX.indexOf(encoded.charAt(i));
            if (digit < 0) {
                throw new IllegalArgumentException("not a hex digit at " + i);
            }
            value = value * 16 + digit;
        }
        return value;
    }
}
