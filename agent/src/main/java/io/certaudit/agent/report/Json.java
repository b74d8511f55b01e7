package io.certaudit.agent.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one JSON mapper configuration the reports use. */
public final class Json {

    /** Indented, properties in declaration order, map keys sorted so reports diff cleanly. */
    public static final ObjectMapper MAPPER = JsonMapper.builder(factory())
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private Json() {
    }

    /**
     * A factory whose generators write DEL, the C1 controls and the bidirectional formatting characters as
     * {@code \}{@code uXXXX} escapes (JSON escapes C0 controls itself): the value read back is the same, and a
     * person who looks at the file in a terminal sees the escape, not its effect ({@link SafeText}).
     */
    public static JsonFactory factory() {
        JsonFactory factory = new JsonFactory();
        factory.setCharacterEscapes(new VisibleEscapes());
        return factory;
    }

    private static final class VisibleEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = CharacterEscapes.standardAsciiEscapesForJSON();

        VisibleEscapes() {
            ascii[0x7f] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int c) {
            if ((c >= 0x80 && c <= 0x9f) || SafeText.isBidiControl(c)) {
                return new SerializedString(String.format("\\u%04x", c));
            }
            return null;
        }
    }
}
