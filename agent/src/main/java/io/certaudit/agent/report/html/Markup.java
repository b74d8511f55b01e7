package io.certaudit.agent.report.html;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.certaudit.agent.report.SafeText;

/**
 * Builds the report's markup so that it is both HTML and well-formed XML, and so that nothing taken from the report
 * can become markup: every text and attribute value is escaped here, and characters XML forbids (NUL, escape
 * sequences, lone surrogates) and bidirectional formatting characters (which reorder what the reader sees) are
 * replaced. Tag and attribute names are the code's own constants.
 *
 * <p>Elements without content are written {@code <x/>}, which the HTML parser accepts for void elements (meta, br)
 * and inside SVG; HTML elements that may have content are always opened and closed.
 *
 * <p>The markup goes to the output as it is made, a few tens of kilobytes at a time: a report of ten thousand
 * certificates is tens of megabytes of HTML, which is never all in memory. A failure to write is thrown as an
 * {@link UncheckedIOException}, which {@link HtmlReportWriter} unwraps.
 */
final class Markup {

    private static final Pattern NAME = Pattern.compile("[a-z][a-zA-Z0-9:-]*");
    /** Names that matched {@link #NAME}: the code's own few dozen, asked for every element written. */
    private static final Set<String> CHECKED_NAMES = ConcurrentHashMap.newKeySet();
    private static final Set<String> VOID_HTML = Set.of("meta", "br", "hr", "col", "wbr");
    /** After these a line break makes the page source readable and changes nothing rendered. */
    private static final Set<String> BLOCKS = Set.of("html", "head", "body", "header", "main", "footer", "nav",
            "section", "article", "div", "table", "thead", "tbody", "tr", "ul", "ol", "li", "p", "h1", "h2", "h3",
            "dl", "figure", "style", "title", "meta", "svg", "g");

    /** How much markup is held before it is written out. */
    private static final int BUFFERED = 32 * 1024;

    private final Writer target;
    private final StringBuilder out = new StringBuilder(BUFFERED + 4 * 1024);
    private char[] drained = new char[0];
    private final Deque<String> open = new ArrayDeque<>();
    private int svgDepth;

    /** Markup of a document written to {@code target}, which starts with the doctype. */
    Markup(Writer target) {
        this.target = target;
        out.append("<!DOCTYPE html>\n");
    }

    /** Opens {@code tag} with attributes given as name, value pairs; a {@code null} value leaves the attribute out. */
    Markup open(String tag, String... attributes) {
        start(tag, attributes);
        out.append('>');
        open.push(tag);
        if (tag.equals("svg")) {
            svgDepth++;
        }
        return this;
    }

    /** Closes the innermost open element. */
    Markup close() {
        String tag = open.pop();
        if (tag.equals("svg")) {
            svgDepth--;
        }
        out.append("</").append(tag).append('>');
        if (BLOCKS.contains(tag)) {
            out.append('\n');
        }
        if (out.length() >= BUFFERED) {
            drain();
        }
        return this;
    }

    /** An element holding only {@code text}. */
    Markup element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close();
    }

    /** An element without content: an HTML void element, or any element inside SVG. */
    Markup empty(String tag, String... attributes) {
        if (svgDepth == 0 && !VOID_HTML.contains(tag)) {
            throw new IllegalArgumentException("<" + tag + "/> is not a void HTML element; open and close it");
        }
        start(tag, attributes);
        out.append("/>");
        if (BLOCKS.contains(tag)) {
            out.append('\n');
        }
        return this;
    }

    /** Escaped text content. */
    Markup text(String text) {
        escape(text == null ? "" : text, false);
        return this;
    }

    /**
     * The stylesheet, written as is: CSS inside {@code <style>} is raw text to the HTML parser, so it must be the
     * same characters in XML, which holds as long as it has no {@code <} or {@code &}.
     */
    Markup styleSheet(String css) {
        if (css.indexOf('<') >= 0 || css.indexOf('&') >= 0) {
            throw new IllegalArgumentException("the stylesheet must not contain < or &");
        }
        open("style").out.append('\n').append(css);
        return close();
    }

    /** Writes out the rest of the document, once every element is closed. */
    void finish() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("elements left open: " + open);
        }
        drain();
    }

    /** Writes out what is held. It ends after a tag, never inside a surrogate pair. */
    private void drain() {
        int length = out.length();
        if (drained.length < length) {
            drained = new char[Math.max(length, BUFFERED * 2)];
        }
        out.getChars(0, length, drained, 0);
        try {
            target.write(drained, 0, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.setLength(0);
    }

    private void start(String tag, String... attributes) {
        requireName(tag);
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs: " + tag);
        }
        out.append('<').append(tag);
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.append(' ').append(requireName(attributes[i])).append("=\"");
                escape(attributes[i + 1], true);
                out.append('"');
            }
        }
    }

    private static String requireName(String name) {
        if (!CHECKED_NAMES.contains(name)) {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not an element or attribute name: " + name);
            }
            if (CHECKED_NAMES.size() < 512) {
                CHECKED_NAMES.add(name);
            }
        }
        return name;
    }

    private void escape(String text, boolean attribute) {
        int length = text.length();
        int asIs = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '&' && c != '<' && c != '>' && c != '"' && c != '\'') {
                continue;
            }
            // Printable ASCII without markup meaning goes out in runs; everything else one by one.
            out.append(text, asIs, i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\'' -> out.append(attribute ? "&#39;" : "'");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < length
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (allowedInXml(c) && !SafeText.isBidiControl(c)) {
                        out.append(c);
                    } else {
                        out.append('\ufffd');
                    }
                }
            }
            asIs = i + 1;
        }
        out.append(text, asIs, length);
    }

    /** XML 1.0's Char production for one UTF-16 unit that is not part of a surrogate pair. */
    private static boolean allowedInXml(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0x7f) || (c >= 0xa0 && c <= 0xfffd
                && !Character.isSurrogate(c));
    }
}
