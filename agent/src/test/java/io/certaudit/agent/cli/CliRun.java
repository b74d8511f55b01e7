package io.certaudit.agent.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs the command line in-process and captures what it prints. */
record CliRun(int exitCode, String out, String err) {

    static CliRun run(String... args) {
        return run(Map.of(), args);
    }

    static CliRun run(Map<String, String> environment, String... args) {
        return run(environment, false, args);
    }

    /** Runs as if standard output were a terminal, where text may be in colour. */
    static CliRun onTerminal(Map<String, String> environment, String... args) {
        return run(environment, true, args);
    }

    private static CliRun run(Map<String, String> environment, boolean terminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true),
                Platform.current(environment::get), terminal).execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Runs on {@code platform}: a fake Windows, or another system. */
    static CliRun run(Platform platform, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), platform).execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "\n--- err\n" + err;
    }
}
