package io.certaudit.chain;

import java.util.Objects;

import io.certaudit.model.StoredCertificate;

/**
 * One defect of a path, naming the element that breaks the rule.
 *
 * @param defect  what is wrong
 * @param element the path element the chain engine marks: the issuer whose constraint is broken, the element
 *                carrying the extension, the distrusted element
 * @param detail  what exactly, in words, e.g. {@code DNS:pool.other.org is not in a permitted subtree}
 */
public record ChainProblem(ChainDefect defect, StoredCertificate element, String detail) {

    public ChainProblem {
        Objects.requireNonNull(defect, "defect");
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(detail, "detail");
    }
}
