package io.certaudit.model;

import java.util.Objects;

/**
 * The Schannel settings under {@code HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL} that decide
 * how a TLS server on the host asks for and trusts client certificates, as one source read them. Only facts: which
 * list Windows sends and which issuers it trusts follow from these, the Windows version and the stores, and the
 * rules decide that.
 *
 * @param origin                where the values were read
 * @param where                 what was read: the registry key, or the export file and its key
 * @param sendTrustedIssuerList {@code SendTrustedIssuerList}: whether Schannel sends the trusted issuer list in a
 *                              CertificateRequest; absent means the Windows version's default
 * @param clientAuthTrustMode   {@code ClientAuthTrustMode}: how Schannel validates a client's chain (0 Machine
 *                              Trust, the default; 1 Exclusive Root Trust; 2 Exclusive CA Trust)
 */
public record SchannelSettings(Origin origin, String where, RegistryDword sendTrustedIssuerList,
                               RegistryDword clientAuthTrustMode) {

    /** The registry key the settings live under, as Microsoft's "TLS registry settings" names it. */
    public static final String KEY = "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\"
            + "SCHANNEL";
    /** The value that turns sending the trusted issuer list on (non-zero) or off (0). */
    public static final String SEND_TRUSTED_ISSUER_LIST = "SendTrustedIssuerList";
    /** The value that selects the client authentication trust mode. */
    public static final String CLIENT_AUTH_TRUST_MODE = "ClientAuthTrustMode";

    /** Where the settings were read. */
    public enum Origin {
        /** This machine's registry, read-only, by the live source. */
        LIVE_REGISTRY("live registry"),
        /** A {@code .reg} export of the key ({@code reg export}). */
        REG_EXPORT("registry export");

        private final String label;

        Origin(String label) {
            this.label = label;
        }

        /** {@code live registry} or {@code registry export}, as reports write it. */
        public String label() {
            return label;
        }
    }

    /** The client authentication trust modes Schannel documents for {@code ClientAuthTrustMode}. */
    public enum TrustMode {
        /** 0, the default: the client certificate is issued by a certificate in the Trusted Issuers list. */
        MACHINE_TRUST(0, "Machine Trust"),
        /** 1: the client's chain ends at a root in the trusted issuer store (Client Authentication Issuers). */
        EXCLUSIVE_ROOT_TRUST(1, "Exclusive Root Trust"),
        /** 2: the client's chain reaches an intermediate or root CA in the trusted issuer store. */
        EXCLUSIVE_CA_TRUST(2, "Exclusive CA Trust");

        private final int value;
        private final String title;

        TrustMode(int value, String title) {
            this.value = value;
            this.title = title;
        }

        public int value() {
            return value;
        }

        /** The name Microsoft's documentation gives the mode. */
        public String title() {
            return title;
        }

        /** The mode a registry value selects, or {@code null} for a value Microsoft documents no mode for. */
        public static TrustMode ofValue(long value) {
            for (TrustMode mode : values()) {
                if (mode.value == value) {
                    return mode;
                }
            }
            return null;
        }
    }

    public SchannelSettings {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(sendTrustedIssuerList, "sendTrustedIssuerList");
        Objects.requireNonNull(clientAuthTrustMode, "clientAuthTrustMode");
    }

    /**
     * The trust mode in force: the value's mode, {@link TrustMode#MACHINE_TRUST} when the value is absent (the
     * documented default), or {@code null} when the value is unreadable or one no mode is documented for, since what
     * Schannel does then is not documented.
     */
    public TrustMode trustMode() {
        return switch (clientAuthTrustMode.state()) {
            case ABSENT -> TrustMode.MACHINE_TRUST;
            case VALUE -> TrustMode.ofValue(clientAuthTrustMode.value());
            case UNREADABLE -> null;
        };
    }
}
