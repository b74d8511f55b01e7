package io.certaudit.agent.remediate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.certaudit.engine.AuditResult;
import io.certaudit.engine.AuditSettings;
import io.certaudit.engine.Finding;

/*
 * The commands are certreq's, as Microsoft documents them ("certreq", Windows Commands,
 * https://learn.microsoft.com/windows-server/administration/windows-commands/certreq_1): "certreq -new [options]
 * [policyfilein [requestfileout]]" with -machine, which "must be consistent with the MachineKeyset INF key";
 * "certreq [-submit] [options] [requestfilein [certfileout ...]]" with "-config CAHostName\CAName"; "certreq -accept
 * [options] [certfilein]", where -machine installs into the machine context when no pending request matches.
 */
/**
 * The three certreq commands that turn a request written by {@code certaudit remediate} into an installed
 * certificate, and the same steps added to the remediation of each finding a new certificate fixes, so that a report
 * reader is pointed at {@code certaudit remediate} and the file it writes for that certificate.
 */
public final class CertreqSteps {

    private CertreqSteps() {
    }

    /** Step 1: make the machine key and the PKCS#10 request from the INF. */
    public static String newRequest(String inf) {
        return "certreq -new -machine " + inf + " " + base(inf) + ".req";
    }

    /** Step 2 with an enterprise CA: submit the request and save the issued certificate. */
    public static String submit(String inf) {
        return "certreq -submit -config \"CAHOST\\CA Name\" " + base(inf) + ".req " + base(inf) + ".cer";
    }

    /** Step 3: install the issued certificate into LocalMachine\My with the key made in step 1. */
    public static String accept(String inf) {
        return "certreq -accept -machine " + base(inf) + ".cer";
    }

    private static String base(String inf) {
        return inf.endsWith(".inf") ? inf.substring(0, inf.length() - ".inf".length()) : inf;
    }

    /**
     * The result with the certreq steps added to the remediation of each finding a new certificate fixes (by the
     * same judgement {@code certaudit remediate} makes); every other finding is unchanged.
     */
    public static AuditResult inRemediations(AuditResult result) {
        Set<String> services = RemediationPlan.serviceThumbprints(result);
        AuditSettings settings = result.context().settings();
        boolean named = settings.poolFqdn() != null || settings.gatewayAddress() != null;
        List<Finding> findings = result.findings().stream().map(finding -> {
            Optional<Remedy> remedy = RemediationPlan.remedyOf(finding, services);
            if (remedy.isEmpty()) {
                return finding;
            }
            String inf = remedy.get() == Remedy.NO_CERTIFICATE ? RemediationFiles.NEW_INF
                    : RemediationFiles.infName(finding.thumbprint());
            List<String> steps = new ArrayList<>(finding.remediationSteps());
            steps.addAll(advice(inf, named));
            return new Finding(finding.rule(), finding.severity(), finding.store(), finding.thumbprint(),
                    finding.subject(), finding.message(), String.join(" ", steps), finding.evidence(), steps);
        }).toList();
        return new AuditResult(result.context(), findings, result.outcomes(), result.status());
    }

    /** The steps after the rule's own, each a sentence the reports list on its own. */
    static List<String> advice(String inf, boolean named) {
        return List.of(
                "A new certificate fixes this: certaudit remediate --output-dir DIR, with the options of this audit"
                        + (named ? "" : " and --pool-fqdn with --instance-fqdn (BEMS) or --gateway-address "
                                + "(Exchange UM)")
                        + ", writes the request " + inf + " and a README.txt into DIR and runs nothing.",
                "Then, in an elevated prompt on this host, create the key and the request: " + newRequest(inf) + ".",
                "Submit " + base(inf) + ".req to the certification authority, an enterprise CA with " + submit(inf)
                        + " (a public CA: upload it as the CA says, asking for a SHA-256 RSA signature).",
                "Install the issued certificate with its key: " + accept(inf) + ".");
    }
}
