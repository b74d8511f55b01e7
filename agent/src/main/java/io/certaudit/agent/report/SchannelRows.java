package io.certaudit.agent.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The SCHANNEL settings and Windows version of a report as rows of a small table, worded once so that the text and
 * HTML reports say the same. Each row states what was read and what Microsoft documents the value to mean; whether
 * a finding follows is the rules' business, not this table's. A value that cannot be read, or one no behaviour is
 * documented for, is shown as a warning: what Schannel does then is unknown.
 */
public final class SchannelRows {

    /**
     * One row.
     *
     * @param name   the setting, as the registry names it, or {@code Windows} / {@code Read from}
     * @param value  what was read, and what it means
     * @param health {@link Health#WARNING} when what Windows does with it is unknown, otherwise {@code null}
     */
    public record Row(String name, String value, Health health) {
    }

    private SchannelRows() {
    }

    /** Whether the report knows anything to show: the settings or the Windows version. */
    public static boolean known(AuditReport report) {
        return report.schannel() != null;
    }

    /** The rows of {@code schannel}, which is not {@code null}; values come from the report and are not cleaned. */
    public static List<Row> of(AuditReport.Schannel schannel) {
        List<Row> rows = new ArrayList<>();
        if (schannel.origin() == null) {
            rows.add(new Row("SCHANNEL settings", "not read by the sources", null));
        } else {
            rows.add(sendTrustedIssuerList(schannel.sendTrustedIssuerList()));
            rows.add(clientAuthTrustMode(schannel.clientAuthTrustMode(), schannel.trustMode()));
        }
        rows.add(new Row("Windows", schannel.windowsVersion() == null ? "not told by the sources"
                : schannel.windowsVersion(), null));
        if (schannel.origin() != null) {
            rows.add(new Row("Read from", schannel.origin() + (schannel.where() == null ? ""
                    : ", " + schannel.where()), null));
        }
        return rows;
    }

    // "Transport Layer Security (TLS) registry settings": a non-zero SendTrustedIssuerList sends the list, 0 sends
    // none, and an absent value takes the Windows version's default.
    private static Row sendTrustedIssuerList(AuditReport.DwordValue value) {
        String name = "SendTrustedIssuerList";
        if (value == null) {
            return new Row(name, "not read", null);
        }
        return switch (value.state()) {
            case "value" -> new Row(name, value.value() + (value.value() != null && value.value() == 0
                    ? ": Schannel sends no trusted issuer list" : ": Schannel sends the trusted issuer list"), null);
            case "absent" -> new Row(name, "absent: the Windows version's default (sent up to Windows Server 2008 R2,"
                    + " not sent since Windows Server 2012)", null);
            default -> unreadable(name, value, "whether Schannel sends the list is unknown");
        };
    }

    // "What's New in TLS/SSL (Schannel SSP)": 0 Machine Trust (also when absent), 1 Exclusive Root Trust, 2 Exclusive
    // CA Trust; no other value is documented.
    private static Row clientAuthTrustMode(AuditReport.DwordValue value, String trustMode) {
        String name = "ClientAuthTrustMode";
        if (value == null) {
            return new Row(name, "not read", null);
        }
        return switch (value.state()) {
            case "value" -> trustMode == null
                    ? new Row(name, value.value() + ": no trust mode is documented for this value; what Schannel "
                            + "does is unknown", Health.WARNING)
                    : new Row(name, value.value() + ": " + trustMode, null);
            case "absent" -> new Row(name, "absent: Machine Trust (the default)", null);
            default -> unreadable(name, value, "the trust mode is unknown");
        };
    }

    private static Row unreadable(String name, AuditReport.DwordValue value, String consequence) {
        return new Row(name, "unreadable" + (value.detail() == null ? "" : " (" + value.detail() + ")") + ": "
                + consequence, Health.WARNING);
    }
}
