package io.rebatch.jobs.pull;

import io.rebatch.jobs.common.FaultInjection;
import io.rebatch.jobs.importing.BadRowException;
import io.rebatch.jobs.importing.ImportCounters;
import io.rebatch.jobs.importing.ImportKind;
import io.rebatch.jobs.importing.ImportRow;
import io.rebatch.jobs.importing.ImportRowProcessor;
import io.rebatch.readers.api.OrderPull;
import io.rebatch.readers.api.TimeWindow;
import io.rebatch.readers.api.WindowResult;
import io.rebatch.readers.platform.Feed;
import io.rebatch.readers.report.ParsedPage;
import io.rebatch.readers.report.ReportRow;
import io.rebatch.writers.pull.PageArchive;
import io.rebatch.writers.pull.PullWatermarks;
import io.rebatch.writers.quarantine.QuarantineStore;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Pulls one update-time window per chunk and makes it a committed unit: every page is archived exactly as received
 * ({@link PageArchive}: the API dump format, so {@code import} can replay it; the file appears only once the window
 * is complete), its rows are judged by the same {@link ImportRowProcessor} as an imported file's and stored by the
 * same kind (version-guarded upserts, bad rows to quarantine), and the feed's watermark moves to the window's end
 * ({@link PullWatermarks}) — all in the chunk's transaction. A window that fails leaves no archive and nothing
 * stored, and is pulled again. Archives are grouped by the business date of the pull (the date of the pull's end),
 * so importing a day's folders and settling replays exactly what {@code run --date D} did.
 */
public class WindowWriter implements ItemWriter<TimeWindow> {
    private final Feed feed;
    private final OrderPull pull;
    private final ImportKind<ReportRow, Object> kind;
    private final ImportRowProcessor<ReportRow, Object> rows;
    private final QuarantineStore quarantine;
    private final PageArchive archive;
    private final PullWatermarks watermarks;
    private final StepExecution stepExecution;
    private final FaultInjection faults;
    private final LocalDate runDate;
    private long windowsSeen;

    public WindowWriter(Feed feed, OrderPull pull, ImportKind<ReportRow, Object> kind,
                        ImportRowProcessor<ReportRow, Object> rows, QuarantineStore quarantine, PageArchive archive,
                        PullWatermarks watermarks, StepExecution stepExecution, FaultInjection faults,
                        LocalDate runDate) {
        this.feed = feed;
        this.pull = pull;
        this.kind = kind;
        this.rows = rows;
        this.quarantine = quarantine;
        this.archive = archive;
        this.watermarks = watermarks;
        this.stepExecution = stepExecution;
        this.faults = faults;
        this.runDate = runDate;
    }

    @Override
    public void write(Chunk<? extends TimeWindow> chunk) {
        for (TimeWindow w : chunk) {
            windowsSeen++;
            faults.beforeWrite("pull", windowsSeen, windowsSeen);
            pullWindow(w);
        }
    }

    private void pullWindow(TimeWindow w) {
        ExecutionContext ctx = stepExecution.getExecutionContext();
        Path target = archive.target(feed.name(), runDate, pull.api(), w.start(), w.end());
        String source = target.getFileName().toString();
        ImportCounters counters = new ImportCounters();
        long[] tally = {ctx.getLong("rows.read", 0L), 0, 0}; // last row number, quarantined, not yet paid
        WindowResult result = archive.write(target, pages -> pull.pull(w, (rawBody, page) -> {
            pages.add(rawBody);
            storePage(page, source, tally, counters);
        }));
        ctx.putLong("requests", ctx.getLong("requests", 0L) + result.requests());
        ctx.putLong("pages", ctx.getLong("pages", 0L) + result.pages());
        ctx.putLong("throttled", ctx.getLong("throttled", 0L) + result.throttled());
        watermarks.advance(feed.name(), w.end());
        ctx.putLong("rows.read", tally[0]);
        counters.addTo(ctx);
        ctx.putLong("rows.quarantined", ctx.getLong("rows.quarantined", 0L) + tally[1]);
        ctx.putLong("rows.unpaid", ctx.getLong("rows.unpaid", 0L) + tally[2]);
    }

    /** Judges a page's rows one by one, quarantines the bad ones under the archive's name, stores the good ones. */
    private void storePage(ParsedPage<?> page, String source, long[] tally, ImportCounters counters) {
        List<Object> good = new ArrayList<>(page.rows().size());
        List<QuarantineStore.Entry> rejected = new ArrayList<>();
        for (ReportRow row : page.rows()) {
            try {
                Object value = rows.process(new ImportRow<>(++tally[0], row));
                if (value == null) {
                    tally[2]++;
                } else {
                    good.add(value);
                }
            } catch (BadRowException e) {
                QuarantineStore.Entry q = e.entry();
                rejected.add(new QuarantineStore.Entry(q.importKey(), q.rowNo(), q.kind(), q.platform(), source,
                        q.lineNo(), q.rawText(), q.reason()));
            }
        }
        tally[1] += rejected.size();
        quarantine.insert(rejected);
        kind.store(good, counters);
    }
}
