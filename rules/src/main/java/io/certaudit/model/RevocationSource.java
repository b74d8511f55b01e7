package io.certaudit.model;

import java.util.Locale;
import java.util.Objects;

/**
 * One place a certificate names for its revocation status (a CRL distribution point, a delta CRL, an OCSP
 * responder) and what asking it gave: an answer that was verified, or why there was none. Observed, not judged.
 *
 * @param url     the location as the certificate (or, for a delta CRL, the base CRL) names it
 * @param kind    what the location serves
 * @param outcome how asking it ended
 * @param detail  what happened in words (the HTTP status, the signer, the dates), or {@code null}
 */
public record RevocationSource(String url, Kind kind, Outcome outcome, String detail) {

    /** What a location serves. */
    public enum Kind {
        /** A CRL named by the CRL Distribution Points extension (RFC 5280 4.2.1.13). */
        CRL,
        /** A delta CRL named by the Freshest CRL extension (RFC 5280 4.2.1.15, 5.2.6). */
        DELTA_CRL,
        /** An OCSP responder named by the Authority Information Access extension (RFC 5280 4.2.2.1, RFC 6960). */
        OCSP;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** How asking one location ended. Only GOOD and REVOKED are answers; every other outcome says why none came. */
    public enum Outcome {
        /** A verified, current answer: the certificate is not revoked. */
        GOOD(true),
        /** A verified, current answer: the certificate is revoked. */
        REVOKED(true),
        /** The OCSP responder answered, signed and current, that it does not know the certificate. */
        UNKNOWN_TO_RESPONDER(false),
        /** Not fetched: not an http: URL (LDAP, file, HTTPS); the audit fetches over plain HTTP only. */
        NOT_HTTP(false),
        /** Not fetched: the run's limit of fetches was reached. */
        FETCH_LIMIT(false),
        /** The host name of the URL did not resolve. */
        DNS(false),
        /** The connection was refused. */
        REFUSED(false),
        /** No connection or no complete answer within the time allowed. */
        TIMEOUT(false),
        /** The connection failed otherwise (reset, unreachable network, proxy failure). */
        NETWORK(false),
        /** The server answered with an HTTP status other than 200. */
        HTTP_STATUS(false),
        /** The answer was larger than the audit reads. */
        TOO_LARGE(false),
        /** The answer is not a CRL or OCSP response that decodes. */
        UNPARSABLE(false),
        /** The signature does not verify with the issuer's key, or the OCSP signer is not authorised. */
        BAD_SIGNATURE(false),
        /** The CRL's nextUpdate, or the OCSP response's nextUpdate, has passed at the audit's instant. */
        EXPIRED(false),
        /** The thisUpdate lies after the audit's instant. */
        NOT_YET_VALID(false),
        /** The CRL or response is issued by another name than the certificate's issuer. */
        WRONG_ISSUER(false),
        /** The CRL does not cover the certificate (issuing distribution point scope, indirect CRL, some reasons). */
        OUT_OF_SCOPE(false),
        /** The OCSP responder answered with an error status, or without the certificate asked about. */
        RESPONDER_ERROR(false);

        private final boolean answer;

        Outcome(boolean answer) {
            this.answer = answer;
        }

        /** Whether the location gave a verified, current answer on the certificate. */
        public boolean answered() {
            return answer;
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public RevocationSource {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** {@code url (kind): outcome, detail}, as a finding names it. */
    public String describe() {
        return url + " (" + kind.label() + "): " + outcome.label() + (detail == null ? "" : ", " + detail);
    }
}
