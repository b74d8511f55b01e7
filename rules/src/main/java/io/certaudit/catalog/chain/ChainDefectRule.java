package io.certaudit.catalog.chain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.certaudit.chain.CertificatePath;
import io.certaudit.chain.ChainDefect;
import io.certaudit.chain.ChainProblem;
import io.certaudit.engine.AuditContext;
import io.certaudit.engine.CertificateRule;
import io.certaudit.engine.Findings;
import io.certaudit.engine.Scope;
import io.certaudit.model.StoredCertificate;

/**
 * A rule that reports, on each service certificate, the problems of one kind the chain analysis found on its path:
 * one finding per problem, naming the element the chain engine would mark, with the trust-status bits Windows sets
 * and the paths the search rejected as evidence.
 */
abstract class ChainDefectRule extends CertificateRule {

    /** The defects this rule reports. */
    protected abstract List<ChainDefect> defects();

    /** The message's opening, before the problem's own words: what broke, for whom. */
    protected abstract String lead(StoredCertificate certificate);

    @Override
    protected Scope scope() {
        return Scope.SERVICE_CERTIFICATES;
    }

    @Override
    protected void check(StoredCertificate certificate, AuditContext context, Findings findings) {
        CertificatePath path = context.chains().pathOf(certificate);
        for (ChainProblem problem : path.problems()) {
            if (!defects().contains(problem.defect())) {
                continue;
            }
            findings.add(certificate, lead(certificate) + ": " + problem.detail() + ".", evidence(path, problem));
        }
    }

    static Map<String, String> evidence(CertificatePath path, ChainProblem problem) {
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("path", path.describe());
        evidence.put("element", problem.element().thumbprint());
        evidence.put("elementStore", problem.element().store().name());
        evidence.put("windowsTrustStatus", String.format("0x%08X %s", problem.defect().trustStatusBits(),
                problem.defect().trustStatusNames()));
        String rejected = path.describeRejected();
        if (rejected != null) {
            evidence.put("rejectedPaths", rejected);
        }
        return evidence;
    }
}
