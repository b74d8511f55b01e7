package io.certaudit.agent.source;

/** How a failure is worded in a problem: its message, or its kind when it has none. */
final class Failures {

    private Failures() {
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
