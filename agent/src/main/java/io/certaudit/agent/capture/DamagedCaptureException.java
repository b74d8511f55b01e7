package io.certaudit.agent.capture;

import io.certaudit.agent.report.SafeText;

/** A capture whose content does not have the shape its schema gives it; the message says where and what. */
final class DamagedCaptureException extends Exception {

    private static final long serialVersionUID = 1L;

    DamagedCaptureException(String message) {
        // Field names and values come from the file: one line, no control or bidirectional characters.
        super(SafeText.line(message));
    }
}
