package io.rebatch.jobs.importing;

import io.rebatch.domain.BadInputException;
import io.rebatch.writers.quarantine.QuarantineStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The scan step's judge. The scan streams the whole file through {@link ImportRowProcessor} and stores nothing;
 * this listener quarantines each bad row the step skips (committed with the scan's chunk, so the reasons stay
 * visible even when the file is refused) and, once the file is read, decides whether it is refused. The quarantine
 * rows of earlier attempts of the same import key are forgotten first, so the quarantine holds exactly this scan's
 * verdict. Counts come from the step: read, process skips (quarantined) and filtered rows (skipped, not yet paid).
 *
 * <p>The file is <b>refused</b> — nothing of it reaches the order, refund or app tables — when it
 * <ul>
 *   <li>holds no rows at all (zero bytes, blank lines only, or a CSV with a header and no records), or cannot be opened as this kind (e.g. a CSV header without the required columns);</li>
 *   <li>has only bad rows (at least one row read, none good);</li>
 *   <li>has more bad rows than {@code rebatch.import-skip-limit};</li>
 *   <li>has a larger share of bad rows than {@code rebatch.import-max-bad-share} percent of the rows read.</li>
 * </ul>
 * A JSON Lines dump whose pages are all well-formed and hold no orders is not refused: the platform answered
 * "nothing in this window" (the pull archive holds such pages), and it imports as {@code read 0}.
 * A refused scan ends FAILED with exit code {@link ImportJobConfiguration#REFUSED} and a one-line message (the
 * counts, the first bad row's reason and the likely cause, {@link RefusalCause}) under
 * {@link ImportJobConfiguration#REFUSAL_KEY}; it never throws for bad input.
 */
public class ImportScanListener<T, S> implements StepExecutionListener, SkipListener<ImportRow<T>, S> {
    static final int BATCH = 500;
    private final List<QuarantineStore.Entry> pending = new ArrayList<>();
    private static final Logger log = LoggerFactory.getLogger(ImportScanListener.class);

    /**
     * @param skipLimit          bad rows tolerated per file
     * @param maxBadSharePercent largest share of bad rows among the rows read, in whole percent (0–100)
     */
    public record Limits(int skipLimit, int maxBadSharePercent) {
    }

    private final ImportKind<T, S> kind;
    private final Path file;
    private final String importKey;
    private final Limits limits;
    private final QuarantineStore quarantine;
    private RefusalCause cause;
    private BadInputException badFile;

    public ImportScanListener(ImportKind<T, S> kind, Path file, String importKey, Limits limits,
                              QuarantineStore quarantine) {
        this.kind = kind;
        this.file = file;
        this.importKey = importKey;
        this.limits = limits;
        this.quarantine = quarantine;
    }

    /** The reader met a file that is not of this kind as a whole. */
    public void badFile(BadInputException e) {
        badFile = e;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        pending.clear();
        quarantine.deleteAll(importKey);
        stepExecution.getExecutionContext().remove(ImportJobConfiguration.REFUSAL_KEY);
        cause = new RefusalCause(kind);
        badFile = null;
    }

    /**
     * Quarantines a bad row: buffered and inserted {@value #BATCH} at a time (a batched statement, not a round trip
     * a row), the rest when the step ends. A scan that dies in between is harmless: a new scan of the file starts by
     * clearing its import key's rows and judges the file afresh.
     */
    @Override
    public void onSkipInProcess(ImportRow<T> item, Throwable t) {
        QuarantineStore.Entry e = ((BadRowException) t).entry();
        cause.add(e);
        pending.add(e);
        if (pending.size() >= BATCH) {
            flush();
        }
    }

    private void flush() {
        if (!pending.isEmpty()) {
            quarantine.insert(List.copyOf(pending));
            pending.clear();
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution se) {
        flush();
        if (se.getStatus() == BatchStatus.FAILED || !se.getFailureExceptions().isEmpty()) {
            return null; // a fault, not a verdict: the step failed before the file was read
        }
        long rows = se.getReadCount();
        long bad = se.getProcessSkipCount();
        long unpaid = se.getFilterCount();
        ExecutionContext ctx = se.getExecutionContext();
        ctx.putLong("rows.read", rows);
        ctx.putLong("rows.quarantined", bad);
        ctx.putLong("rows.unpaid", unpaid);
        String name = file.getFileName().toString();
        String why = refusal(name, rows, bad, unpaid);
        if (why == null) {
            log.info("import scanned kind={} file=\"{}\" rows={} quarantined={} skipped={}", kind.name(), name, rows,
                    bad, unpaid);
            return null;
        }
        String message = why + "; nothing of the file was imported"
                + (bad > 0 ? " (reasons in quarantine, import_key=" + importKey + ")" : "");
        // INFO, not WARN: the console shows WARN, and the CLI already prints the one line finance needs.
        log.info("import refused kind={} file=\"{}\" rows={} quarantined={} skipped={}", kind.name(), name, rows, bad,
                unpaid);
        ctx.putString(ImportJobConfiguration.REFUSAL_KEY, message);
        se.setStatus(BatchStatus.FAILED);
        return new ExitStatus(ImportJobConfiguration.REFUSED, message);
    }

    /** Why the file is refused, or null when it is accepted. */
    private String refusal(String name, long rows, long bad, long unpaid) {
        if (badFile != null) {
            return badFile.getMessage() + ": not " + kind.what() + "?";
        }
        long good = rows - bad - unpaid;
        String counts = "read " + rows + ", quarantined " + bad + ", skipped " + unpaid;
        if (rows == 0 && kind.platform() != null && Dumps.holdsPages(file)) {
            // API pages that answered "no orders" (e.g. a pulled window archived with nothing in it): a valid,
            // empty report. A page that was not understood would have been a bad row.
            return null;
        }
        if (rows == 0) {
            return name + " holds no rows: nothing to import (an empty file or empty pages; not " + kind.what() + "?)";
        }
        if (good == 0 && unpaid == 0) {
            return name + ": all " + rows + (rows == 1 ? " row is" : " rows are") + " bad (" + counts
                    + "; first reason, " + cause.firstReason() + "): " + cause.likelyCause();
        }
        if (bad > limits.skipLimit()) {
            return name + ": " + bad + " bad rows exceed the skip limit of " + limits.skipLimit()
                    + " (rebatch.import-skip-limit; " + counts + "; first reason, " + cause.firstReason() + "): "
                    + cause.likelyCause();
        }
        if (bad * 100 > (long) limits.maxBadSharePercent() * rows) {
            return name + ": " + bad + " of " + rows + " rows are bad (" + percent(bad, rows) + ", more than the "
                    + limits.maxBadSharePercent() + " % rebatch.import-max-bad-share allows; " + counts
                    + "; first reason, " + cause.firstReason() + "): " + cause.likelyCause();
        }
        return null;
    }

    private static String percent(long part, long whole) {
        return String.format(Locale.ROOT, "%.1f %%", part * 100.0 / whole);
    }
}
