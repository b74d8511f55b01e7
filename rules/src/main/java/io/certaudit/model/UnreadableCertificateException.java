package io.certaudit.model;

/** Bytes that do not decode as an X.509 certificate. Sources turn it into a {@link SourceProblem}. */
public final class UnreadableCertificateException extends Exception {
    private static final long serialVersionUID = 1L;

    public UnreadableCertificateException(String message, Throwable cause) {
        super(message, cause);
    }
}
