package io.certaudit.agent.remediate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/*
 * The format is certreq's, as Microsoft documents it ("certreq", Windows Commands, section "certreq -new": the
 * [NewRequest] keys Subject, Exportable, HashAlgorithm, KeyAlgorithm, KeyLength, KeySpec, KeyUsage, MachineKeySet,
 * ProviderName, ProviderType, RequestType, AlternateSignatureAlgorithm, UseExistingKeySet; the [Extensions] section
 * with 2.5.29.17 = "{text}" and one _continue_ = "dns=NAME&" line per subject alternative name, "&" separating
 * them; [Version] Signature="$Windows NT$"), and the [EnhancedKeyUsageExtension] section with one OID= line per
 * usage ("Appendix 3: Certreq.exe Syntax"; KB 321051, "How to enable LDAP over SSL with a third-party certification
 * authority", uses the same section with OID=1.3.6.1.5.5.7.3.1).
 */
/** Renders a {@link CertificateRequest} as a certreq.exe INF, and checks an INF holds every field a request needs. */
public final class CertreqInf {

    static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    /** CERT_DIGITAL_SIGNATURE_KEY_USAGE (0x80) | CERT_KEY_ENCIPHERMENT_KEY_USAGE (0x20): what Schannel uses. */
    static final String KEY_USAGE = "0xa0";

    private CertreqInf() {
    }

    /** The INF text, CRLF line ends as Windows tools expect, ASCII only. */
    public static String render(CertificateRequest request) {
        List<String> lines = new ArrayList<>();
        lines.add("; certreq.exe request written by certaudit remediate. Advice only: certaudit ran nothing.");
        if (request.replaces() != null) {
            lines.add("; Replaces " + comment(request.replacesSubject()) + " (thumbprint " + request.replaces()
                    + ") in LocalMachine\\My.");
        } else {
            lines.add("; Requests the service certificate the host has none of.");
        }
        lines.add("; Fixes:");
        for (Map.Entry<Remedy, List<String>> reason : new java.util.TreeMap<>(request.reasons()).entrySet()) {
            lines.add(";   " + reason.getKey().name().toLowerCase(Locale.ROOT) + ": " + reason.getKey().fix());
            reason.getValue().forEach(finding -> lines.add(";     " + comment(finding)));
        }
        lines.add("; Run the commands in README.txt beside this file.");
        lines.add("");
        lines.add("[Version]");
        lines.add("Signature=\"$Windows NT$\"");
        lines.add("");
        lines.add("[NewRequest]");
        lines.add("Subject = \"CN=" + request.subjectCommonName() + "\"");
        lines.add("KeyLength = " + request.keyLength());
        lines.add("Exportable = FALSE");
        lines.add("MachineKeySet = TRUE");
        lines.add("UseExistingKeySet = FALSE");
        lines.add("ProviderName = \"" + request.provider().providerName() + "\"");
        request.provider().providerType().ifPresentOrElse(
                type -> {
                    lines.add("ProviderType = " + type);
                    lines.add("KeySpec = 1 ; AT_KEYEXCHANGE: Schannel uses the key to exchange session keys");
                },
                () -> lines.add("KeyAlgorithm = RSA"));
        lines.add("KeyUsage = " + KEY_USAGE + " ; digital signature, key encipherment");
        lines.add("RequestType = PKCS10");
        lines.add("HashAlgorithm = SHA256");
        lines.add("AlternateSignatureAlgorithm = FALSE ; PKCS#1 v1.5, not RSASSA-PSS, which Lync does not support");
        lines.add("SMIME = FALSE");
        lines.add("");
        lines.add("[Extensions]");
        lines.add("; Subject alternative names (2.5.29.17)");
        lines.add("2.5.29.17 = \"{text}\"");
        List<String> names = new ArrayList<>();
        request.dnsNames().forEach(name -> names.add("dns=" + name));
        request.ipAddresses().forEach(address -> names.add("ipaddress=" + address));
        for (int i = 0; i < names.size(); i++) {
            lines.add("_continue_ = \"" + names.get(i) + (i < names.size() - 1 ? "&" : "") + "\"");
        }
        lines.add("");
        lines.add("[EnhancedKeyUsageExtension]");
        lines.add("OID=" + SERVER_AUTH + " ; Server Authentication");
        lines.add("OID=" + CLIENT_AUTH + " ; Client Authentication");
        return String.join("\r\n", lines) + "\r\n";
    }

    /**
     * What {@code inf} lacks of what {@code request} needs, one line each; empty when it holds everything. Each
     * remedy the request carries needs its own fields; every request needs the version signature, a PKCS#10 request
     * and a new machine key that cannot be exported.
     */
    public static List<String> missing(InfFile inf, CertificateRequest request) {
        List<String> missing = new ArrayList<>();
        expect(missing, inf, "Version", "Signature", "$Windows NT$");
        expect(missing, inf, "NewRequest", "RequestType", "PKCS10");
        expect(missing, inf, "NewRequest", "MachineKeySet", "TRUE");
        expect(missing, inf, "NewRequest", "Exportable", "FALSE");
        expect(missing, inf, "NewRequest", "UseExistingKeySet", "FALSE");
        for (Remedy remedy : request.remedies()) {
            switch (remedy) {
                case NAMES -> names(missing, inf, request);
                case KEY -> key(missing, inf, request);
                case EKU -> eku(missing, inf);
                case SIGNATURE -> signature(missing, inf);
                case EXPIRY, SELF_SIGNED, KEY_MISSING, REVOKED -> {
                    // The fields every request has: a new PKCS#10 request with a new, non-exportable machine key.
                }
                case NO_CERTIFICATE -> {
                    names(missing, inf, request);
                    key(missing, inf, request);
                    eku(missing, inf);
                    signature(missing, inf);
                }
                default -> throw new IllegalStateException("unknown remedy " + remedy);
            }
        }
        return missing.stream().distinct().toList();
    }

    private static void names(List<String> missing, InfFile inf, CertificateRequest request) {
        // Exact, letter case included: Exchange UM compares the CN with the gateway address case-sensitively.
        if (!inf.value("NewRequest", "Subject").map(("CN=" + request.subjectCommonName())::equals).orElse(false)) {
            missing.add("[NewRequest] Subject = CN=" + request.subjectCommonName());
        }
        String san = inf.value("Extensions", "2.5.29.17").orElse(null);
        if (san == null || !san.startsWith("{text}")) {
            missing.add("[Extensions] 2.5.29.17 = \"{text}...\" (subject alternative names)");
            return;
        }
        List<String> present = List.of(san.substring("{text}".length()).split("&"));
        for (String name : request.dnsNames()) {
            if (!present.contains("dns=" + name)) {
                missing.add("[Extensions] 2.5.29.17 dns=" + name);
            }
        }
        for (String address : request.ipAddresses()) {
            if (!present.contains("ipaddress=" + address)) {
                missing.add("[Extensions] 2.5.29.17 ipaddress=" + address);
            }
        }
    }

    private static void key(List<String> missing, InfFile inf, CertificateRequest request) {
        expect(missing, inf, "NewRequest", "KeyLength", String.valueOf(request.keyLength()));
        expect(missing, inf, "NewRequest", "ProviderName", request.provider().providerName());
        expect(missing, inf, "NewRequest", "KeyUsage", KEY_USAGE);
        request.provider().providerType().ifPresentOrElse(
                type -> {
                    expect(missing, inf, "NewRequest", "ProviderType", String.valueOf(type));
                    expect(missing, inf, "NewRequest", "KeySpec", "1");
                },
                () -> expect(missing, inf, "NewRequest", "KeyAlgorithm", "RSA"));
    }

    private static void eku(List<String> missing, InfFile inf) {
        List<String> oids = inf.values("EnhancedKeyUsageExtension", "OID");
        for (String oid : List.of(SERVER_AUTH, CLIENT_AUTH)) {
            if (!oids.contains(oid)) {
                missing.add("[EnhancedKeyUsageExtension] OID=" + oid);
            }
        }
    }

    private static void signature(List<String> missing, InfFile inf) {
        expect(missing, inf, "NewRequest", "HashAlgorithm", "SHA256");
        expect(missing, inf, "NewRequest", "AlternateSignatureAlgorithm", "FALSE");
    }

    private static void expect(List<String> missing, InfFile inf, String section, String key, String value) {
        if (!inf.value(section, key).map(v -> v.equalsIgnoreCase(value)).orElse(false)) {
            missing.add("[" + section + "] " + key + " = " + value);
        }
    }

    /** Text from a certificate or finding, made safe for one comment line: printable ASCII only. */
    private static String comment(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder safe = new StringBuilder();
        text.codePoints().forEach(c -> safe.append(c >= 0x20 && c < 0x7f ? (char) c : '?'));
        return safe.length() > 300 ? safe.substring(0, 300) + "..." : safe.toString();
    }
}
