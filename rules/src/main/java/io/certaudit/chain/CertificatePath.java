package io.certaudit.chain;

import java.util.List;
import java.util.Objects;

import io.certaudit.model.StoredCertificate;

/**
 * One certificate's path, leaf first. Each element is the store entry chosen for it, so its store is where it was
 * found.
 *
 * @param elements      leaf first; the last element is the root when {@code status} is not INCOMPLETE
 * @param status        the verdict
 * @param missingIssuer when INCOMPLETE, the distinguished name of the issuer found in no store; else {@code null}
 */
public record CertificatePath(List<StoredCertificate> elements, ChainStatus status, String missingIssuer) {

    public CertificatePath {
        elements = List.copyOf(elements);
        Objects.requireNonNull(status, "status");
        if (elements.isEmpty()) {
            throw new IllegalArgumentException("a path holds at least its leaf");
        }
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
