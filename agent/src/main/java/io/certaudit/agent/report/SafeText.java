package io.certaudit.agent.report;

import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The one place that decides which characters from certificates, stores, peers and saved audits may reach an output
 * as they are. Anything in a report may come from an attacker (a subject is whatever the issuer wrote; a saved audit
 * is whatever its author wrote), and three kinds of character do harm there:
 *
 * <ul>
 *   <li>unpaired UTF-16 surrogates (a BMPString can hold one; Java keeps it in a String), which no UTF encodes: a
 *       strict encoder then refuses the whole report;</li>
 *   <li>control characters (C0, DEL, C1): terminal escape sequences, line breaks that forge a line of their own in
 *       a text report, an event or a status line;</li>
 *   <li>the Unicode bidirectional formatting characters (Unicode UAX #9: ALM, LRM, RLM, LRE, RLE, PDF, LRO, RLO,
 *       LRI, RLI, FSI, PDI), which make a terminal or viewer show text in another order than it is stored: a
 *       thumbprint or a verdict could be made to read as another (CVE-2021-42574, "Trojan Source").</li>
 * </ul>
 *
 * Each is replaced by U+FFFD, the replacement character, so the reader sees that something was there.
 */
public final class SafeText {

    /** What replaces a character that must not be shown as it is. */
    public static final char REPLACEMENT = '\ufffd';

    private SafeText() {
    }

    /** {@code text} with every unpaired surrogate replaced: what any UTF encoder accepts. {@code null} stays null. */
    public static String encodable(String text) {
        if (text == null || !hasUnpairedSurrogate(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(Character.isSurrogate(c) ? REPLACEMENT : c);
            }
        }
        return out.toString();
    }

    /**
     * {@code text} for one line of a terminal, a log or a label: unpaired surrogates, control characters (line breaks
     * included) and bidirectional formatting characters replaced. {@code null} becomes the empty string.
     */
    public static String line(String text) {
        return clean(text, REPLACEMENT, false);
    }

    /** As {@link #line(String)}, keeping line feeds: for multi-line text whose line breaks are the code's own. */
    public static String keepingLineFeeds(String text) {
        return clean(text, REPLACEMENT, true);
    }

    /** As {@link #line(String)} with {@code replacement} for what is replaced: a status line uses plain ASCII. */
    public static String line(String text, char replacement) {
        return clean(text, replacement, false);
    }

    /** Whether {@code codePoint} is a control character or a bidirectional formatting character. */
    public static boolean isUnsafe(int codePoint) {
        return Character.isISOControl(codePoint) || isBidiControl(codePoint)
                || codePoint <= Character.MAX_VALUE && Character.isSurrogate((char) codePoint);
    }

    /** The bidirectional formatting characters of Unicode UAX #9 (section 2): embeddings, overrides, isolates, marks. */
    public static boolean isBidiControl(int c) {
        return c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069);
    }

    /**
     * A UTF-8 encoder that writes U+FFFD for what it cannot encode instead of failing: the last line of defence for
     * every report file and standard output, behind the cleaning of each field.
     */
    public static CharsetEncoder utf8Encoder() {
        return StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(new byte[] {(byte) 0xef, (byte) 0xbf, (byte) 0xbd});
    }

    private static String clean(String text, char replacement, boolean keepLineFeeds) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int length = Character.charCount(c);
            boolean unsafe = (c != '\n' || !keepLineFeeds) && isUnsafe(c);
            if (unsafe && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                if (unsafe) {
                    out.append(replacement);
                } else {
                    out.appendCodePoint(c);
                }
            }
            i += length;
        }
        return out == null ? text : out.toString();
    }

    private static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
