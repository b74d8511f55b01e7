package io.certaudit.catalog.keys;

import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.certaudit.engine.Area;
import io.certaudit.engine.AuditContext;
import io.certaudit.engine.CertificateRule;
import io.certaudit.engine.Findings;
import io.certaudit.engine.Requirement;
import io.certaudit.engine.RuleInfo;
import io.certaudit.engine.Scope;
import io.certaudit.engine.Severity;
import io.certaudit.model.StoredCertificate;

/*
 * SBC: "The length of the keys contained in the certificate must be at least 1024 bits. We recommend the use of
 * keys that are 2048 bits long."
 */
@RuleInfo(
        id = "key-too-short",
        title = "Key shorter than 2048-bit RSA strength",
        severity = Severity.ERROR,
        area = Area.KEYS,
        citation = "Exchange UM SBC certificate requirements: at least 1024 bits, 2048 recommended (E3); "
                + "NIST SP 800-57 Part 1 Table 2 for EC equivalents",
        requirements = {Requirement.E3},
        description = "Checks the public key of every certificate on a service certificate's path: an error under "
                + "1024-bit RSA strength, a warning under 2048. EC keys are judged by their RSA-equivalent "
                + "strength (NIST SP 800-57: a 160-bit curve is as strong as RSA 1024, 224 as 2048, 256 as 3072).",
        remediation = {
                "Re-issue the certificate with an RSA key of at least 2048 bits (or an EC key on P-256 or larger).",
                "For a CA certificate, ask the CA's owner to renew it with a stronger key."},
        evidence = {"keyAlgorithm", "keyBits", "rsaEquivalentBits"})
public final class KeyTooShort extends CertificateRule {

    @Override
    protected Scope scope() {
        return Scope.SERVICE_PATHS;
    }

    @Override
    protected boolean appliesTo(StoredCertificate certificate, AuditContext context) {
        return rsaEquivalentBits(certificate) != null;
    }

    @Override
    protected void check(StoredCertificate certificate, AuditContext context, Findings findings) {
        // appliesTo made sure the strength is known.
        int strength = Objects.requireNonNull(rsaEquivalentBits(certificate));
        if (strength >= 2048) {
            return;
        }
        Severity severity = strength < 1024 ? Severity.ERROR : Severity.WARNING;
        String algorithm = certificate.facts().keyAlgorithm();
        int bits = Objects.requireNonNull(certificate.facts().keyBits());
        String strengthText = "RSA".equals(algorithm) ? "" : " (as strong as RSA " + strength + ")";
        findings.add(severity, certificate, "The " + bits + "-bit " + algorithm + " key" + strengthText + " of "
                + certificate.label() + " is " + (severity == Severity.ERROR ? "below the 1024-bit minimum"
                : "below the recommended 2048 bits") + ".",
                Map.of("keyAlgorithm", algorithm, "keyBits", Integer.toString(bits),
                        "rsaEquivalentBits", Integer.toString(strength)));
    }

    /** The RSA modulus length of equal strength, or {@code null} for a key type this rule cannot judge. */
    static @Nullable Integer rsaEquivalentBits(StoredCertificate certificate) {
        Integer bits = certificate.facts().keyBits();
        if (bits == null) {
            return null;
        }
        return switch (certificate.facts().keyAlgorithm()) {
            case "RSA", "RSASSA-PSS", "DSA" -> bits;
            case "EC", "Ed25519", "Ed448", "EdDSA" -> ecToRsa(bits);
            default -> null;
        };
    }

    private static int ecToRsa(int fieldBits) {
        if (fieldBits >= 512) {
            return 15360;
        }
        if (fieldBits >= 384) {
            return 7680;
        }
        if (fieldBits >= 255) {
            return 3072;
        }
        if (fieldBits >= 224) {
            return 2048;
        }
        if (fieldBits >= 160) {
            return 1024;
        }
        return 512;
    }
}
