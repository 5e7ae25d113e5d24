package io.rebatch.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "demo", description = "Generate a realistic multi-day scenario, import and settle it day by day on the"
        + " embedded database, close the month, and print a summary.")
class DemoCommand implements Callable<Integer> {
    @ParentCommand
    RebatchCommand root;

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("demo is not built yet");
    }
}
