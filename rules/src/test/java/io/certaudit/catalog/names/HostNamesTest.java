package io.certaudit.catalog.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class HostNamesTest {

    /** RFC 1123's label syntax as a regular expression, the form the check had before it was written out. */
    private static final Pattern RFC_1123_LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    @Test
    void aLabelIsOneTo63LettersDigitsAndInnerHyphens() {
        assertTrue(HostNames.isLabel("a"));
        assertTrue(HostNames.isLabel("bems-01"));
        assertTrue(HostNames.isLabel("x".repeat(63)));
        assertFalse(HostNames.isLabel(""));
        assertFalse(HostNames.isLabel("x".repeat(64)));
        assertFalse(HostNames.isLabel("-bems"));
        assertFalse(HostNames.isLabel("bems-"));
        assertFalse(HostNames.isLabel("bems_01"));
        assertFalse(HostNames.isLabel("b\u00e9ms"));
        assertFalse(HostNames.isLabel("\u0661\u0662"));
    }

    @Test
    void theLabelCheckAgreesWithTheRegularExpressionOnRandomLabels() {
        String alphabet = "aZ09-_.*\u00e9\u0661 ";
        Random random = new Random(1123);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder label = new StringBuilder();
            int length = random.nextInt(i % 100 == 0 ? 70 : 6);
            for (int j = 0; j < length; j++) {
                label.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = label.toString();
            assertEquals(RFC_1123_LABEL.matcher(text).matches(), HostNames.isLabel(text), "'" + text + "'");
        }
    }

    @Test
    void whyNotFqdnNamesTheBadLabel() {
        assertTrue(HostNames.whyNotFqdn("bems01.example.com").isEmpty());
        assertEquals("label 'bad_label' is not a valid host name label",
                HostNames.whyNotFqdn("bad_label.example.com").orElseThrow());
        assertEquals("it is an IP address or ends in a numeric label", HostNames.whyNotFqdn("10.0.0.1").orElseThrow());
    }
}
