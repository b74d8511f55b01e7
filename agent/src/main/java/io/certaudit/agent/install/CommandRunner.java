package io.certaudit.agent.install;

import java.io.IOException;
import java.util.List;

/** Runs a program and collects what it printed; tests replace it to check the command lines. */
public interface CommandRunner {

    /** What a program printed and how it exited. */
    record Result(int exitCode, String out, String err) {
        /** The most useful text for an error message: standard error, else standard output. */
        public String message() {
            String text = err.isBlank() ? out : err;
            return text.strip();
        }
    }

    /**
     * Runs {@code command} to its end. When {@code interactive}, the program reads from this console (schtasks
     * asking for a password) and prints straight to it, so the result holds only the exit code.
     */
    Result run(List<String> command, boolean interactive) throws IOException, InterruptedException;
}
