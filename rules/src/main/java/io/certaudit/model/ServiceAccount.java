package io.certaudit.model;

/**
 * The account the MTLS service runs as, whose access to keys and stores the audit checks.
 *
 * @param name     as configured or read from the service, e.g. {@code NT SERVICE\GoodTechnology}, {@code LocalSystem}
 * @param sid      the resolved SID in string form, or {@code null} when it did not resolve
 * @param foundBy  how the account was learned, e.g. {@code service "BEMS" logon account}, {@code --service-account}
 */
public record ServiceAccount(String name, String sid, String foundBy) {
}
