package io.certaudit.agent.remediate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.certaudit.engine.AuditResult;
import io.certaudit.engine.AuditSettings;
import io.certaudit.engine.Finding;
import io.certaudit.model.StoredCertificate;

/**
 * Which certificates to request: one per service certificate with a finding a new certificate fixes (a finding on
 * that certificate itself; one on its CA is not fixed by a new leaf), or one for the configured names when the host
 * has no service certificate. Judges nothing itself: it reads the findings the rules made.
 */
public final class RemediationPlan {

    /** The smallest RSA key requested: below it key-too-short warns (Exchange UM and Lync recommend 2048). */
    public static final int MIN_KEY_LENGTH = 2048;

    /** A DNS name that can go into an INF value unquoted and unescaped: letters, digits, dot, hyphen. */
    private static final Pattern DNS_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)"
            + "(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    private RemediationPlan() {
    }

    /**
     * The requests the audit calls for; empty when no finding is one a new certificate fixes.
     *
     * @throws IllegalArgumentException when a request is needed but the settings name no pool FQDN or gateway
     *                                  address to put in it, or name something that is not a host name
     */
    public static List<CertificateRequest> of(AuditResult result, int keyLength, KeyProvider provider) {
        if (keyLength < MIN_KEY_LENGTH || keyLength > 16384 || keyLength % 8 != 0) {
            throw new IllegalArgumentException("the key length must be a multiple of 8 from " + MIN_KEY_LENGTH
                    + " to 16384 bits, not " + keyLength);
        }
        Set<String> services = serviceThumbprints(result);
        Map<String, Map<Remedy, List<String>>> byThumbprint = new LinkedHashMap<>();
        Map<Remedy, List<String>> forNone = new EnumMap<>(Remedy.class);
        for (Finding finding : result.findings()) {
            Optional<Remedy> remedy = remedyOf(finding, services);
            if (remedy.isEmpty()) {
                continue;
            }
            String reason = finding.rule() + ": " + finding.message();
            if (remedy.get() == Remedy.NO_CERTIFICATE) {
                forNone.computeIfAbsent(remedy.get(), r -> new ArrayList<>()).add(reason);
            } else {
                byThumbprint.computeIfAbsent(finding.thumbprint(), t -> new EnumMap<>(Remedy.class))
                        .computeIfAbsent(remedy.get(), r -> new ArrayList<>()).add(reason);
            }
        }
        if (byThumbprint.isEmpty() && forNone.isEmpty()) {
            return List.of();
        }
        AuditSettings settings = result.context().settings();
        String cn = settings.poolFqdn() != null ? settings.poolFqdn() : settings.gatewayAddress();
        if (cn == null) {
            throw new IllegalArgumentException("a new certificate is needed, but no name is configured to request "
                    + "it for: give --pool-fqdn (BEMS) or --gateway-address (Exchange UM), and --instance-fqdn for "
                    + "each instance");
        }
        Set<String> dnsNames = new LinkedHashSet<>();
        List<String> ipAddresses = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String name : settings.expectedNames()) {
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (IPV4.matcher(name).matches()) {
                ipAddresses.add(name);
            } else if (DNS_NAME.matcher(name).matches() && !name.contains("..")) {
                dnsNames.add(name);
            } else {
                throw new IllegalArgumentException("'" + name + "' is not a host name (letters, digits, dots and "
                        + "hyphens) or an IPv4 address; a certificate request cannot name it");
            }
        }
        List<CertificateRequest> requests = new ArrayList<>();
        for (StoredCertificate service : result.context().serviceCertificates()) {
            Map<Remedy, List<String>> reasons = byThumbprint.get(service.thumbprint());
            if (reasons != null) {
                requests.add(new CertificateRequest(cn, List.copyOf(dnsNames), ipAddresses, keyLength, provider,
                        service.thumbprint(), service.facts().subject(), reasons));
            }
        }
        if (!forNone.isEmpty()) {
            requests.add(new CertificateRequest(cn, List.copyOf(dnsNames), ipAddresses, keyLength, provider, null,
                    null, forNone));
        }
        return requests;
    }

    /**
     * The remedy a request carries for {@code finding}: present when the finding's rule is fixed by a new
     * certificate and the finding is about one of {@code services} (or says there is none). A finding on a CA of the
     * chain is not fixed by a new service certificate.
     */
    static Optional<Remedy> remedyOf(Finding finding, Set<String> serviceThumbprints) {
        Optional<Remedy> remedy = Remedy.of(finding.rule());
        if (remedy.isEmpty() || remedy.get() == Remedy.NO_CERTIFICATE) {
            return remedy;
        }
        boolean onAServiceCertificate = finding.thumbprint() != null
                && serviceThumbprints.contains(finding.thumbprint());
        return onAServiceCertificate ? remedy : Optional.empty();
    }

    /**
     * The thumbprints of the audit's service certificates, as a set: a host may hold tens of thousands of them and
     * as many findings, so each finding looks its certificate up instead of scanning the list.
     */
    static Set<String> serviceThumbprints(AuditResult result) {
        Set<String> thumbprints = new HashSet<>();
        for (StoredCertificate service : result.context().serviceCertificates()) {
            thumbprints.add(service.thumbprint());
        }
        return thumbprints;
    }
}
