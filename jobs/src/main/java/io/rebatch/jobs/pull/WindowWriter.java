package io.rebatch.jobs.pull;

import io.rebatch.readers.platform.Feed;
import io.rebatch.jobs.common.FaultInjection;
import io.rebatch.jobs.importing.ImportCounters;
import io.rebatch.jobs.importing.ImportKind;
import io.rebatch.readers.api.OrderPull;
import io.rebatch.readers.api.TimeWindow;
import io.rebatch.readers.api.WindowResult;
import io.rebatch.readers.report.ReportRow;
import io.rebatch.writers.jdbc.SqlTime;
import io.rebatch.writers.quarantine.QuarantineStore;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Pulls one update-time window per chunk and makes it a committed unit: every page is archived exactly as received
 * (one JSON line per page: the API dump format, so {@code import} can replay it), its rows go through the same
 * store as {@code import} (version-guarded upserts, bad rows to quarantine), and the feed's watermark moves to the
 * window's end — all in the chunk's transaction. The archive file is written under a temporary name and renamed
 * once the window is complete; a window that fails leaves no archive and nothing stored, and is pulled again.
 * Archives are grouped by the business date of the pull ({@code archive/<feed>/<D>/<api>-<start>-<end>.jsonl}, the
 * date of the pull's end), so importing a day's folders and settling replays exactly what {@code run --date D} did.
 */
public class WindowWriter implements ItemWriter<TimeWindow> {
    private final Feed feed;
    private final OrderPull pull;
    private final ImportKind<ReportRow> kind;
    private final QuarantineStore quarantine;
    private final JdbcTemplate jdbc;
    private final Path archiveDir;
    private final String importKey;
    private final StepExecution stepExecution;
    private final FaultInjection faults;
    private final java.time.LocalDate runDate;
    private long windowsSeen;

    public WindowWriter(Feed feed, OrderPull pull, ImportKind<ReportRow> kind, QuarantineStore quarantine,
                        JdbcTemplate jdbc, Path archiveDir, String importKey, StepExecution stepExecution,
                        FaultInjection faults, java.time.LocalDate runDate) {
        this.faults = faults;
        this.runDate = runDate;
        this.feed = feed;
        this.pull = pull;
        this.kind = kind;
        this.quarantine = quarantine;
        this.jdbc = jdbc;
        this.archiveDir = archiveDir;
        this.importKey = importKey;
        this.stepExecution = stepExecution;
    }

    @Override
    public void write(Chunk<? extends TimeWindow> chunk) throws IOException {
        for (TimeWindow w : chunk) {
            windowsSeen++;
            faults.beforeWrite("pull", windowsSeen, windowsSeen);
            pullWindow(w);
        }
    }

    private void pullWindow(TimeWindow w) throws IOException {
        ExecutionContext ctx = stepExecution.getExecutionContext();
        Path target = archiveDir.resolve(feed.name().toLowerCase()).resolve(runDate.toString())
                .resolve(pull.api() + "-" + w.start().getEpochSecond() + "-" + w.end().getEpochSecond() + ".jsonl");
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        ImportCounters counters = new ImportCounters();
        long[] rowNo = {ctx.getLong("rows.read", 0L)};
        long[] bad = {0};
        long[] unpaid = {0};
        try (BufferedWriter archive = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            WindowResult result = pull.pull(w, (rawBody, page) -> {
                try {
                    archive.write(rawBody.replace("\r", "").replace("\n", ""));
                    archive.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot archive a page of " + feed + " to " + tmp, e);
                }
                List<ReportRow> good = new ArrayList<>(page.rows().size());
                List<QuarantineStore.Entry> rejected = new ArrayList<>();
                for (ReportRow row : page.rows()) {
                    rowNo[0]++;
                    if (kind.skipped(row)) {
                        unpaid[0]++;
                        continue;
                    }
                    QuarantineStore.Entry e = kind.rejected(importKey, rowNo[0], row);
                    if (e != null) {
                        rejected.add(new QuarantineStore.Entry(e.importKey(), e.rowNo(), e.kind(), e.platform(),
                                target.getFileName().toString(), e.lineNo(), e.rawText(), e.reason()));
                    } else {
                        good.add(row);
                    }
                }
                bad[0] += rejected.size();
                quarantine.insert(rejected);
                kind.store(good, counters);
            });
            ctx.putLong("requests", ctx.getLong("requests", 0L) + result.requests());
            ctx.putLong("pages", ctx.getLong("pages", 0L) + result.pages());
            ctx.putLong("throttled", ctx.getLong("throttled", 0L) + result.throttled());
        } catch (RuntimeException | IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        jdbc.update("INSERT INTO pull_watermark (feed, pulled_until) VALUES (?, ?) ON DUPLICATE KEY UPDATE"
                + " pulled_until = CASE WHEN pulled_until < VALUES(pulled_until) THEN VALUES(pulled_until)"
                + " ELSE pulled_until END", feed.name(), SqlTime.utc(w.end()));
        ctx.putLong("rows.read", rowNo[0]);
        ctx.putLong("rows.new", ctx.getLong("rows.new", 0L) + counters.newRows);
        ctx.putLong("rows.changed", ctx.getLong("rows.changed", 0L) + counters.changed);
        ctx.putLong("rows.unchanged", ctx.getLong("rows.unchanged", 0L) + counters.unchanged);
        ctx.putLong("rows.stale", ctx.getLong("rows.stale", 0L) + counters.stale);
        ctx.putLong("rows.quarantined", ctx.getLong("rows.quarantined", 0L) + bad[0]);
        ctx.putLong("rows.unpaid", ctx.getLong("rows.unpaid", 0L) + unpaid[0]);
    }
}
