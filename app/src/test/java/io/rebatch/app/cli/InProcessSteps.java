package io.rebatch.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.function.IntConsumer;
import picocli.CommandLine;

/**
 * Test access to {@link RebatchCommand#runStep}: several CLI steps in one Spring context, as the demo runs them,
 * instead of a context per step ({@code RebatchCommand.execute}), which costs about 2 s a step.
 */
public final class InProcessSteps {
    private InProcessSteps() {
    }

    /**
     * Runs each step's arguments ({@code --db URL --config DIR COMMAND ...}, all steps on the database of the
     * first) and returns the exit code of the first step that does not exit 0, or 0.
     */
    public static int run(List<String[]> steps) {
        return run(steps, i -> { });
    }

    /** Like {@link #run(List)}, calling {@code afterStep} with the index of each step that exited 0. */
    public static int run(List<String[]> steps, IntConsumer afterStep) {
        if (steps.isEmpty()) {
            return RebatchCommand.OK;
        }
        RebatchCommand root = new RebatchCommand();
        new CommandLine(root).parseArgs(steps.get(0)); // the global options (--db, --config) of the first step
        PrintWriter out = new PrintWriter(System.out, true);
        try {
            for (String[] step : steps) {
                int code = root.runStep(out, step);
                if (code != RebatchCommand.OK) {
                    return code;
                }
                afterStep.accept(steps.indexOf(step));
            }
            return RebatchCommand.OK;
        } finally {
            root.context().close();
        }
    }

    /** One step's exit code and what it printed on stdout and stderr. */
    public record StepResult(int code, String out, String err) {
    }

    /**
     * One Spring context for many steps, every step run whatever the previous one's exit code was (unlike
     * {@link #run}), each step's output captured: how a child process sends a batch of {@code withdraw} commands.
     */
    public static final class Session implements AutoCloseable {
        private final RebatchCommand root = new RebatchCommand();

        /** Starts the context of the global options ({@code --db URL --config DIR}). */
        public Session(String... globalOptions) {
            new CommandLine(root).parseArgs(globalOptions);
            root.context();
        }

        /** Runs one step, given with the global options as in {@link #run}: {@code --db URL --config DIR COMMAND ...}. */
        public StepResult run(String... step) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = root.runStep(new PrintWriter(out, true), new PrintWriter(err, true), step);
            return new StepResult(code, out.toString(), err.toString());
        }

        @Override
        public void close() {
            root.context().close();
        }
    }
}
