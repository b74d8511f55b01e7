package io.certaudit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class CertificateFactsTest {

    private static final TestPki PKI = new TestPki();
    private static final Issued ROOT = PKI.root("Facts Test Root");

    private static CertificateFacts facts(String subject) {
        return PKI.issue(ROOT, PKI.spec(subject)).in(StoreName.MY).facts();
    }

    @Test
    void theCommonNameIsItsTextWithoutRfc2253Escapes() {
        assertEquals("a<b,c+d", facts("CN=a\\<b\\,c\\+d,O=Example").subjectCommonName());
        assertEquals("O=Example,CN=a\\<b\\,c\\+d", facts("CN=a\\<b\\,c\\+d,O=Example").subject(),
                "the distinguished name keeps its escapes");
    }

    @Test
    void theMostSpecificCommonNameIsTheLastOneEncoded() {
        assertEquals("bems.example.com", facts("CN=Example Group,CN=bems.example.com").subjectCommonName());
        assertNull(facts("O=Example,C=US").subjectCommonName());
    }
}
