package io.certaudit.agent.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;

import io.certaudit.agent.report.OutputException;
import io.certaudit.agent.source.SourceException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** Entry point: {@code java -jar certaudit.jar ...}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = commandLine(out, err, System::getenv).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * The command line with its output going to {@code out} and {@code err} and environment variables read through
     * {@code environment}, so tests run it in-process and capture everything.
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, Function<String, String> environment) {
        CommandLine commandLine = new CommandLine(new CertauditCommand(), new Factory(out, err, environment));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(new ErrorHandler(environment));
        commandLine.setParameterExceptionHandler(new UsageErrorHandler());
        return commandLine;
    }

    /** Gives subcommands the writers and environment they need. */
    private record Factory(PrintWriter out, PrintWriter err, Function<String, String> environment)
            implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == AuditCommand.class) {
                return type.cast(new AuditCommand(environment));
            }
            if (type == ProbeCommand.class) {
                return type.cast(new ProbeCommand(environment));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }

    /** Bad options: the message and a pointer to help, never a stack trace; exit 3. */
    private static final class UsageErrorHandler implements IParameterExceptionHandler {
        @Override
        public int handleParseException(ParameterException e, String[] args) {
            CommandLine command = e.getCommandLine();
            PrintWriter err = command.getErr();
            err.println("certaudit: " + e.getMessage());
            err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for the options.");
            return ExitCodes.UNKNOWN;
        }
    }

    /** Maps exceptions to exit codes in one place: the audit could not run, so exit 3 with a clear message. */
    private record ErrorHandler(Function<String, String> environment) implements IExecutionExceptionHandler {
        private static final Map<Class<? extends Exception>, String> EXPECTED = Map.of(
                UsageException.class, "", SourceException.class, "cannot read the source: ",
                OutputException.class, "");

        @Override
        public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
            PrintWriter err = command.getErr();
            String prefix = EXPECTED.get(e.getClass());
            if (prefix != null) {
                err.println("certaudit: " + prefix + e.getMessage());
            } else {
                err.println("certaudit: internal error: " + e);
                err.println("The audit could not run. Set CERTAUDIT_DEBUG=1 for details and report them.");
                if (environment.apply("CERTAUDIT_DEBUG") != null) {
                    e.printStackTrace(err);
                }
            }
            err.flush();
            return ExitCodes.UNKNOWN;
        }
    }
}
