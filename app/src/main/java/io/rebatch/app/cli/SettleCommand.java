package io.rebatch.app.cli;

import io.rebatch.jobs.common.Operations;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code settle --date D [--all]} (SPEC 10): the result of evaluating every stored line as of the end of D. It visits
 * only the lines that can change since they were last settled (new or changed snapshots and refunds, attribution
 * retries, freezes ending, held lines; see {@code SettleScope}); {@code --all} visits every line.
 */
@Command(name = "settle", description = "Attribute, split and post every stored line as of the end of business date D"
        + " (no pulling), visiting only the lines that can change. Running it again for the same D posts only"
        + " differences.")
class SettleCommand implements Callable<Integer> {
    @ParentCommand
    RebatchCommand root;

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD")
    LocalDate date;

    @Option(names = "--all", description = "Evaluate every stored line again (after a rule-set change or a fix),"
            + " not only the lines that can change")
    boolean all;

    @Override
    public Integer call() {
        Operations ops = root.bean(Operations.class);
        return JobReporting.report(root.out(), root.spec.commandLine().getErr(), "settle " + date,
                root.withProgress("settle " + date, () -> all ? ops.settleAll(date) : ops.settle(date)));
    }
}
