package io.certaudit.agent.source.serialized;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.bouncycastle.util.encoders.Hex;

import io.certaudit.agent.source.StoreEnhancedKeyUsage;

/**
 * The properties of one element the audit uses, decoded. Properties it does not use (MD5 hash, key identifier,
 * signature hash and the many others Windows keeps) are skipped without comment: they are normal content.
 * A value that cannot be decoded is reported at its offset and left out.
 */
final class ElementProperties {

    private String friendlyName;
    private KeyProviderInfo keyProviderInfo;
    private boolean keyProviderInfoPresent;
    private List<String> enhancedKeyUsage;
    private boolean archived;
    private String storedSha1;

    private ElementProperties() {
    }

    static ElementProperties decode(List<SerializedProperty> properties, OffsetProblems problems) {
        ElementProperties decoded = new ElementProperties();
        Set<Long> seen = new HashSet<>();
        for (SerializedProperty property : properties) {
            long valueOffset = property.offset() + ElementReader.ENTRY_HEADER_BYTES;
            if (!seen.add(property.id())) {
                problems.report(property.offset(), "property " + property.id()
                        + " appears again in the same element; the first one is used");
                continue;
            }
            if (property.id() == PropertyId.KEY_PROV_INFO) {
                decoded.keyProviderInfoPresent = true;
                decoded.keyProviderInfo = KeyProviderInfo.decode(property.data(), valueOffset, problems)
                        .orElse(null);
            } else if (property.id() == PropertyId.SHA1_HASH) {
                decoded.storedSha1 = Hex.toHexString(property.data()).toUpperCase(Locale.ROOT);
            } else if (property.id() == PropertyId.FRIENDLY_NAME) {
                decoded.friendlyName = friendlyName(property.data(), valueOffset, problems);
            } else if (property.id() == PropertyId.ENHKEY_USAGE) {
                decoded.enhancedKeyUsage = enhancedKeyUsage(property.data(), valueOffset, problems);
            } else if (property.id() == PropertyId.ARCHIVED) {
                decoded.archived = true;
            }
        }
        return decoded;
    }

    /** The friendly name, or {@code null} when there is none. */
    String friendlyName() {
        return friendlyName;
    }

    /** Key provider info, or {@code null} when the element has none (no key associated) or it is undecodable. */
    KeyProviderInfo keyProviderInfo() {
        return keyProviderInfo;
    }

    /** Whether the element carries key provider info at all, decodable or not. */
    boolean keyProviderInfoPresent() {
        return keyProviderInfoPresent;
    }

    /** EKU OIDs the store allows, empty for "no purpose", or {@code null} when the property is absent. */
    List<String> enhancedKeyUsage() {
        return enhancedKeyUsage;
    }

    boolean archived() {
        return archived;
    }

    /** The SHA-1 the store recorded (property 3), uppercase hex, or {@code null} when absent. */
    String storedSha1() {
        return storedSha1;
    }

    private static String friendlyName(byte[] data, long offset, OffsetProblems problems) {
        int usable = data.length;
        if (usable % 2 != 0) {
            problems.report(offset, "friendly name (property 11) has an odd length (" + data.length
                    + " bytes) for UTF-16; the last byte is ignored");
            usable--;
        }
        int length = 0;
        while (length + 1 < usable && (data[length] != 0 || data[length + 1] != 0)) {
            length += 2;
        }
        try {
            return StandardCharsets.UTF_16LE.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data, 0, length)).toString();
        } catch (CharacterCodingException e) {
            problems.report(offset, "friendly name (property 11) is not valid UTF-16LE; undecodable characters"
                    + " are shown as \uFFFD");
            return new String(data, 0, length, StandardCharsets.UTF_16LE);
        }
    }

    private static List<String> enhancedKeyUsage(byte[] data, long offset, OffsetProblems problems) {
        StoreEnhancedKeyUsage.Decoded decoded = StoreEnhancedKeyUsage.decode(data);
        if (decoded.problem() != null) {
            problems.report(offset, "enhanced key usage (property 9) " + decoded.problem() + "; ignored");
        }
        return decoded.usages();
    }
}
