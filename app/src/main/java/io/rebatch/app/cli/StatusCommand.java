package io.rebatch.app.cli;

import io.rebatch.writers.ops.JobExecutionReads;
import io.rebatch.writers.ops.JobExecutionReads.Execution;
import io.rebatch.writers.ops.JobExecutionReads.Rerun;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code rebatch status [--date D] [--limit N]} (SPEC 10): what ran and how it went, from Spring Batch's own tables
 * and {@code settle_rerun}. Read-only; exit 0 (2 for a bad option). The format is stable, one record per line, each
 * line starting with its kind, fields as {@code key=value} ({@code "..."} around values with spaces, {@code -} for
 * none), times in Asia/Shanghai with their offset, durations in seconds:
 * <pre>
 * execution 41 settle date=2026-11-25 attempt=2 reason="JD rates fixed" status=COMPLETED exit=COMPLETED start=2026-11-26T02:31:00.123+08:00 end=… duration=2.345s
 *   step settleLines  status=COMPLETED read=40 write=40 filter=0 skip=0 commit=1 rollback=0 duration=1.900s
 *   step settleReport status=COMPLETED read=0 write=0 filter=0 skip=0 commit=1 rollback=0 duration=0.120s
 *   rerun 3 date=2026-11-25 platform=- reason="JD rates fixed" requested_by=alice requested_at=… outcome=COMPLETED delta_rows=12
 * dry-run 2 date=2026-11-25 platform=JD reason="check first" requested_by=alice requested_at=… outcome=- delta_rows=4
 * </pre>
 * <ul>
 *   <li>{@code execution}: id, job name, business keys (identifying parameters by name, {@code attempt} last, a
 *       file digest shortened to 12 characters; then a rerun's {@code reason} and an import's {@code file} name),
 *       status, exit code, start, end, duration; {@code failure=} the first line of the exit description when it
 *       failed. Newest first.</li>
 *   <li>{@code step}: each step of the execution above, in the order it ran, with Spring Batch's counts
 *       ({@code skip} = read + process + write skips) and the first line of its exit description when it
 *       failed.</li>
 *   <li>{@code rerun}: the {@code settle_rerun} row of a rerun that ran as the execution above, with its reason.</li>
 *   <li>{@code dry-run} (and {@code rerun} at the start of a line: a rerun that never started a job): reruns with no
 *       execution, placed by the time they were requested.</li>
 * </ul>
 * Without {@code --date}: the newest {@code --limit} executions (default 20). With {@code --date D}: the newest
 * {@code --limit} executions concerning D — a {@code date} key D (settle, payout), a {@code month} key of D's month
 * (close-month), a pull whose window overlaps D — and D's dry runs. None: {@code no job executions}.
 */
@Command(name = "status", description = "Recent job executions with their business keys, step counts and outcomes,"
        + " and the reruns with their reasons (newest first).")
class StatusCommand implements Callable<Integer> {
    @ParentCommand
    RebatchCommand root;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "Only executions concerning this business date (its settle and payout, its month's close,"
                    + " pulls whose window touches it) and its dry runs")
    LocalDate date;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "At most N executions (default: ${DEFAULT-VALUE})")
    int limit;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1, got " + limit);
        }
        JobExecutionReads reads = new JobExecutionReads(root.bean(JdbcTemplate.class));
        List<Execution> executions = date == null ? reads.recent(limit) : reads.concerning(date, limit);
        Map<Long, List<Rerun>> reruns = reads.rerunsOf(executions.stream().map(Execution::id).toList());
        // Without a date: the dry runs since the oldest execution listed (all of them when the listing is not full).
        Instant since = date != null || executions.size() < limit ? null : executions.get(executions.size() - 1).startedAt();
        List<Rerun> dryRuns = reads.dryRuns(date, since, limit);
        PrintWriter out = root.out();
        if (executions.isEmpty()) {
            out.println(date == null ? "no job executions" : "no job executions concerning " + date);
        }
        StatusText.lines(executions, reruns, dryRuns).forEach(out::println);
        out.flush();
        return RebatchCommand.OK;
    }
}
