package io.certaudit.agent.source.serialized;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.util.encoders.Hex;

/**
 * Builds serialized-store bytes by hand, from the documented layout ([MS-OSHARED] 2.3.2.5 and 2.3.9.1):
 * little-endian {@code {propId, 1, cb, data}} entries, the 8-byte {@code 00000000 "CERT"} header, the 12-byte
 * zero end marker. Independent of the code under test, so a misreading of the layout there cannot hide here.
 */
final class SerializedBytes {

    static final byte[] HEADER = {0, 0, 0, 0, 0x43, 0x45, 0x52, 0x54};
    static final byte[] END_MARKER = new byte[12];

    private SerializedBytes() {
    }

    /** One well-formed entry. */
    static byte[] entry(long id, byte[] data) {
        return entry(id, 1, data.length, data);
    }

    /** One entry whose header may lie: any reserved field, any declared length. */
    static byte[] entry(long id, long reserved, long declaredLength, byte[] data) {
        return concat(dword(id), dword(reserved), dword(declaredLength), data);
    }

    /** A whole .sst: header, the given entries, end marker. */
    static byte[] store(byte[]... entries) {
        return concat(HEADER, concat(entries), END_MARKER);
    }

    static byte[] dword(long value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) value).array();
    }

    /** NUL-terminated UTF-16LE, as Windows stores strings in properties. */
    static byte[] utf16z(String text) {
        return concat(text.getBytes(StandardCharsets.UTF_16LE), new byte[2]);
    }

    /**
     * A serialized CRYPT_KEY_PROV_INFO: seven DWORDs whose string pointers are offsets from the start of the
     * value, no provider parameters, then the container and provider names.
     */
    static byte[] keyProviderInfo(String container, String provider, long providerType, long flags, long keySpec) {
        byte[] containerBytes = container == null ? new byte[0] : utf16z(container);
        byte[] providerBytes = provider == null ? new byte[0] : utf16z(provider);
        long containerOffset = container == null ? 0 : 28;
        long providerOffset = provider == null ? 0 : 28 + containerBytes.length;
        return concat(dword(containerOffset), dword(providerOffset), dword(providerType), dword(flags), dword(0),
                dword(0), dword(keySpec), containerBytes, providerBytes);
    }

    /** A DER SEQUENCE OF OBJECT IDENTIFIER, what CERT_ENHKEY_USAGE_PROP_ID holds. */
    static byte[] enhancedKeyUsage(String... oids) {
        ASN1EncodableVector vector = new ASN1EncodableVector();
        for (String oid : oids) {
            vector.add(new ASN1ObjectIdentifier(oid));
        }
        try {
            return new DERSequence(vector).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bytes of a hexadecimal string, e.g. a thumbprint. */
    static byte[] hex(String hex) {
        return Hex.decode(hex);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
