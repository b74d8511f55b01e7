package io.certaudit.agent.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A finding's remediation as the steps a person follows, as the rule's metadata lists them, with the placeholder
 * {@code THUMBPRINT} replaced by the certificate's. A report written before steps were recorded (schema 1.4 and
 * older) has only the text: it is one step.
 */
public final class RemediationSteps {

    private RemediationSteps() {
    }

    public static List<String> of(AuditReport.FindingEntry finding) {
        List<String> given = finding.remediationSteps() != null && !finding.remediationSteps().isEmpty()
                ? finding.remediationSteps()
                : finding.remediation() == null || finding.remediation().isBlank() ? List.of()
                : List.of(finding.remediation());
        List<String> steps = new ArrayList<>();
        for (String step : given) {
            steps.add(finding.thumbprint() == null ? step
                    : step.replaceAll("\\bTHUMBPRINT\\b", finding.thumbprint()));
        }
        return steps;
    }
}
