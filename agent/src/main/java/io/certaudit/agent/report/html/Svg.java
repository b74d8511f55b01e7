package io.certaudit.agent.report.html;

import java.util.Locale;

/** Small helpers for the inline drawings: coordinates as SVG numbers, labels shortened to the room they have. */
final class Svg {

    private Svg() {
    }

    /** A coordinate with at most one decimal, {@code .} as separator whatever the locale. */
    static String n(double value) {
        long tenths = Math.round(value * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : String.format(Locale.ROOT, "%.1f", tenths / 10.0);
    }

    /** {@code text} cut to {@code max} characters with an ellipsis; SVG text does not wrap. */
    static String shorten(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.codePointCount(0, text.length()) <= max ? text
                : text.substring(0, text.offsetByCodePoints(0, max - 1)) + "\u2026";
    }

    /** {@code D998 2AF6 E39C BC88}: the first 16 hex digits in groups, enough to tell certificates apart. */
    static String shortThumbprint(String thumbprint) {
        String head = thumbprint.substring(0, Math.min(16, thumbprint.length()));
        return head.replaceAll("(.{4})(?=.)", "$1 ");
    }
}
