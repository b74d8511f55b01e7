package io.certaudit.agent.report;

import java.util.regex.Pattern;

/**
 * How the text report marks emphasis: ANSI colour for a terminal, or nothing. Every piece of report text passes
 * through {@link #clean}, so a certificate name cannot carry its own escape sequences to the terminal.
 */
public final class TextStyle {

    /** No colour: files, pipes, {@code --no-color}, {@code NO_COLOR}. */
    public static final TextStyle PLAIN = new TextStyle(false);
    /** ANSI SGR colour, for a terminal. */
    public static final TextStyle COLOUR = new TextStyle(true);

    private static final String RESET = "\u001b[0m";
    private static final Pattern SGR = Pattern.compile("\u001b\\[[0-9;]*m");

    private final boolean colour;

    private TextStyle(boolean colour) {
        this.colour = colour;
    }

    /** {@code text} in the colour of {@code health}: red, yellow, cyan, green. */
    public String paint(Health health, String text) {
        return switch (health) {
            case ERROR -> sgr("1;31", text);
            case WARNING -> sgr("1;33", text);
            case INFO -> sgr("36", text);
            case OK -> sgr("32", text);
        };
    }

    public String bold(String text) {
        return sgr("1", text);
    }

    public String dim(String text) {
        return sgr("2", text);
    }

    private String sgr(String code, String text) {
        return colour && !text.isEmpty() ? "\u001b[" + code + "m" + text + RESET : text;
    }

    /**
     * The text with control characters (escape sequences, line breaks), bidirectional formatting characters and
     * unpaired surrogates replaced ({@link SafeText#line}), so it stays on its line and reads in the order it is.
     */
    public static String clean(String text) {
        return SafeText.line(text);
    }

    /** The width {@code text} takes on a terminal: its code points, without the escape sequences added here. */
    static int width(String text) {
        // Asked for every word of the report: only text with an escape character needs the pattern.
        String visible = text.indexOf('\u001b') < 0 ? text : SGR.matcher(text).replaceAll("");
        return visible.codePointCount(0, visible.length());
    }
}
