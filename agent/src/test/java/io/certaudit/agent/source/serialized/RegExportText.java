package io.certaudit.agent.source.serialized;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Writes .reg text by hand as {@code reg export} does: the version line, {@code [key]} lines after a blank
 * line, {@code "Blob"=hex:} with lowercase comma-separated bytes continued with {@code ,\} and two spaces of
 * indent once a line passes 76 columns, CRLF line ends; encoded UTF-16LE with a byte-order mark.
 */
final class RegExportText {

    static final String MACHINE = "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\SystemCertificates\\";
    static final String POLICIES = "HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\SystemCertificates\\";
    static final String ENTERPRISE = "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\EnterpriseCertificates\\";
    static final String USER = "HKEY_CURRENT_USER\\Software\\Microsoft\\SystemCertificates\\";

    private final StringBuilder text = new StringBuilder("Windows Registry Editor Version 5.00\r\n");

    /** Adds {@code [path]}. */
    RegExportText key(String path) {
        text.append("\r\n[").append(path).append("]\r\n");
        return this;
    }

    /** Adds a certificate key named {@code keyName} under {@code storePath} (e.g. {@code MACHINE + "MY"}). */
    RegExportText certificate(String storePath, String keyName, byte[] blob) {
        return key(storePath + "\\Certificates\\" + keyName).binary("Blob", blob);
    }

    /** Adds a whole element for {@code der}: its SHA-1 property and the certificate, keyed by its thumbprint. */
    RegExportText certificate(String storePath, byte[] der) {
        String thumbprint = TestCertificates.thumbprint(der);
        return certificate(storePath, thumbprint, SerializedBytes.concat(
                SerializedBytes.entry(3, SerializedBytes.hex(thumbprint)), SerializedBytes.entry(32, der)));
    }

    RegExportText binary(String name, byte[] data) {
        StringBuilder line = new StringBuilder("\"" + name + "\"=hex:");
        for (int i = 0; i < data.length; i++) {
            line.append(String.format(Locale.ROOT, "%02x", data[i] & 0xFF));
            if (i < data.length - 1) {
                line.append(',');
                if (line.length() > 75) {
                    text.append(line).append("\\\r\n");
                    line = new StringBuilder("  ");
                }
            }
        }
        text.append(line).append("\r\n");
        return this;
    }

    RegExportText line(String raw) {
        text.append(raw).append("\r\n");
        return this;
    }

    String text() {
        return text.toString();
    }

    /** UTF-16LE with its byte-order mark, as {@code reg export} writes. */
    byte[] utf16() {
        return encode(StandardCharsets.UTF_16LE, new byte[] {(byte) 0xFF, (byte) 0xFE});
    }

    byte[] encode(Charset charset, byte[] byteOrderMark) {
        return SerializedBytes.concat(byteOrderMark, text().getBytes(charset));
    }
}
