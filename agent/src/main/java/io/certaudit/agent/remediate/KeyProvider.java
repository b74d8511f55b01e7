package io.certaudit.agent.remediate;

import java.util.Locale;
import java.util.Optional;

/**
 * Where certreq creates the new private key. Both are machine key stores Schannel reads. The SChannel CSP is a
 * CryptoAPI provider, named with its provider type (PROV_RSA_SCHANNEL, 12) and an exchange key (KeySpec 1), which
 * older services that open keys through CryptoAPI only (as Lync/Skype servers of their time) can use; the Software
 * Key Storage Provider is CNG, named with KeyAlgorithm and no provider type, as the certreq documentation describes.
 */
public enum KeyProvider {
    /** "Microsoft RSA SChannel Cryptographic Provider", ProviderType 12. */
    SCHANNEL("Microsoft RSA SChannel Cryptographic Provider", 12),
    /** "Microsoft Software Key Storage Provider" (CNG), KeyAlgorithm RSA. */
    KSP("Microsoft Software Key Storage Provider", 0);

    private final String providerName;
    private final int providerType;

    KeyProvider(String providerName, int providerType) {
        this.providerName = providerName;
        this.providerType = providerType;
    }

    /** The ProviderName value. */
    public String providerName() {
        return providerName;
    }

    /** The ProviderType value of a CryptoAPI provider; empty for a CNG key storage provider, which has none. */
    public Optional<Integer> providerType() {
        return providerType == 0 ? Optional.empty() : Optional.of(providerType);
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
