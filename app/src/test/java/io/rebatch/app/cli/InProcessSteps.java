package io.rebatch.app.cli;

import java.io.PrintWriter;
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
}
