package io.rebatch.app.cli;

import io.rebatch.domain.Money;
import io.rebatch.jobs.payout.PayoutJobConfiguration;
import io.rebatch.jobs.payout.Payouts;
import io.rebatch.writers.payout.PayoutBatchStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code payout --date D [--encoding GB18030] [--out DIR]} (SPEC §7, §10): one batch per date and its file with
 * {@code .sha256}. Prints {@code payout D: batch B… created|exists (N withdrawals, X yuan), file <path> written|
 * verified} or {@code payout D: nothing due}.
 */
@Command(name = "payout", description = "Batch the REQUESTED withdrawals of date D (requested before 10:00"
        + " Asia/Shanghai) and write the Alipay payout file; running it again reports the existing batch.")
class PayoutCommand implements Callable<Integer> {
    @ParentCommand
    RebatchCommand root;

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD")
    LocalDate date;

    @Option(names = "--encoding", paramLabel = "ENC", defaultValue = "UTF-8",
            description = "UTF-8 (default) or GB18030")
    String encoding;

    @Option(names = "--out", paramLabel = "DIR", description = "Directory of the payout file (default: payouts)")
    Path out;

    @Override
    public Integer call() {
        Payouts.PayoutRun run = root.withProgress("payout " + date,
                () -> root.bean(Payouts.class).payout(date, encoding, out));
        PrintWriter err = root.spec.commandLine().getErr();
        if (!run.outcome().succeeded()) {
            return JobReporting.report(root.out(), err, "payout " + date, run.outcome());
        }
        PayoutBatchStore.Batch b = run.batch();
        StringBuilder sb = new StringBuilder("payout ").append(date).append(": ");
        if (b == null) {
            sb.append("nothing due (no REQUESTED withdrawal before the cut-off)");
        } else {
            sb.append("batch ").append(b.batchNo()).append(' ')
                    .append(run.state() == PayoutJobConfiguration.State.CREATED ? "created" : "exists")
                    .append(" (").append(b.lineCount()).append(" withdrawals, ").append(Money.formatYuan(b.totalFen()))
                    .append(" yuan, ").append(b.encoding()).append("), file ").append(run.file()).append(' ')
                    .append(run.fileResult() == null ? "unchanged"
                            : run.fileResult().name().toLowerCase(Locale.ROOT))
                    .append(" with ").append(run.file().getFileName()).append(".sha256");
        }
        root.out().println(sb);
        root.out().flush();
        return RebatchCommand.OK;
    }
}
