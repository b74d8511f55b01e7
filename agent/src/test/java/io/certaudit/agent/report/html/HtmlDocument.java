package io.certaudit.agent.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import io.certaudit.agent.report.AuditReport;

/** An HTML report rendered and parsed with the JDK's XML parser, with the checks every report must pass. */
public record HtmlDocument(String html, Document dom) {

    /** Elements that would load or run something from elsewhere; a self-contained report has none. */
    private static final Set<String> FORBIDDEN = Set.of("script", "link", "iframe", "frame", "object", "embed",
            "img", "image", "base", "audio", "video", "source", "use", "foreignObject", "form");
    /** Attributes that name a resource to load or a place to go. */
    private static final Set<String> REFERENCES = Set.of("src", "href", "xlink:href", "srcset", "action",
            "formaction", "poster", "data", "background", "ping");

    static HtmlDocument render(AuditReport report) {
        StringWriter out = new StringWriter();
        try {
            new HtmlReportWriter().write(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parse(out.toString());
    }

    /** Parses {@code html} as XML, with no DTD or entity fetched: failing means it is not well-formed. */
    public static HtmlDocument parse(String html) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return new HtmlDocument(html, builder.parse(new InputSource(new StringReader(html))));
        } catch (SAXException e) {
            throw new AssertionError("the report is not well-formed XML: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fails on anything that would load a resource or run code: the report must work offline and from e-mail. */
    public void assertSelfContained() {
        assertFalse(html.contains("<!ENTITY"), "no entity declarations");
        for (Element element : elements(e -> true)) {
            String name = element.getTagName();
            if (FORBIDDEN.contains(name)) {
                fail("<" + name + "> loads or runs something: " + describe(element));
            }
            NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Node attribute = attributes.item(i);
                String attributeName = attribute.getNodeName().toLowerCase(Locale.ROOT);
                String value = attribute.getNodeValue();
                if (attributeName.startsWith("on")) {
                    fail("event handler attribute " + attributeName + " on " + describe(element));
                }
                if (REFERENCES.contains(attributeName) && !value.startsWith("#")) {
                    fail(attributeName + "=\"" + value + "\" refers outside the document");
                }
                if (attributeName.equals("style")) {
                    assertNoCssLoads(value);
                }
                assertFalse(value.toLowerCase(Locale.ROOT).matches("(?s).*\\b(https?|ftp|file|javascript):.*"),
                        () -> "attribute " + attributeName + "=\"" + value + "\" holds an address");
            }
            if (name.equals("style")) {
                assertNoCssLoads(element.getTextContent());
            }
        }
    }

    private static void assertNoCssLoads(String css) {
        String lower = css.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("@import"), "the stylesheet imports another");
        assertFalse(lower.contains("url("), "the stylesheet loads a url()");
        assertFalse(lower.contains("@font-face"), "the stylesheet loads a font");
    }

    private static String describe(Element element) {
        return "<" + element.getTagName() + "> " + element.getTextContent();
    }

    List<Element> elements(Predicate<Element> filter) {
        List<Element> found = new ArrayList<>();
        NodeList all = dom.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (filter.test(element)) {
                found.add(element);
            }
        }
        return found;
    }

    /** Elements whose class attribute holds every class in {@code classes} (space-separated). */
    List<Element> withClass(String tag, String classes) {
        List<String> wanted = List.of(classes.split(" "));
        return elements(e -> e.getTagName().equals(tag)
                && List.of(e.getAttribute("class").split(" ")).containsAll(wanted));
    }

    Element byId(String id) {
        List<Element> found = elements(e -> e.getAttribute("id").equals(id));
        assertEquals(1, found.size(), () -> "one element with id " + id);
        return found.get(0);
    }

    /** All the text a reader sees, whitespace collapsed. */
    String text() {
        return dom.getDocumentElement().getTextContent().replaceAll("\\s+", " ");
    }

    static String text(Element element) {
        return element.getTextContent().replaceAll("\\s+", " ");
    }
}
