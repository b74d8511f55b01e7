package io.certaudit.agent.revocation;

import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;

import io.certaudit.agent.revocation.HttpFetcher.Fetched;
import io.certaudit.model.RevocationCheck;
import io.certaudit.model.RevocationFacts;
import io.certaudit.model.RevocationSource;
import io.certaudit.model.RevocationSource.Kind;
import io.certaudit.model.RevocationSource.Outcome;

/**
 * Fetches and verifies the revocation status of each certificate asked about. Per certificate, the OCSP responders
 * it names are asked first and then its CRL distribution points, stopping at the first verified, current answer:
 * the order of the chain engine's revocation provider, which retrieves CRLs before OCSP only in stated exceptions
 * (Microsoft, "How Certificate Revocation Works"). A CRL is fetched once per run whatever the number of
 * certificates that name it; each fetch is made once, never retried, and the run makes at most
 * {@link RevocationLimits#maxFetches()}.
 */
public final class RevocationChecker {

    private static final ASN1ObjectIdentifier OCSP_ACCESS = AccessDescription.id_ad_ocsp;

    /** The longest OCSP GET URL, scheme and host included (RFC 5019 5); longer requests are POSTed. */
    static final int MAX_GET_URL = 255;

    private final RevocationLimits limits;
    private final HttpFetcher fetcher;
    private final Map<String, Fetched> fetched = new HashMap<>();
    private int fetches;

    public RevocationChecker(RevocationLimits limits) {
        this.limits = limits;
        this.fetcher = new HttpFetcher(limits);
    }

    /** Checks each certificate at {@code at}; the facts say what each location gave. */
    public RevocationFacts check(List<CertificateToCheck> certificates, Instant at) {
        List<RevocationCheck> checks = new ArrayList<>();
        for (CertificateToCheck certificate : certificates) {
            checks.add(check(certificate, at));
        }
        return new RevocationFacts(true, null, checks, fetches, limits.maxFetches());
    }

    private RevocationCheck check(CertificateToCheck target, Instant at) {
        X509Certificate certificate = target.certificate();
        String issuerName = target.issuer() != null ? target.issuer().getSubjectX500Principal().getName()
                : certificate.getIssuerX500Principal().getName();
        if (target.issuer() == null) {
            return result(target, issuerName, RevocationCheck.Status.UNKNOWN, null, null, List.of(),
                    "its issuer is not on the path, so no answer can be verified (the chain is incomplete)");
        }
        Extensions extensions = extensions(certificate);
        List<String> responders = ocspResponders(extensions);
        List<List<String>> points = crlDistributionPoints(extensions);
        if (responders.isEmpty() && points.isEmpty()) {
            return result(target, issuerName, RevocationCheck.Status.UNKNOWN, null, null, List.of(),
                    "it names no OCSP responder and no CRL distribution point");
        }
        List<RevocationSource> sources = new ArrayList<>();
        for (String responder : responders) {
            Verdict verdict = askResponder(responder, target, at, sources);
            if (verdict != null) {
                return result(target, issuerName, verdict.status, verdict.reason, verdict.revokedAt, sources, null);
            }
        }
        List<URI> certificateFreshest = CrlVerifier.distributionPoints(extensions, Extension.freshestCRL);
        for (List<String> point : points) {
            Set<String> names = new LinkedHashSet<>(point);
            for (String location : point) {
                Verdict verdict = askCrl(location, names, certificateFreshest, target, at, sources);
                if (verdict != null) {
                    return result(target, issuerName, verdict.status, verdict.reason, verdict.revokedAt, sources,
                            null);
                }
            }
        }
        return result(target, issuerName, RevocationCheck.Status.UNKNOWN, null, null, sources, null);
    }

    /** A verified answer on one certificate. */
    private record Verdict(RevocationCheck.Status status, String reason, Instant revokedAt) {
    }

    private Verdict askResponder(String location, CertificateToCheck target, Instant at,
                                 List<RevocationSource> sources) {
        URI url = fetchable(location, Kind.OCSP, sources);
        if (url == null) {
            return null;
        }
        CertificateID id;
        byte[] request;
        try {
            id = OcspVerifier.id(target.certificate(), target.issuer());
            request = OcspVerifier.request(id);
        } catch (OCSPException e) {
            sources.add(new RevocationSource(location, Kind.OCSP, Outcome.RESPONDER_ERROR, e.getMessage()));
            return null;
        }
        // RFC 5019 5: a request that fits in 255 bytes as a URL goes by GET, as the chain engine's client sends it
        // (and as caching responders expect); a larger one by POST.
        String encoded = java.net.URLEncoder.encode(java.util.Base64.getEncoder().encodeToString(request),
                java.nio.charset.StandardCharsets.US_ASCII);
        String get = location + (location.endsWith("/") ? "" : "/") + encoded;
        URI getUrl = get.length() <= MAX_GET_URL ? toUri(get) : null;
        Fetched response = getUrl != null ? fetch(getUrl, null, null, get)
                : fetch(url, request, "application/ocsp-request", location + "#" + encoded);
        if (!response.ok()) {
            sources.add(new RevocationSource(location, Kind.OCSP, response.failure(), response.detail()));
            return null;
        }
        OcspVerifier.Answer answer = OcspVerifier.verify(response.body(), id, target.issuer(), at);
        sources.add(new RevocationSource(location, Kind.OCSP, answer.outcome(), answer.detail()));
        return switch (answer.outcome()) {
            case GOOD -> new Verdict(RevocationCheck.Status.GOOD, null, null);
            case REVOKED -> new Verdict(RevocationCheck.Status.REVOKED, answer.reason(), answer.revokedAt());
            default -> null;
        };
    }

    private Verdict askCrl(String location, Set<String> pointNames, List<URI> certificateFreshest,
                           CertificateToCheck target, Instant at, List<RevocationSource> sources) {
        URI url = fetchable(location, Kind.CRL, sources);
        if (url == null) {
            return null;
        }
        Fetched crl = fetch(url, null, null, location);
        if (!crl.ok()) {
            sources.add(new RevocationSource(location, Kind.CRL, crl.failure(), crl.detail()));
            return null;
        }
        CrlVerifier.Answer base = CrlVerifier.verify(crl.body(), target.certificate(), target.issuer(), at,
                pointNames, null);
        int baseIndex = sources.size();
        sources.add(new RevocationSource(location, Kind.CRL, base.outcome(), base.detail()));
        if (!base.outcome().answered()) {
            return null;
        }
        boolean onHold = base.reasonCode() != null && base.reasonCode() == org.bouncycastle.asn1.x509.CRLReason
                .certificateHold;
        Verdict verdict = base.outcome() == Outcome.REVOKED
                ? new Verdict(RevocationCheck.Status.REVOKED, base.reason(), base.revokedAt())
                : new Verdict(RevocationCheck.Status.GOOD, null, null);
        if (base.outcome() == Outcome.REVOKED && !onHold) {
            // A revocation other than a hold is final: no delta CRL can undo it (RFC 5280 5.3.1).
            return verdict;
        }
        List<URI> freshest = !base.freshest().isEmpty() ? base.freshest() : certificateFreshest;
        if (freshest.isEmpty()) {
            return verdict;
        }
        for (URI deltaLocation : freshest) {
            URI deltaUrl = fetchable(deltaLocation.toString(), Kind.DELTA_CRL, sources);
            if (deltaUrl == null) {
                continue;
            }
            Fetched delta = fetch(deltaUrl, null, null, deltaLocation.toString());
            if (!delta.ok()) {
                sources.add(new RevocationSource(deltaLocation.toString(), Kind.DELTA_CRL, delta.failure(),
                        delta.detail()));
                continue;
            }
            Set<String> deltaNames = new LinkedHashSet<>();
            freshest.forEach(uri -> deltaNames.add(uri.toString()));
            CrlVerifier.Answer answer = CrlVerifier.verify(delta.body(), target.certificate(), target.issuer(), at,
                    deltaNames, base.crlNumber() == null ? BigInteger.ZERO : base.crlNumber());
            sources.add(new RevocationSource(deltaLocation.toString(), Kind.DELTA_CRL, answer.outcome(),
                    answer.detail()));
            if (answer.outcome() == Outcome.REVOKED) {
                return new Verdict(RevocationCheck.Status.REVOKED, answer.reason(), answer.revokedAt());
            }
            if (answer.outcome() == Outcome.GOOD) {
                boolean released = answer.reasonCode() != null && answer.reasonCode() == CrlVerifier.REMOVE_FROM_CRL;
                return released ? new Verdict(RevocationCheck.Status.GOOD, null, null) : verdict;
            }
        }
        // The complete CRL names a delta CRL that gave no answer: the complete CRL alone may miss revocations
        // made since, so it is no current answer (RFC 5280 6.3.3 (c)).
        RevocationSource said = sources.get(baseIndex);
        sources.set(baseIndex, new RevocationSource(said.url(), said.kind(), said.outcome(),
                said.detail() + "; not current without its delta CRL, which gave no answer"));
        return verdict.status == RevocationCheck.Status.REVOKED ? verdict : null;
    }

    /** The URL to fetch, or {@code null} after recording why it is not fetched: not a plain HTTP URL. */
    private URI fetchable(String location, Kind kind, List<RevocationSource> sources) {
        URI url;
        try {
            url = new URI(location);
        } catch (URISyntaxException e) {
            sources.add(new RevocationSource(location, kind, Outcome.NOT_HTTP, "not fetched: not a valid URL"));
            return null;
        }
        if (!HttpFetcher.isHttp(url)) {
            sources.add(new RevocationSource(location, kind, Outcome.NOT_HTTP, notFetched(url)));
            return null;
        }
        return url;
    }

    private static URI toUri(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** One request, or its earlier result when the same one was made before; counted against the limit. */
    private Fetched fetch(URI url, byte[] body, String contentType, String cacheKey) {
        Fetched earlier = fetched.get(cacheKey);
        if (earlier != null) {
            return earlier;
        }
        if (fetches >= limits.maxFetches()) {
            return Fetched.failed(Outcome.FETCH_LIMIT, "not fetched: the run's limit of " + limits.maxFetches()
                    + " fetches was reached");
        }
        fetches++;
        Fetched result = fetcher.fetch(url, body, contentType);
        fetched.put(cacheKey, result);
        return result;
    }

    private static String notFetched(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "ldap", "ldaps" -> "not fetched: the audit fetches over plain HTTP only (an LDAP location is read "
                    + "from the directory with the machine's domain account, which the audit does not do)";
            case "https" -> "not fetched: the audit fetches over plain HTTP only (revocation data is signed, and "
                    + "fetching it over TLS would need a revocation check of its own; RFC 5280 4.2.1.13)";
            case "http" -> "not fetched: the URL has no host";
            default -> "not fetched: the audit fetches over plain HTTP only (scheme " + scheme + ")";
        };
    }

    private static RevocationCheck result(CertificateToCheck target, String issuer, RevocationCheck.Status status,
                                          String reason, Instant revokedAt, List<RevocationSource> sources,
                                          String unknownReason) {
        X500Principal subject = target.certificate().getSubjectX500Principal();
        return new RevocationCheck(target.thumbprint(), subject.getName(), issuer, target.store(), target.peer(),
                target.chainsOf(), status, reason, revokedAt, sources, unknownReason);
    }

    private static Extensions extensions(X509Certificate certificate) {
        try {
            return new X509CertificateHolder(certificate.getEncoded()).getExtensions();
        } catch (Exception e) {
            return null;
        }
    }

    /** The OCSP responder URIs of the Authority Information Access extension, in order. */
    private static List<String> ocspResponders(Extensions extensions) {
        List<String> found = new ArrayList<>();
        try {
            AuthorityInformationAccess access = extensions == null ? null
                    : AuthorityInformationAccess.fromExtensions(extensions);
            if (access == null) {
                return found;
            }
            for (AccessDescription description : access.getAccessDescriptions()) {
                GeneralName location = description.getAccessLocation();
                if (description.getAccessMethod().equals(OCSP_ACCESS)
                        && location.getTagNo() == GeneralName.uniformResourceIdentifier) {
                    found.add(location.getName().toString());
                }
            }
        } catch (RuntimeException e) {
            return found;
        }
        return found;
    }

    /**
     * The URIs of each CRL distribution point, one list per point. A point with a cRLIssuer names an indirect CRL,
     * which the chain engine does not use; a point given by a relative name has no URL.
     */
    private static List<List<String>> crlDistributionPoints(Extensions extensions) {
        List<List<String>> points = new ArrayList<>();
        Extension extension = extensions == null ? null : extensions.getExtension(Extension.cRLDistributionPoints);
        if (extension == null) {
            return points;
        }
        try {
            for (DistributionPoint point : CRLDistPoint.getInstance(extension.getParsedValue())
                    .getDistributionPoints()) {
                DistributionPointName name = point.getDistributionPoint();
                if (point.getCRLIssuer() != null || name == null || name.getType() != DistributionPointName.FULL_NAME) {
                    continue;
                }
                List<String> uris = new ArrayList<>();
                for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
                    if (general.getTagNo() == GeneralName.uniformResourceIdentifier) {
                        uris.add(general.getName().toString());
                    }
                }
                if (!uris.isEmpty()) {
                    points.add(uris);
                }
            }
        } catch (RuntimeException e) {
            return points;
        }
        return points;
    }
}
