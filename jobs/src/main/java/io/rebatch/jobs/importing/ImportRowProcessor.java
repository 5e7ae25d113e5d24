package io.rebatch.jobs.importing;

import io.rebatch.domain.BadInputException;
import io.rebatch.writers.quarantine.QuarantineStore;
import java.nio.file.Path;
import java.util.function.Function;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * The one classification of an imported or pulled row (SPEC 9), for every kind of file and for the API pull:
 * <ul>
 *   <li>a row the kind skips (a not-yet-paid order) is filtered: {@code null}, counted as skipped;</li>
 *   <li>a bad row — rejected by the parser, an implausible date, or refused by the kind's whole-file check (an
 *   inviter cycle) — throws {@link BadRowException} with its quarantine entry: the step skips it and a skip
 *   listener quarantines it;</li>
 *   <li>a good row maps to what it stores ({@link ImportKind#stored}).</li>
 * </ul>
 * The plausible range of dates is fixed for a step before its first row ({@code datesOf}), and so is the whole-file
 * verdict (a first pass over the file in {@link #beforeStep}), so that the scan and the load of one import judge
 * every row alike. It never writes anything.
 */
public class ImportRowProcessor<T, S> implements ItemProcessor<ImportRow<T>, S>, StepExecutionListener {
    private final ImportKind<T, S> kind;
    private final String importKey;
    private final Path file;
    private final Function<StepExecution, PlausibleDates> datesOf;
    private PlausibleDates dates;
    private ImportKind.RowVerdict<T> verdict;

    /** For rows outside a file step (the API pull): fixed dates, no whole-file check. */
    public ImportRowProcessor(ImportKind<T, S> kind, String importKey, PlausibleDates dates) {
        this(kind, importKey, null, se -> dates);
        this.dates = dates;
    }

    /**
     * @param file    the file the rows come from, read once before the first row when the kind has a whole-file
     *                check; null for none
     * @param datesOf the plausible range for a step's rows, asked once before the step's first row
     */
    public ImportRowProcessor(ImportKind<T, S> kind, String importKey, Path file,
                              Function<StepExecution, PlausibleDates> datesOf) {
        this.kind = kind;
        this.importKey = importKey;
        this.file = file;
        this.datesOf = datesOf;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        dates = datesOf.apply(stepExecution);
        verdict = file == null ? null : wholeFileVerdict();
    }

    @Override
    public S process(ImportRow<T> item) {
        T row = item.row();
        if (kind.skipped(row)) {
            return null;
        }
        QuarantineStore.Entry bad = kind.rejected(importKey, item.rowNo(), row, dates);
        if (bad == null && verdict != null) {
            bad = verdict.refuse(importKey, item.rowNo(), row);
        }
        if (bad != null) {
            throw new BadRowException(bad);
        }
        return kind.stored(row);
    }

    /** Feeds the kind's whole-file check every row that passes the row checks; null when nothing is refused. */
    private ImportKind.RowVerdict<T> wholeFileVerdict() {
        ImportKind.FileCheck<T> check = kind.newFileCheck();
        if (check == null) {
            return null;
        }
        long rowNo = 0;
        try (ImportKind.Cursor<T> cursor = kind.open(file)) {
            while (cursor.hasNext()) {
                T row = cursor.next();
                rowNo++;
                if (!kind.skipped(row) && kind.rejected(importKey, rowNo, row, dates) == null) {
                    check.add(row);
                }
            }
        } catch (BadInputException e) {
            return null; // not a file of this kind: the reader meets the same problem and the scan refuses the file
        }
        return check.finish();
    }
}
