package io.certaudit.agent.source.serialized;

import java.io.IOException;
import java.io.Reader;

/**
 * The lines of a text, read one at a time with a bound on each: a line ends at CR LF, LF or CR, as regedit accepts.
 * A line longer than the bound is consumed to its end without being kept and flagged {@link #overlong()}. Blank lines
 * cost nothing: a file of newlines is read without making a string per line.
 */
final class RegLines {

    private final Reader in;
    private final int maxChars;
    private final char[] buffer = new char[8192];
    private final StringBuilder line = new StringBuilder(128);
    private int position;
    private int limit;
    private long number;
    private boolean overlong;
    /** A CR ended the last line; an LF right after it belongs to that line end. */
    private boolean afterCarriageReturn;

    RegLines(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line without its line end, or {@code null} at the end of the text. */
    String next() throws IOException {
        line.setLength(0);
        overlong = false;
        boolean blank = true;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!any) {
                        return null;
                    }
                    break;
                }
            }
            char c = buffer[position++];
            if (afterCarriageReturn) {
                afterCarriageReturn = false;
                if (c == '\n') {
                    continue;
                }
            }
            any = true;
            if (c == '\n') {
                break;
            }
            if (c == '\r') {
                afterCarriageReturn = true;
                break;
            }
            if (overlong) {
                continue;
            }
            if (line.length() == maxChars) {
                overlong = true;
                line.setLength(0);
                continue;
            }
            blank &= Character.isWhitespace(c);
            line.append(c);
        }
        number++;
        return blank || overlong ? "" : line.toString();
    }

    /** The number of the line {@link #next()} returned last, from 1. */
    long number() {
        return number;
    }

    /** Whether the line {@link #next()} returned last was longer than the bound (and returned empty). */
    boolean overlong() {
        return overlong;
    }
}
