package io.certaudit.chain;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.certaudit.model.StoredCertificate;

/**
 * One certificate's path, leaf first. Each element is the store entry chosen for it, so its store is where it was
 * found.
 *
 * @param elements      leaf first; the last element is the root when {@code status} is not INCOMPLETE
 * @param status        the verdict
 * @param missingIssuer when INCOMPLETE, the distinguished name of the issuer found in no store; else {@code null}
 * @param problems      what the chain engine would hold against the path (constraints, usage, distrust, dates),
 *                      judged with the path's first element as the end certificate
 * @param rejected      other candidate paths the search did not take, and why; bounded
 */
public record CertificatePath(List<StoredCertificate> elements, ChainStatus status, @Nullable String missingIssuer,
                              List<ChainProblem> problems, List<RejectedPath> rejected) {

    public CertificatePath {
        elements = List.copyOf(elements);
        Objects.requireNonNull(status, "status");
        problems = List.copyOf(problems);
        rejected = List.copyOf(rejected);
        if (elements.isEmpty()) {
            throw new IllegalArgumentException("a path holds at least its leaf");
        }
    }

    /** A path with no problem and no alternative recorded. */
    public CertificatePath(List<StoredCertificate> elements, ChainStatus status, String missingIssuer) {
        this(elements, status, missingIssuer, List.of(), List.of());
    }

    /** The problems of one kind, in path order. */
    public List<ChainProblem> problems(ChainDefect defect) {
        return problems.stream().filter(p -> p.defect() == defect).toList();
    }

    /** Whether the path has a problem of this kind. */
    public boolean has(ChainDefect defect) {
        return problems.stream().anyMatch(p -> p.defect() == defect);
    }

    /** The rejected alternatives as one line of evidence, or {@code null} when there were none. */
    public @Nullable String describeRejected() {
        if (rejected.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (RejectedPath path : rejected) {
            if (!text.isEmpty()) {
                text.append(" | ");
            }
            text.append(path.describe());
        }
        return text.toString();
    }

    public StoredCertificate leaf() {
        return elements.get(0);
    }

    /** The last element: the root when the path reached one, else the certificate whose issuer is missing. */
    public StoredCertificate top() {
        return elements.get(elements.size() - 1);
    }

    /** Thumbprints leaf first, as the report shows the path. */
    public List<String> thumbprints() {
        return elements.stream().map(StoredCertificate::thumbprint).toList();
    }

    /** The path as evidence: {@code THUMBPRINT [MY] > THUMBPRINT [CA] > THUMBPRINT [ROOT]}. */
    public String describe() {
        return describe(elements);
    }

    /** Any list of elements, leaf first, as {@link #describe()} writes a path. */
    public static String describe(List<StoredCertificate> elements) {
        StringBuilder text = new StringBuilder();
        for (StoredCertificate element : elements) {
            if (!text.isEmpty()) {
                text.append(" > ");
            }
            text.append(element.thumbprint()).append(" [").append(element.store()).append(']');
        }
        return text.toString();
    }

    /** Whether the path ends at a self-signed certificate, trusted or not. */
    public boolean reachesRoot() {
        return status != ChainStatus.INCOMPLETE;
    }
}
