package io.certaudit.model;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the Windows chain engine (CertGetCertificateChain) said of a certificate: the chain's trust status and the
 * path it built, end certificate first; or, when it built no chain at all, why. Only the live Windows source can
 * ask the engine; a capture carries what it said.
 *
 * @param errorStatus the chain's CERT_TRUST_STATUS.dwErrorStatus; 0 when no chain was built
 * @param infoStatus  the chain's CERT_TRUST_STATUS.dwInfoStatus; 0 when no chain was built
 * @param path        the SHA-1 thumbprints of the chain, end certificate first; empty when none was built
 * @param failure     why no chain could be built, or {@code null} when one was
 */
public record OsChainVerdict(int errorStatus, int infoStatus, List<String> path, String failure) {

    public OsChainVerdict {
        path = List.copyOf(Objects.requireNonNull(path, "path"));
        if (failure != null && (errorStatus != 0 || infoStatus != 0 || !path.isEmpty())) {
            throw new IllegalArgumentException("a chain that could not be built has no status and no path");
        }
    }

    /** The engine built a chain with this status. */
    public static OsChainVerdict built(int errorStatus, int infoStatus, List<String> path) {
        return new OsChainVerdict(errorStatus, infoStatus, path, null);
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
}
