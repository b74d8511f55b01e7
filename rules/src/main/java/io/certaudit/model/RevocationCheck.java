package io.certaudit.model;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The revocation status of one certificate of a service chain or of a peer's chain, as the locations it names
 * gave it when asked, and what each location gave. Observed when the user asked for revocation checking; a rule
 * judges it.
 *
 * @param thumbprint       uppercase SHA-1 of the certificate
 * @param subject          its subject
 * @param issuer           the subject of the issuer its status was verified against, or its issuer name when the
 *                         issuer is not known
 * @param store            the store it was read from, or {@code null} for a certificate a peer sent
 * @param peer             the peer that sent it, or {@code null} for a certificate of the host's stores
 * @param chainsOf         the thumbprints of the service certificates (or the peer's leaf) whose chain holds it
 * @param status           what the verified answers say
 * @param revocationReason the CRL reason code name ({@code keyCompromise}, ...) when revoked, else {@code null}
 * @param revocationDate   when it was revoked, when revoked and known, else {@code null}
 * @param sources          each location asked, or skipped, with its outcome, in the order asked
 * @param unknownReason    why no location could be asked at all (no issuer on the path, no location named), or
 *                         {@code null}
 */
public record RevocationCheck(String thumbprint, String subject, String issuer, StoreName store, PeerAddress peer,
                              List<String> chainsOf, Status status, String revocationReason, Instant revocationDate,
                              List<RevocationSource> sources, String unknownReason) {

    /** What the verified answers say of one certificate. */
    public enum Status {
        /** A verified, current answer says it is not revoked, and none says it is. */
        GOOD,
        /** A verified, current answer says it is revoked. */
        REVOKED,
        /** No location gave a verified, current answer. */
        UNKNOWN;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public RevocationCheck {
        Objects.requireNonNull(thumbprint, "thumbprint");
        Objects.requireNonNull(status, "status");
        chainsOf = chainsOf == null ? List.of() : List.copyOf(chainsOf);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** How messages name the certificate. */
    public String label() {
        return "'" + subject + "' (" + thumbprint + ")" + (peer == null ? "" : " sent by peer " + peer);
    }
}
