package io.rebatch.jobs.importing;

import io.rebatch.domain.BadInputException;
import io.rebatch.writers.quarantine.QuarantineStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first pass over a file, which alone decides which rows are bad: every bad row goes to quarantine with its
 * reason (committed on its own, so the reasons stay visible even when the file is refused), and the rows are
 * counted. The load step then stores exactly the rows not quarantined here and not skipped.
 *
 * <p>Bad rows: those the parser rejects, those with implausible dates ({@link PlausibleDates}), and those a
 * whole-file check refuses (inviter cycles: a second pass over the file quarantines them once the whole file is
 * known). The quarantine rows of earlier attempts of the same import key are forgotten first, so the quarantine
 * holds exactly this scan's verdict.
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
 * A refusal is returned as {@link Result#refusal()}, a one-line message with the counts, the first bad row's reason
 * and the likely cause ({@link RefusalCause}); it never throws for bad input.
 */
public class ImportScan {
    private static final Logger log = LoggerFactory.getLogger(ImportScan.class);

    /**
     * @param skipLimit          bad rows tolerated per file
     * @param maxBadSharePercent largest share of bad rows among the rows read, in whole percent (0–100)
     */
    public record Limits(int skipLimit, int maxBadSharePercent) {
    }

    /** The counts of the scan; {@code refusal} is null for an accepted file. */
    public record Result(long rows, long quarantined, long skippedUnpaid, String refusal) {
        public boolean refused() {
            return refusal != null;
        }
    }

    private final QuarantineStore quarantine;
    private final TransactionTemplate newTransaction;

    public ImportScan(QuarantineStore quarantine, PlatformTransactionManager transactionManager) {
        this.quarantine = quarantine;
        this.newTransaction = new TransactionTemplate(transactionManager);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public <T> Result scan(ImportKind<T> kind, Path file, String importKey, Limits limits, PlausibleDates dates) {
        String name = file.getFileName().toString();
        newTransaction.executeWithoutResult(s -> quarantine.deleteAll(importKey));
        long rows = 0;
        long bad = 0;
        long unpaid = 0;
        RefusalCause cause = new RefusalCause(kind);
        ImportKind.FileCheck<T> fileCheck = kind.newFileCheck();
        List<QuarantineStore.Entry> batch = new ArrayList<>();
        try {
            try (ImportKind.Cursor<T> cursor = kind.open(file)) {
                while (cursor.hasNext()) {
                    T row = cursor.next();
                    rows++;
                    if (kind.skipped(row)) {
                        unpaid++;
                        continue;
                    }
                    QuarantineStore.Entry e = kind.rejected(importKey, rows, row, dates);
                    if (e != null) {
                        bad++;
                        cause.add(e);
                        add(batch, e);
                    } else if (fileCheck != null) {
                        fileCheck.add(row);
                    }
                }
            }
            ImportKind.RowVerdict<T> verdict = fileCheck == null ? null : fileCheck.finish();
            if (verdict != null) {
                bad += secondPass(kind, file, importKey, dates, verdict, cause, batch);
            }
        } catch (BadInputException e) {
            // The file as a whole is not of this kind (e.g. a CSV header without the required columns).
            flush(batch);
            return refuse(kind, name, importKey, rows, bad, unpaid, e.getMessage() + ": not " + kind.what() + "?");
        }
        flush(batch);
        long good = rows - bad - unpaid;
        String counts = "read " + rows + ", quarantined " + bad + ", skipped " + unpaid;
        String why = null;
        if (rows == 0 && kind.platform() != null && Dumps.holdsPages(file)) {
            // API pages that answered "no orders" (e.g. a pulled window archived with nothing in it): a valid,
            // empty report. A page that was not understood would have been a bad row.
            log.info("import scanned kind={} file=\"{}\" rows=0 pages=empty", kind.name(), name);
            return new Result(0, 0, 0, null);
        }
        if (rows == 0) {
            why = name + " holds no rows: nothing to import (an empty file or empty pages; not " + kind.what() + "?)";
        } else if (good == 0 && unpaid == 0) {
            why = name + ": all " + rows + (rows == 1 ? " row is" : " rows are") + " bad (" + counts + "; first reason, " + cause.firstReason() + "): "
                    + cause.likelyCause();
        } else if (bad > limits.skipLimit()) {
            why = name + ": " + bad + " bad rows exceed the skip limit of " + limits.skipLimit()
                    + " (rebatch.import-skip-limit; " + counts + "; first reason, " + cause.firstReason() + "): "
                    + cause.likelyCause();
        } else if (bad * 100 > (long) limits.maxBadSharePercent() * rows) {
            why = name + ": " + bad + " of " + rows + " rows are bad (" + percent(bad, rows) + ", more than the "
                    + limits.maxBadSharePercent() + " % rebatch.import-max-bad-share allows; " + counts
                    + "; first reason, " + cause.firstReason() + "): " + cause.likelyCause();
        }
        if (why != null) {
            return refuse(kind, name, importKey, rows, bad, unpaid, why);
        }
        log.info("import scanned kind={} file=\"{}\" rows={} quarantined={} skipped={}", kind.name(), name, rows, bad,
                unpaid);
        return new Result(rows, bad, unpaid, null);
    }

    private <T> long secondPass(ImportKind<T> kind, Path file, String importKey, PlausibleDates dates,
                                ImportKind.RowVerdict<T> verdict, RefusalCause cause, List<QuarantineStore.Entry> batch) {
        long refused = 0;
        long rowNo = 0;
        try (ImportKind.Cursor<T> cursor = kind.open(file)) {
            while (cursor.hasNext()) {
                T row = cursor.next();
                rowNo++;
                if (kind.skipped(row) || kind.rejected(importKey, rowNo, row, dates) != null) {
                    continue;
                }
                QuarantineStore.Entry e = verdict.refuse(importKey, rowNo, row);
                if (e != null) {
                    refused++;
                    cause.add(e);
                    add(batch, e);
                }
            }
        }
        return refused;
    }

    private Result refuse(ImportKind<?> kind, String name, String importKey, long rows, long bad, long unpaid,
                          String why) {
        String message = why + "; nothing of the file was imported"
                + (bad > 0 ? " (reasons in quarantine, import_key=" + importKey + ")" : "");
        // INFO, not WARN: the console shows WARN, and the CLI already prints the one line finance needs.
        log.info("import refused kind={} file=\"{}\" rows={} quarantined={} skipped={}", kind.name(), name, rows, bad,
                unpaid);
        return new Result(rows, bad, unpaid, message);
    }

    private static String percent(long part, long whole) {
        return String.format(Locale.ROOT, "%.1f %%", part * 100.0 / whole);
    }

    private void add(List<QuarantineStore.Entry> batch, QuarantineStore.Entry e) {
        batch.add(e);
        if (batch.size() >= 500) {
            flush(batch);
        }
    }

    private void flush(List<QuarantineStore.Entry> batch) {
        if (!batch.isEmpty()) {
            List<QuarantineStore.Entry> copy = List.copyOf(batch);
            newTransaction.executeWithoutResult(s -> quarantine.insert(copy));
            batch.clear();
        }
    }
}
