package io.certaudit.agent.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A finding's remediation as the steps a person follows, as the rule's metadata lists them, with the placeholder
 * {@code THUMBPRINT} replaced by the certificate's. A report written before steps were recorded (schema 1.4 and
 * older) has only the text: it is one step.
 */
public final class RemediationSteps {

    private static final String PLACEHOLDER = "THUMBPRINT";
    private static final Pattern WHOLE_PLACEHOLDER = Pattern.compile("\\b" + PLACEHOLDER + "\\b");

    private RemediationSteps() {
    }

    public static List<String> of(AuditReport.FindingEntry finding) {
        List<String> given = finding.remediationSteps() != null && !finding.remediationSteps().isEmpty()
                ? finding.remediationSteps()
                : finding.remediation() == null || finding.remediation().isBlank() ? List.of()
                : List.of(finding.remediation());
        List<String> steps = new ArrayList<>();
        for (String step : given) {
            steps.add(finding.thumbprint() == null || !step.contains(PLACEHOLDER) ? step
                    : WHOLE_PLACEHOLDER.matcher(step).replaceAll(finding.thumbprint()));
        }
        return steps;
    }
}
