package io.certaudit.catalog.keys;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.certaudit.engine.Area;
import io.certaudit.engine.AuditContext;
import io.certaudit.engine.CertificateRule;
import io.certaudit.engine.Findings;
import io.certaudit.engine.RuleInfo;
import io.certaudit.engine.Scope;
import io.certaudit.engine.Severity;
import io.certaudit.model.KeyUsageBit;
import io.certaudit.model.StoredCertificate;

/*
 * An MTLS service signs in every handshake it makes: as a client, the CertificateVerify message (TLS 1.2 and 1.3);
 * as a server, the key exchange with the forward-secret suites and TLS 1.3. Those signatures need digitalSignature.
 * keyEncipherment serves only RSA key exchange, which TLS 1.3 removed; keyAgreement only static (EC)DH suites, which
 * Schannel does not offer. So digitalSignature is what a service key cannot do without, whatever its type.
 */
@RuleInfo(
        id = "key-usage-not-tls",
        title = "Service certificate's key usage does not allow TLS authentication",
        severity = Severity.ERROR,
        area = Area.KEYS,
        citation = "RFC 5280 section 4.2.1.3 (keyUsage); RFC 5246 section 7.4.8 and RFC 8446 section 4.4.3 "
                + "(CertificateVerify is a signature); RFC 5246 section 7.4.3 (ECDHE and DHE server key exchange "
                + "is signed)",
        basis = "RFC 5280 and the TLS RFCs: a key usage that forbids the signatures a TLS handshake makes",
        description = "Applies to service certificates that have a keyUsage extension (one without it may be used "
                + "for anything). Fails when it lacks digitalSignature: the key may then not sign a TLS 1.2 or 1.3 "
                + "CertificateVerify (client authentication) nor a forward-secret or TLS 1.3 server handshake, "
                + "whatever its type (RSA, EC). keyEncipherment alone only serves RSA key exchange, which TLS 1.3 "
                + "removed and the forward-secret suites do not use.",
        remediation = "Request a new certificate whose template sets keyUsage digitalSignature (and "
                + "keyEncipherment for RSA keys), e.g. the Web Server or Computer template with Client "
                + "Authentication added, and replace the service certificate.",
        evidence = {"keyAlgorithm", "keyUsage"})
public final class KeyUsageNotTls extends CertificateRule {

    @Override
    protected Scope scope() {
        return Scope.SERVICE_CERTIFICATES;
    }

    @Override
    protected boolean appliesTo(StoredCertificate certificate, AuditContext context) {
        return certificate.facts().keyUsage() != null;
    }

    @Override
    protected void check(StoredCertificate certificate, AuditContext context, Findings findings) {
        // appliesTo made sure the extension is there.
        Set<KeyUsageBit> usage = Objects.requireNonNull(certificate.facts().keyUsage());
        if (usage.contains(KeyUsageBit.DIGITAL_SIGNATURE)) {
            return;
        }
        String listed = usage.isEmpty() ? "no usage at all"
                : String.join(", ", usage.stream().map(KeyUsageBit::label).toList());
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("keyUsage", listed);
        evidence.put("keyAlgorithm", certificate.facts().keyAlgorithm());
        findings.add(certificate, "The keyUsage of " + certificate.label() + " (" + listed + ") lacks "
                + "digitalSignature: its " + certificate.facts().keyAlgorithm() + " key may not sign the TLS "
                + "handshake, neither as a client (CertificateVerify) nor as a TLS 1.3 or forward-secret server.",
                evidence);
    }
}
