package io.rebatch.app.cli;

import io.rebatch.domain.BadInputException;
import io.rebatch.jobs.common.RefusedException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rebatch [--db JDBC_URL] [--config DIR] COMMAND} — the finance CLI of SPEC 10. Exit codes: 0 ok, 1 a job
 * failed, 2 bad usage or input, 3 refused. Failures print one line starting with {@code rebatch:}.
 */
@Command(name = "rebatch", mixinStandardHelpOptions = true, version = "rebatch 0.1.0",
        description = "Settlement back office of the cashback app: import, settle, close months, export.",
        subcommands = {LoadCommand.class, ImportCommand.class, SettleCommand.class, CloseMonthCommand.class,
                ExportCommand.class, RunCommand.class, PullCommand.class, SandboxCommand.class, DemoCommand.class})
public class RebatchCommand implements Callable<Integer> {
    public static final int OK = 0;
    public static final int JOB_FAILED = 1;
    public static final int BAD_INPUT = 2;
    public static final int REFUSED = 3;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "Database (default: the embedded H2 database in ./data/). E.g. jdbc:mysql://host:3306/rebatch?user=u&password=p")
    String db;

    @Option(names = "--config", paramLabel = "DIR", defaultValue = "config",
            description = "Config directory with application.yml and rules/*.yml (default: ${DEFAULT-VALUE})")
    Path config;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private ConfigurableApplicationContext context;

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

    /**
     * Runs one command line (the grammar of steps.txt) inside this command's context and options: how the demo
     * drives the same commands a finance script would, without a JVM per step.
     */
    int runStep(PrintWriter stepOut, String... args) {
        RebatchCommand step = new RebatchCommand();
        step.db = db;
        step.config = config;
        step.context = context();
        CommandLine cl = new CommandLine(step);
        cl.setOut(stepOut);
        cl.setErr(spec.commandLine().getErr());
        cl.setExecutionExceptionHandler(EXCEPTION_HANDLER);
        return cl.execute(args);
    }

    <T> T bean(Class<T> type) {
        return context().getBean(type);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return BAD_INPUT;
    }

    private static final CommandLine.IExecutionExceptionHandler EXCEPTION_HANDLER = (ex, commandLine, parseResult) -> {
        commandLine.getErr().println("rebatch: " + oneLine(ex));
        commandLine.getErr().flush();
        return exitCodeOf(ex);
    };

    public static int execute(String... args) {
        RebatchCommand root = new RebatchCommand();
        CommandLine cl = new CommandLine(root);
        cl.setExecutionExceptionHandler(EXCEPTION_HANDLER);
        try {
            return cl.execute(args);
        } finally {
            if (root.context != null) {
                root.context.close();
            }
        }
    }

    static int exitCodeOf(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
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

    static String oneLine(Throwable ex) {
        Throwable t = ex;
        String msg = ex.getMessage();
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            if (t instanceof BadInputException || t instanceof RefusedException || t instanceof IllegalArgumentException) {
                msg = t.getMessage();
            }
        }
        if (msg == null) {
            msg = ex.getClass().getSimpleName();
        }
        return msg.lines().findFirst().orElse(msg);
    }
}
