package io.certaudit.agent.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A finding's remediation as the steps a person follows: the rule's text split where it lists separate actions
 * (sentences, clauses after a semicolon), with the placeholder {@code THUMBPRINT} replaced by the certificate's.
 */
public final class RemediationSteps {

    private RemediationSteps() {
    }

    public static List<String> of(AuditReport.FindingEntry finding) {
        String text = finding.remediation();
        if (text == null || text.isBlank()) {
            return List.of();
        }
        if (finding.thumbprint() != null) {
            text = text.replaceAll("\\bTHUMBPRINT\\b", finding.thumbprint());
        }
        List<String> steps = new ArrayList<>();
        for (String part : text.split(";\\s+|(?<=\\.)\\s+(?=[A-Z])")) {
            String step = part.trim();
            if (!step.isEmpty()) {
                steps.add(step.substring(0, 1).toUpperCase(Locale.ROOT) + step.substring(1));
            }
        }
        return steps;
    }
}
