package io.certaudit.agent.remediate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.certaudit.catalog.BuiltInRules;
import io.certaudit.engine.RuleInfo;

/**
 * Every rule is either fixed by a new certificate (and its INF holds what that takes) or deliberately not; an INF
 * that lacks a field one of its findings needs is caught.
 */
class InfCompletenessTest {

    /** Findings a new service certificate does not fix: the chain's CAs, the stores, access rights, peers, DNS. */
    private static final Set<String> NOT_FIXED_BY_A_NEW_CERTIFICATE = Set.of(
            "crl-distribution-point-missing", "private-key-not-readable", "store-not-readable",
            "root-store-duplicate", "root-store-too-large", "root-store-non-self-signed", "fqdn-not-resolvable",
            "critical-extension-unknown", "os-chain-disagrees", "certificate-distrusted",
            "chain-not-valid-for-usage", "chain-path-length-exceeded", "chain-issuer-key-usage",
            "chain-untrusted-root", "intermediate-misplaced", "name-constraints-violated", "chain-issuer-not-ca",
            "chain-incomplete", "peer-unreachable", "peer-not-requesting-client-certificate",
            "peer-certificate-not-yet-valid", "peer-certificate-expired", "peer-certificate-expiring",
            "peer-does-not-accept-issuer", "peer-weak-signature-algorithm", "peer-name-mismatch", "peer-untrusted",
            "duplicate-service-certificates", "unreadable-certificate", "store-entry-tampered",
            "certificate-in-user-store", "store-read-partially", "private-key-unverified",
            "certificate-not-yet-valid", "peer-issuer-not-client-auth-issuer", "revocation-status-unavailable",
            // Whether the root is outside Microsoft's program is to be confirmed first (.AuthRoot holds only the
            // program roots the host has downloaded); a request to another CA is then the administrator's choice.
            "chain-root-not-recognised");

    @Test
    void everyRuleIsEitherFixedByANewCertificateOrDeliberatelyNot() {
        Set<String> unclassified = new TreeSet<>();
        Set<String> both = new TreeSet<>();
        for (RuleInfo info : BuiltInRules.catalog().infos()) {
            boolean fixed = Remedy.of(info.id()).isPresent();
            boolean notFixed = NOT_FIXED_BY_A_NEW_CERTIFICATE.contains(info.id());
            if (!fixed && !notFixed) {
                unclassified.add(info.id());
            }
            if (fixed && notFixed) {
                both.add(info.id());
            }
        }
        assertEquals(Set.of(), unclassified, "classify each new rule: a Remedy, or not fixed by a new certificate");
        assertEquals(Set.of(), both);
        Set<String> remedied = new HashSet<>();
        for (Remedy remedy : Remedy.values()) {
            for (String rule : remedy.rules()) {
                assertTrue(BuiltInRules.catalog().find(rule).isPresent(), rule + " is no rule of the catalogue");
                assertTrue(remedied.add(rule), rule + " is in two remedies");
            }
        }
    }

    /** A request carrying every remedy, so that each field any finding needs is required. */
    private static CertificateRequest everything(KeyProvider provider) {
        Map<Remedy, List<String>> reasons = new EnumMap<>(Remedy.class);
        for (Remedy remedy : Remedy.values()) {
            reasons.put(remedy, List.of(remedy.rules().iterator().next() + ": test"));
        }
        return new CertificateRequest("bemsapppool.example.com",
                List.of("bemsapppool.example.com", "bems01.example.com"), List.of("192.0.2.7"), 2048, provider,
                "00112233445566778899AABBCCDDEEFF00112233", "CN=old", reasons);
    }

    @Test
    void anInfLackingAnyFieldAFindingNeedsFailsTheCheck() {
        for (KeyProvider provider : KeyProvider.values()) {
            CertificateRequest request = everything(provider);
            String inf = CertreqInf.render(request);
            assertEquals(List.of(), CertreqInf.missing(InfFile.parse(inf), request));
            List<String> lines = List.of(inf.split("\r\n"));
            int checked = 0;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank() || line.startsWith(";") || line.startsWith("[")
                        || line.startsWith("SMIME") || line.startsWith("2.5.29.17")) {
                    continue;
                }
                List<String> without = new ArrayList<>(lines);
                without.remove(i);
                List<String> missing = CertreqInf.missing(InfFile.parse(String.join("\r\n", without)), request);
                assertFalse(missing.isEmpty(), provider + ": an INF without '" + line + "' passed the check");
                checked++;
            }
            assertTrue(checked >= 15, "checked " + checked + " lines");
        }
    }

    @Test
    void aWrongValueFailsTheCheckToo() {
        CertificateRequest request = everything(KeyProvider.SCHANNEL);
        String inf = CertreqInf.render(request);
        for (String[] change : new String[][] {
            {"Exportable = FALSE", "Exportable = TRUE"},
            {"MachineKeySet = TRUE", "MachineKeySet = FALSE"},
            {"HashAlgorithm = SHA256", "HashAlgorithm = SHA1"},
            {"RequestType = PKCS10", "RequestType = Cert"},
            {"KeyLength = 2048", "KeyLength = 1024"},
            {"Subject = \"CN=bemsapppool.example.com\"", "Subject = \"CN=BEMSapppool.example.com\""},
            {"OID=1.3.6.1.5.5.7.3.2", "OID=1.3.6.1.5.5.7.3.4"}}) {
            assertTrue(inf.contains(change[0]), change[0]);
            List<String> missing = CertreqInf.missing(InfFile.parse(inf.replace(change[0], change[1])), request);
            assertFalse(missing.isEmpty(), change[1] + " passed the check");
        }
    }

    @Test
    void theSanListsEveryNameSeparatedByAmpersandsOnContinueLines() {
        String inf = CertreqInf.render(everything(KeyProvider.KSP));
        assertTrue(inf.contains("2.5.29.17 = \"{text}\"\r\n_continue_ = \"dns=bemsapppool.example.com&\"\r\n"
                + "_continue_ = \"dns=bems01.example.com&\"\r\n_continue_ = \"ipaddress=192.0.2.7\"\r\n"), inf);
        assertEquals("{text}dns=bemsapppool.example.com&dns=bems01.example.com&ipaddress=192.0.2.7",
                InfFile.parse(inf).value("Extensions", "2.5.29.17").orElseThrow());
    }
}
