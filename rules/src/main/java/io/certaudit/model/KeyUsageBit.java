package io.certaudit.model;

import java.util.EnumSet;
import java.util.Set;

/** The bits of the keyUsage extension (RFC 5280 section 4.2.1.3), in the extension's bit order. */
public enum KeyUsageBit {
    DIGITAL_SIGNATURE("digitalSignature"),
    NON_REPUDIATION("nonRepudiation"),
    KEY_ENCIPHERMENT("keyEncipherment"),
    DATA_ENCIPHERMENT("dataEncipherment"),
    KEY_AGREEMENT("keyAgreement"),
    KEY_CERT_SIGN("keyCertSign"),
    CRL_SIGN("cRLSign"),
    ENCIPHER_ONLY("encipherOnly"),
    DECIPHER_ONLY("decipherOnly");

    private final String label;

    KeyUsageBit(String label) {
        this.label = label;
    }

    /** The name RFC 5280 gives the bit, as openssl and certutil show it. */
    public String label() {
        return label;
    }

    /** The bits set in the JDK's {@code boolean[]} form of the extension, or {@code null} when it is absent. */
    static Set<KeyUsageBit> of(boolean[] bits) {
        if (bits == null) {
            return null;
        }
        Set<KeyUsageBit> set = EnumSet.noneOf(KeyUsageBit.class);
        KeyUsageBit[] all = values();
        for (int i = 0; i < bits.length && i < all.length; i++) {
            if (bits[i]) {
                set.add(all[i]);
            }
        }
        return set;
    }
}
