package io.rebatch.app.cli;

import io.rebatch.jobs.common.Operations;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "settle", description = "Attribute, split and post every stored line as of the end of business date D"
        + " (no pulling). Running it again for the same D posts only differences.")
class SettleCommand implements Callable<Integer> {
    @ParentCommand
    RebatchCommand root;

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD")
    LocalDate date;

    @Override
    public Integer call() {
        return JobReporting.report(root.out(), root.spec.commandLine().getErr(), "settle " + date,
                root.withProgress("settle " + date, () -> root.bean(Operations.class).settle(date)));
    }
}
