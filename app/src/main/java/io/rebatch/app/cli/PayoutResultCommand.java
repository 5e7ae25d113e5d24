package io.rebatch.app.cli;

import io.rebatch.domain.Money;
import io.rebatch.jobs.payout.Payouts;
import io.rebatch.writers.quarantine.QuarantineStore;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code payout-result FILE} (SPEC §7, §10): applies Alipay's result file. Prints the counts, then one line per
 * refused row (at most 50; all are in {@code export quarantine}), payee masked. Refused rows do not stop the rest
 * of the file and do not change the exit code (0), like quarantined rows of an import; a file that is not a result
 * file at all exits 2.
 */
@Command(name = "payout-result", description = "Apply Alipay's batch-transfer result file: success -> PAID,"
        + " failure -> back to available; importing it again changes nothing.")
class PayoutResultCommand implements Callable<Integer> {
    @ParentCommand
    RebatchCommand root;

    @Parameters(paramLabel = "FILE")
    Path file;

    @Override
    public Integer call() {
        Payouts.ResultRun run = root.bean(Payouts.class).importResult(file);
        if (!run.outcome().succeeded()) {
            return JobReporting.report(root.out(), root.spec.commandLine().getErr(), "payout-result " + file,
                    run.outcome());
        }
        root.out().println("payout-result " + file + ": paid " + run.paid() + " (" + Money.formatYuan(run.paidFen())
                + " yuan), failed " + run.failed() + ", unchanged " + run.unchanged() + ", refused " + run.refused()
                + " (execution " + run.outcome().execution().getId() + ")");
        if (run.refused() > 0) {
            for (QuarantineStore.Entry e : run.refusedRows()) {
                root.out().println("  refused line " + e.lineNo() + ": " + e.reason());
            }
        }
        root.out().flush();
        return RebatchCommand.OK;
    }
}
