package io.rebatch.app.cli;

import io.rebatch.domain.BadInputException;
import io.rebatch.jobs.common.JobRunner;
import io.rebatch.jobs.common.RefusedException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rebatch [--db JDBC_URL] [--config DIR] COMMAND} — the finance CLI of SPEC 10. Exit codes: 0 ok, 1 a job
 * failed, 2 bad usage or input, 3 refused (see {@link #execute}). Failures print one line starting with
 * {@code rebatch:} on stderr; stack traces go to the log file ({@code logs/rebatch.log}) only, never the console.
 */
@Command(name = "rebatch", mixinStandardHelpOptions = true, version = "rebatch 0.1.0",
        description = "Settlement back office of the cashback app: import, settle, close months, export.",
        subcommands = {LoadCommand.class, ImportCommand.class, SettleCommand.class, CloseMonthCommand.class,
                ExportCommand.class, WithdrawCommand.class,
                PayoutCommand.class, PayoutResultCommand.class, ServeCommand.class, RunCommand.class, PullCommand.class, SandboxCommand.class, DemoCommand.class,
                StatusCommand.class, ReportCommand.class, ExplainCommand.class, RerunCommand.class,
                RestartCommand.class, RecoverCommand.class, SchedulerCommand.class})
public class RebatchCommand implements Callable<Integer> {
    public static final int OK = 0;
    public static final int JOB_FAILED = 1;
    public static final int BAD_INPUT = 2;
    public static final int REFUSED = 3;

    private static final Logger log = LoggerFactory.getLogger(RebatchCommand.class);

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "Database (default: the embedded H2 database in ./data/). E.g. jdbc:mysql://host:3306/rebatch;"
                    + " user and password from REBATCH_DB_USER/REBATCH_DB_PASSWORD or spring.datasource.username/password"
                    + " in <config>/application.yml (or ?user=u&password=p in the URL)")
    String db;

    @Option(names = "--config", paramLabel = "DIR", defaultValue = "config",
            description = "Config directory with application.yml and rules/*.yml (default: ${DEFAULT-VALUE})")
    Path config;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private ConfigurableApplicationContext context;

    /** A step run in-process by another command ({@code demo}): its jobs show no progress. */
    private boolean progressOff;

    /** The Spring context, started on first use with the global options. */
    ConfigurableApplicationContext context() {
        return context(Map.of());
    }

    ConfigurableApplicationContext context(Map<String, Object> extra) {
        if (context == null) {
            context = RebatchContext.start(db, config, extra);
        }
        return context;
    }

    /** The web context of {@code serve} (REST layer on a servlet server), started once with the global options. */
    ConfigurableApplicationContext webContext(Map<String, Object> extra) {
        if (context == null) {
            context = RebatchContext.startWeb(db, config, extra);
        }
        return context;
    }

    /**
     * Runs one command line (the grammar of steps.txt) inside this command's context and options: how the demo
     * drives the same commands a finance script would, without a JVM per step.
     */
    int runStep(PrintWriter stepOut, String... args) {
        return runStep(stepOut, spec.commandLine().getErr(), args);
    }

    /** Like {@link #runStep(PrintWriter, String...)}, with the step's error lines going to {@code stepErr}. */
    int runStep(PrintWriter stepOut, PrintWriter stepErr, String... args) {
        RebatchCommand step = new RebatchCommand();
        step.db = db;
        step.config = config;
        step.context = context();
        step.progressOff = true;
        CommandLine cl = commandLine(step);
        cl.setOut(stepOut);
        cl.setErr(stepErr);
        return cl.execute(args);
    }

    /**
     * Runs a command's jobs ({@code jobs}, in this thread) while {@link JobProgress} shows their progress on stderr,
     * labelled {@code what} (e.g. {@code settle 2026-11-25}); nothing for a step run in-process by another command.
     */
    <T> T withProgress(String what, java.util.function.Supplier<T> jobs) {
        JobProgress progress = progressOff ? JobProgress.off()
                : JobProgress.start(what, bean(org.springframework.batch.core.repository.JobRepository.class),
                        bean(org.springframework.jdbc.core.JdbcTemplate.class), spec.commandLine().getErr(),
                        context().getEnvironment().getProperty(JobProgress.INTERVAL_PROPERTY));
        try (progress) {
            return jobs.get();
        }
    }

    <T> T bean(Class<T> type) {
        return context().getBean(type);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("rebatch: missing command (see 'rebatch --help')");
        spec.commandLine().getErr().flush();
        return BAD_INPUT;
    }

    /** The secrets this run knows (the database password, the API's JWT secret), masked in every line it prints. */
    private String[] secrets() {
        if (context == null) {
            return new String[0];
        }
        return new String[] {context.getEnvironment().getProperty("spring.datasource.password"),
                context.getEnvironment().getProperty("rebatch.api.jwt-secret")};
    }

    /**
     * A command that threw: one line on stderr ({@code rebatch: ...}, passwords masked), the stack trace to the log
     * file only (once the context has configured logging: before that nothing may log, or Logback's default
     * console appender would print it).
     */
    private static final CommandLine.IExecutionExceptionHandler EXCEPTION_HANDLER = (ex, commandLine, parseResult) -> {
        Object rootObject = commandLine.getCommandSpec().root().userObject();
        RebatchCommand root = rootObject instanceof RebatchCommand r ? r : null;
        String[] secrets = root == null ? new String[0] : root.secrets();
        if (root != null && root.context != null) {
            // The command's name only: its arguments may hold payee names or accounts (withdraw), never logged.
            log.error("command failed command={}", commandLine.getCommandSpec().qualifiedName(), ex);
        }
        commandLine.getErr().println("rebatch: " + RebatchContext.mask(oneLine(ex), secrets));
        commandLine.getErr().flush();
        return exitCodeOf(ex);
    };

    /** Bad usage (unknown option, missing argument, bad value): one line, exit code 2, no usage dump. */
    private static final CommandLine.IParameterExceptionHandler PARAMETER_HANDLER = (ex, args) -> {
        CommandLine cl = ex.getCommandLine();
        String message = ex.getMessage() == null ? "bad usage" : ex.getMessage().strip();
        cl.getErr().println("rebatch: " + RebatchContext.mask(message.lines().findFirst().orElse(message))
                + " (see '" + cl.getCommandSpec().qualifiedName() + " --help')");
        cl.getErr().flush();
        return BAD_INPUT;
    };

    private static CommandLine commandLine(Object command) {
        CommandLine cl = new CommandLine(command);
        cl.setExecutionExceptionHandler(EXCEPTION_HANDLER);
        cl.setParameterExceptionHandler(PARAMETER_HANDLER);
        // Messages an operator can act on instead of picocli's "(java.time.format.DateTimeParseException: ...)".
        cl.registerConverter(LocalDate.class, text -> {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + text + "' is not a date (YYYY-MM-DD)");
            }
        });
        cl.registerConverter(YearMonth.class, text -> {
            try {
                return YearMonth.parse(text);
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + text + "' is not a month (YYYY-MM)");
            }
        });
        return cl;
    }

    /**
     * Runs one command line and returns its exit code; never throws and never prints a stack trace. Exit codes:
     * <ul>
     *   <li>0 — done.</li>
     *   <li>1 — a job or the command failed ({@code rebatch: <what> failed: <reason>}), including a database that
     *       cannot be reached and a failed database migration.</li>
     *   <li>2 — bad usage (unknown command or option, bad value) or bad input ({@link BadInputException}
     *       anywhere in the cause chain, e.g. a file in the wrong encoding or without a required column; wrong
     *       database credentials; an unusable {@code --db} URL).</li>
     *   <li>3 — refused: {@link RefusedException} (another job holds the lock, already complete), or the embedded
     *       database file held by another process.</li>
     * </ul>
     */
    public static int execute(String... args) {
        RebatchCommand root = new RebatchCommand();
        CommandLine cl = commandLine(root);
        try {
            return cl.execute(args);
        } finally {
            if (root.context != null) {
                try {
                    root.context.close();
                } catch (RuntimeException e) {
                    log.warn("closing the context failed reason={}", e.getMessage());
                }
            }
        }
    }

    /**
     * The exit code of a command that threw. The first exception in the cause chain that says what happened
     * decides: a start-up failure carries its own code; {@link RefusedException} 3; {@link BadInputException},
     * {@link IllegalArgumentException}, {@link DateTimeParseException} 2; anything else 1.
     */
    static int exitCodeOf(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof RebatchContext.StartFailure f) {
                return f.exitCode();
            }
            if (t instanceof RefusedException) {
                return REFUSED;
            }
            if (t instanceof BadInputException || t instanceof IllegalArgumentException
                    || t instanceof DateTimeParseException) {
                return BAD_INPUT;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return JOB_FAILED;
    }

    /**
     * The exit code of a job outcome, for {@code JobReporting}: 0 when it succeeded; a failed job whose step or
     * job failure exceptions hold a {@link BadInputException} anywhere in their cause chain (a file refused whole:
     * wrong encoding, missing column) 2; one holding a {@link RefusedException} 3; any other failure 1.
     */
    public static int exitCodeOf(JobRunner.Outcome outcome) {
        if (outcome.succeeded()) {
            return OK;
        }
        if (outcome.execution() == null) {
            return JOB_FAILED;
        }
        for (Throwable t : outcome.execution().getAllFailureExceptions()) {
            int code = exitCodeOf(t);
            if (code == BAD_INPUT && !hasInChain(t, BadInputException.class)) {
                continue; // an IllegalArgumentException inside a job is a bug or a failure, not the operator's input
            }
            if (code != JOB_FAILED) {
                return code;
            }
        }
        return JOB_FAILED;
    }

    private static boolean hasInChain(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    static String oneLine(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RebatchContext.StartFailure) {
                return firstLine(t.getMessage(), t);
            }
        }
        Throwable t = ex;
        String msg = ex.getMessage();
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            if (t instanceof BadInputException || t instanceof RefusedException || t instanceof IllegalArgumentException) {
                msg = t.getMessage();
            }
        }
        return firstLine(msg, ex);
    }

    private static String firstLine(String msg, Throwable ex) {
        if (msg == null || msg.isBlank()) {
            return ex.getClass().getSimpleName();
        }
        String m = msg.strip();
        return m.lines().findFirst().orElse(m);
    }
}
