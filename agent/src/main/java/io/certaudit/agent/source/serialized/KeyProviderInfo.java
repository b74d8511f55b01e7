package io.certaudit.agent.source.serialized;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where the private key of a certificate lives, as property 2 records it. In a serialized element the
 * CRYPT_KEY_PROV_INFO pointers are 32-bit offsets from the start of the property data: seven DWORDs
 * {@code {pwszContainerName, pwszProvName, dwProvType, dwFlags, cProvParam, rgProvParam, dwKeySpec}}, then
 * {@code cProvParam} parameter records of four DWORDs, then the UTF-16LE strings (Wine's
 * {@code store_CRYPT_KEY_PROV_INFO} in {@code dlls/crypt32/serialize.c}; an offset of 0 means no string).
 *
 * @param container    the key container name, or {@code null}
 * @param provider     the CSP or KSP name, or {@code null}
 * @param providerType dwProvType: 0 for a CNG key storage provider, otherwise a CryptoAPI provider type
 *                     (MicrosoftDocs/sdk-api ns-wincrypt-crypt_key_prov_info)
 * @param flags        dwFlags, e.g. CRYPT_MACHINE_KEYSET
 * @param keySpec      dwKeySpec (AT_KEYEXCHANGE 1, AT_SIGNATURE 2; dwLegacyKeySpec for CNG)
 */
record KeyProviderInfo(String container, String provider, long providerType, long flags, long keySpec) {

    /** CRYPT_MACHINE_KEYSET (wincrypt.h), the same value as NCRYPT_MACHINE_KEY_FLAG: a machine key, not a user's. */
    static final long CRYPT_MACHINE_KEYSET = 0x20;

    private static final int HEADER_BYTES = 7 * 4;
    private static final int PARAMETER_BYTES = 4 * 4;

    /** Whether the key is held by a CNG key storage provider rather than a CryptoAPI CSP. */
    boolean cng() {
        return providerType == 0;
    }

    boolean machineKeyset() {
        return (flags & CRYPT_MACHINE_KEYSET) != 0;
    }

    /**
     * Decodes the property value.
     *
     * @param dataOffset where the value starts in the file, for problem reports
     * @return the decoded info, or empty when the value cannot be decoded at all (already reported)
     */
    static Optional<KeyProviderInfo> decode(byte[] data, long dataOffset, OffsetProblems problems) {
        if (data.length < HEADER_BYTES) {
            problems.report(dataOffset, "key provider info (property 2) is " + data.length
                    + " bytes, shorter than its 28-byte header; ignored");
            return Optional.empty();
        }
        long parameterCount = LittleEndian.u32(data, 16);
        long parameterOffset = LittleEndian.u32(data, 20);
        if (parameterCount > 0 && parameterOffset + parameterCount * PARAMETER_BYTES > data.length) {
            problems.report(dataOffset + 16, "key provider info (property 2) declares " + parameterCount
                    + " provider parameters at offset " + parameterOffset + ", past its " + data.length
                    + " bytes; the parameters are ignored");
        }
        String container = string(data, LittleEndian.u32(data, 0), "container name", dataOffset, problems);
        String provider = string(data, LittleEndian.u32(data, 4), "provider name", dataOffset + 4, problems);
        return Optional.of(new KeyProviderInfo(container, provider, LittleEndian.u32(data, 8),
                LittleEndian.u32(data, 12), LittleEndian.u32(data, 24)));
    }

    private static String string(byte[] data, long offset, String what, long fieldOffset, OffsetProblems problems) {
        if (offset == 0) {
            return null;
        }
        if (offset < HEADER_BYTES || offset >= data.length) {
            problems.report(fieldOffset, "key provider info (property 2): the " + what + " offset " + offset
                    + " points outside the property's " + data.length + " bytes; the name is left out");
            return null;
        }
        int start = (int) offset;
        for (int i = start; i + 1 < data.length; i += 2) {
            if (data[i] == 0 && data[i + 1] == 0) {
                return new String(data, start, i - start, StandardCharsets.UTF_16LE);
            }
        }
        problems.report(fieldOffset, "key provider info (property 2): the " + what + " at offset " + offset
                + " has no terminating NUL; the name is left out");
        return null;
    }
}
