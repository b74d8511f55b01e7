package io.certaudit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PeerAddressTest {

    @Test
    void readsHostAndPort() {
        assertEquals(new PeerAddress("pool.example.com", 5061), PeerAddress.parse(" pool.example.com:5061 "));
    }

    @Test
    void readsABracketedIpv6Literal() {
        PeerAddress peer = PeerAddress.parse("[2001:db8::1]:5061");

        assertEquals(new PeerAddress("2001:db8::1", 5061), peer);
        assertEquals("[2001:db8::1]:5061", peer.toString());
        assertTrue(peer.hostIsIpLiteral());
    }

    @Test
    void writesWhatItReads() {
        assertEquals("sbc.example.com:5067", PeerAddress.parse("sbc.example.com:5067").toString());
    }

    @Test
    void tellsIpLiteralsFromNames() {
        assertTrue(new PeerAddress("192.0.2.10", 5061).hostIsIpLiteral());
        assertFalse(new PeerAddress("pool.example.com", 5061).hostIsIpLiteral());
        assertFalse(new PeerAddress("localhost", 5061).hostIsIpLiteral());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "pool.example.com", "pool.example.com:", ":5061", "pool.example.com:0",
            "pool.example.com:65536", "pool.example.com:50x", "2001:db8::1:5061", "[2001:db8::1]5061",
            "pool.example.com:-1"})
    void rejectsWhatIsNotHostColonPortWithAnExample(String text) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> PeerAddress.parse(text));

        assertTrue(error.getMessage().contains("HOST:PORT") || error.getMessage().contains("port"),
                error.getMessage());
    }
}
