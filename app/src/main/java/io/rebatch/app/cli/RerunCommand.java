package io.rebatch.app.cli;

import io.rebatch.domain.Platform;
import io.rebatch.jobs.common.Reruns;
import io.rebatch.jobs.settle.SettleDryRun;
import io.rebatch.writers.csv.AtomicFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code rerun --date D [--platform P] --reason TEXT [--dry-run [--out FILE]] [--all]} (SPEC 10). The real rerun
 * prints the settle's one line plus {@code rerun N recorded (reason ...), M user/bucket rows changed}. The dry run
 * prints the CSV {@code user_id,bucket,delta_fen} (sorted by user id, then bucket; only non-zero rows) on stdout, or
 * writes it atomically to FILE and prints one summary line; it posts nothing.
 *
 * <p>A rerun, like a settle, visits only the lines that can change (new input, due by date; see
 * {@code SettleScope}); {@code --all} makes it (and its dry run) evaluate every stored line of its scope again —
 * what a rule-set change or a fixed bug needs. It is recorded as a job parameter of the execution.
 */
@Command(name = "rerun", description = "Settle business date D again, recorded with its reason; --dry-run prints"
        + " the ledger difference (user_id,bucket,delta_fen) the real rerun would post, and posts nothing.")
class RerunCommand implements Callable<Integer> {
    static final String HEADER = "user_id,bucket,delta_fen";

    @ParentCommand
    RebatchCommand root;

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD")
    LocalDate date;

    @Option(names = "--platform", paramLabel = "taobao|jd|pdd", description = "Only this platform's lines")
    String platform;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (recorded, shown by status)")
    String reason;

    @Option(names = "--dry-run", description = "Print the difference, post nothing")
    boolean dryRun;

    @Option(names = "--out", paramLabel = "FILE", description = "With --dry-run: write the CSV to FILE")
    Path out;

    @Option(names = "--all", description = "Evaluate every stored line again, not only those that can change")
    boolean all;

    @Override
    public Integer call() {
        Platform p = platform == null ? null : Platform.parse(platform);
        if (out != null && !dryRun) {
            throw new IllegalArgumentException("--out is only for --dry-run");
        }
        Reruns reruns = root.bean(Reruns.class);
        String what = "rerun " + date + (p == null ? "" : " " + p.name().toLowerCase(java.util.Locale.ROOT));
        if (!dryRun) {
            Reruns.Result r = root.withProgress(what, () -> reruns.rerun(date, p, reason, all));
            int code = JobReporting.report(root.out(), root.spec.commandLine().getErr(), what, r.outcome());
            root.out().println(what + ": rerun " + r.rerunId() + " recorded, " + r.deltaRows()
                    + " user/bucket rows changed");
            root.out().flush();
            return code;
        }
        Reruns.DryResult r = reruns.dryRun(date, p, reason, all);
        if (out == null) {
            PrintWriter w = root.out();
            write(w, r.difference());
            w.flush();
        } else {
            AtomicFile.write(out, StandardCharsets.UTF_8, w -> write(w, r.difference()));
            root.out().println(what + " --dry-run: " + r.difference().size() + " user/bucket rows to " + out
                    + " (nothing posted)");
            root.out().flush();
        }
        return RebatchCommand.OK;
    }

    static void write(Writer w, List<SettleDryRun.Delta> difference) {
        try {
            w.write(HEADER);
            w.write('\n');
            for (SettleDryRun.Delta d : difference) {
                w.write(d.userId() + "," + d.bucket() + "," + d.deltaFen() + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
