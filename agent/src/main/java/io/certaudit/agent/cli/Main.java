package io.certaudit.agent.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.certaudit.agent.eventlog.EventLogException;
import io.certaudit.agent.install.TaskSchedulerException;
import io.certaudit.agent.relaunch.Relaunch;
import io.certaudit.agent.report.OutputException;
import io.certaudit.agent.report.SafeText;
import io.certaudit.agent.report.Utf8PrintWriter;
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

    public static void main(String[] arguments) {
        // A plain `java -jar certaudit.jar` runs the audit in a JVM tuned for it, and exits here; see Relaunch.
        String[] args = Relaunch.inTunedJvm(arguments);
        StartupWarmUp.startFor(args);
        // Takes bytes too, so the JSON report's runs encoded on other threads are copied out as they are.
        PrintWriter out = new Utf8PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, SafeText.utf8Encoder()), true);
        // On Java 17 a console exists only when both standard input and output are a terminal: a pipe or a file
        // (monitoring, a scheduled task) gets no colour.
        int code;
        try {
            code = commandLineFor(args, out, err, Platform.current(System::getenv), System.console() != null)
                    .execute(args);
        } catch (OutOfMemoryError e) {
            // Out of memory on this thread (reading a saved audit, say): one line, exit 3, never a stack trace.
            err.println("certaudit: " + RunAbortedException.outOfMemory().getMessage());
            code = ExitCodes.UNKNOWN;
        }
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * The command line with its output going to {@code out} and {@code err} and environment variables read through
     * {@code environment}, so tests run it in-process and capture everything.
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, Function<String, String> environment) {
        return commandLine(out, err, Platform.current(environment));
    }

    /** The command line on {@code platform}: tests pass one with a fake event log and Task Scheduler. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, Platform platform) {
        return commandLine(out, err, platform, false);
    }

    /** As {@link #commandLine(PrintWriter, PrintWriter, Platform)}, saying whether {@code out} is a terminal. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, Platform platform, boolean terminal) {
        return commandLine(out, err, platform, terminal, CertauditCommand.SUBCOMMANDS);
    }

    /** The command line to run {@code args} with: only the subcommand they name, when they begin with one. */
    static CommandLine commandLineFor(String[] args, PrintWriter out, PrintWriter err, Platform platform,
                                      boolean terminal) {
        Class<?> only = args.length > 0 ? CertauditCommand.runnableNamed(args[0]) : null;
        return commandLine(out, err, platform, terminal, only == null ? CertauditCommand.SUBCOMMANDS : List.of(only));
    }

    /**
     * The command line with only {@code subcommands}. picocli reads every option of every subcommand it is given
     * through reflection before it parses anything, which was a quarter of the time of a small audit: a run whose
     * first argument names its subcommand builds only that one. What it parses and prints is the same, since a
     * subcommand's options, errors and help never mention its siblings; {@code certaudit help} and a run without a
     * subcommand get them all.
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, Platform platform, boolean terminal,
                                   List<Class<?>> subcommands) {
        Factory factory = new Factory(platform, terminal);
        CommandLine commandLine = new CommandLine(new CertauditCommand(), factory);
        for (Class<?> subcommand : subcommands) {
            commandLine.addSubcommand(new CommandLine(subcommand, factory));
        }
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(new ErrorHandler(platform.environment()));
        commandLine.setParameterExceptionHandler(new UsageErrorHandler());
        return commandLine;
    }

    /** Gives subcommands the platform they reach out to, and report options whether standard output is a terminal. */
    private record Factory(Platform platform, boolean terminal) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == ReportOutputOptions.class) {
                return type.cast(new ReportOutputOptions(platform.environment(), terminal));
            }
            if (type == AuditCommand.class) {
                return type.cast(new AuditCommand(platform));
            }
            if (type == InstallCommand.class) {
                return type.cast(new InstallCommand(platform));
            }
            if (type == UninstallCommand.class) {
                return type.cast(new UninstallCommand(platform));
            }
            if (type == StatusCommand.class) {
                return type.cast(new StatusCommand(platform));
            }
            if (type == RemediateCommand.class) {
                return type.cast(new RemediateCommand(platform));
            }
            if (type == CaptureCommand.class) {
                return type.cast(new CaptureCommand(platform));
            }
            if (type == ProbeCommand.class) {
                return type.cast(new ProbeCommand(platform));
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
                OutputException.class, "", TaskSchedulerException.class, "Task Scheduler: ",
                EventLogException.class, "event log: ", RunAbortedException.class, "");

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
                    Throwable warmUp = StartupWarmUp.failure();
                    if (warmUp != null) {
                        err.println("Failed first while starting up on another thread:");
                        warmUp.printStackTrace(err);
                    }
                }
            }
            err.flush();
            return ExitCodes.UNKNOWN;
        }
    }
}
