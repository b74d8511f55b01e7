package io.certaudit.model;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What the Windows chain engine (CertGetCertificateChain) said of a certificate: the chain's trust status and the
 * path it built, end certificate first; or, when it built no chain at all, why. Only the live Windows source can
 * ask the engine; a capture carries what it said.
 *
 * @param errorStatus the chain's CERT_TRUST_STATUS.dwErrorStatus; 0 when no chain was built
 * @param infoStatus  the chain's CERT_TRUST_STATUS.dwInfoStatus; 0 when no chain was built
 * @param path        the SHA-1 thumbprints of the chain, end certificate first; empty when none was built
 * @param failure     why no chain could be built, or {@code null} when one was
 * @param revocationChecked whether the engine was asked to check revocation
 *                    (CERT_CHAIN_REVOCATION_CHECK_CHAIN_EXCLUDE_ROOT): only then do the revocation bits of
 *                    {@code errorStatus} say anything; without it they are never set and prove nothing
 */
public record OsChainVerdict(int errorStatus, int infoStatus, List<String> path, String failure,
                             boolean revocationChecked) {

    /** The revocation bits of the error status, which {@link #revocationStatus()} reads. */
    public static final Set<ChainTrustError> REVOCATION_ERRORS = Set.of(ChainTrustError.IS_REVOKED,
            ChainTrustError.REVOCATION_STATUS_UNKNOWN, ChainTrustError.IS_OFFLINE_REVOCATION);

    public OsChainVerdict {
        path = List.copyOf(Objects.requireNonNull(path, "path"));
        if (failure != null && (errorStatus != 0 || infoStatus != 0 || !path.isEmpty())) {
            throw new IllegalArgumentException("a chain that could not be built has no status and no path");
        }
    }

    /** A verdict of an engine that was not asked to check revocation. */
    public OsChainVerdict(int errorStatus, int infoStatus, List<String> path, String failure) {
        this(errorStatus, infoStatus, path, failure, false);
    }

    /** The engine built a chain with this status. */
    public static OsChainVerdict built(int errorStatus, int infoStatus, List<String> path) {
        return new OsChainVerdict(errorStatus, infoStatus, path, null);
    }

    /** The engine, asked to check revocation as well, built a chain with this status. */
    public static OsChainVerdict builtCheckingRevocation(int errorStatus, int infoStatus, List<String> path) {
        return new OsChainVerdict(errorStatus, infoStatus, path, null, true);
    }

    /** The engine built no chain, for {@code reason}. */
    public static OsChainVerdict failed(String reason) {
        return new OsChainVerdict(0, 0, List.of(), Objects.requireNonNull(reason, "reason"));
    }

    /** Whether the engine built a chain (whatever its status). */
    public boolean built() {
        return failure == null;
    }

    /** The error bits wincrypt.h defines that the status sets. */
    public Set<ChainTrustError> errors() {
        return ChainTrustError.of(errorStatus);
    }

    /** The information bits wincrypt.h defines that the status sets. */
    public Set<ChainTrustInfo> info() {
        return ChainTrustInfo.of(infoStatus);
    }

    /** Whether the engine built a chain and trusts it: none of {@link ChainTrustError#NO_TRUSTED_CHAIN} is set. */
    public boolean trusted() {
        return built() && errors().stream().noneMatch(ChainTrustError.NO_TRUSTED_CHAIN::contains);
    }

    /** The error bits by name, unknown bits in hexadecimal. */
    public List<String> errorNames() {
        return ChainTrustError.names(errorStatus);
    }

    /**
     * What the engine said of the revocation of the chain as a whole (the chain's status is the union of its
     * elements'): revoked when any certificate is (CERT_TRUST_IS_REVOKED), unknown when the status of one could not
     * be obtained (CERT_TRUST_REVOCATION_STATUS_UNKNOWN, with CERT_TRUST_IS_OFFLINE_REVOCATION when its server
     * could not be reached), otherwise good; {@code null} when it says nothing: the engine was not asked to check,
     * built no chain, or found no trusted one (it checks revocation only for a chain that ends in a trusted root).
     */
    public RevocationCheck.@Nullable Status revocationStatus() {
        if (!revocationChecked || !trusted()) {
            return null;
        }
        Set<ChainTrustError> errors = errors();
        if (errors.contains(ChainTrustError.IS_REVOKED)) {
            return RevocationCheck.Status.REVOKED;
        }
        if (errors.contains(ChainTrustError.REVOCATION_STATUS_UNKNOWN)
                || errors.contains(ChainTrustError.IS_OFFLINE_REVOCATION)) {
            return RevocationCheck.Status.UNKNOWN;
        }
        return RevocationCheck.Status.GOOD;
    }

    /** The revocation bits of the error status by name, or {@code none}. */
    public String revocationErrorNames() {
        List<String> names = errors().stream().filter(REVOCATION_ERRORS::contains).map(Enum::name).toList();
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
