package io.certaudit.model;

import java.util.List;
import java.util.Objects;

/**
 * What a source learned about one account's access to one securable object (a key file, a store's
 * registry key).
 *
 * @param object        the object, e.g. {@code C:\ProgramData\Microsoft\Crypto\Keys\ab12...} or
 *                      {@code MACHINE\SOFTWARE\Microsoft\SystemCertificates\MY}
 * @param account       the account checked, as {@code DOMAIN\name}, or {@code null} when none was configured
 * @param accountSid    the account's SID in string form, or {@code null}
 * @param canRead       whether the account has the read right the service needs
 * @param sddl          the object's security descriptor in SDDL, evidence for the report, or {@code null}
 * @param entries       the access control entries in readable form, e.g. {@code allow NT SERVICE\bems: read}
 * @param unknownReason why {@code canRead} is UNKNOWN (e.g. the privilege the agent lacks), or {@code null}
 */
public record AccessFacts(String object, String account, String accountSid, Tristate canRead, String sddl,
                          List<String> entries, String unknownReason) {

    public AccessFacts {
        Objects.requireNonNull(canRead, "canRead");
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    public static AccessFacts unknown(String object, String account, String reason) {
        return new AccessFacts(object, account, null, Tristate.UNKNOWN, null, List.of(), reason);
    }
}
