package io.rebatch.jobs.importing;

import io.rebatch.writers.quarantine.QuarantineStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Stores the good rows of a chunk and keeps the counters in the step's execution context, which commits with the
 * chunk, so counts survive restarts exactly.
 *
 * <p>Which rows are good is the scan's verdict, never judged again here: a row is dropped when it is skipped
 * (not yet paid) or when the scan quarantined its row number (one indexed query per chunk). Judging again could
 * disagree with the scan for verdicts that depend on the clock (plausible dates) or on the whole file (inviter
 * cycles), and the counts would no longer add up.
 */
public class FileImportWriter<T> implements ItemWriter<T> {
    private final ImportKind<T> kind;
    private final String importKey;
    private final QuarantineStore quarantine;
    private final StepExecution stepExecution;
    private long rowNo;

    public FileImportWriter(ImportKind<T> kind, String importKey, QuarantineStore quarantine,
                            StepExecution stepExecution) {
        this.kind = kind;
        this.importKey = importKey;
        this.quarantine = quarantine;
        this.stepExecution = stepExecution;
    }

    @Override
    public void write(Chunk<? extends T> chunk) {
        ExecutionContext ctx = stepExecution.getExecutionContext();
        rowNo = Math.max(rowNo, ctx.getLong("rows.written", 0L));
        Set<Long> quarantined = quarantine.rowNos(importKey, rowNo + 1, rowNo + chunk.size());
        List<T> good = new ArrayList<>(chunk.size());
        for (T row : chunk) {
            rowNo++;
            if (kind.skipped(row) || quarantined.contains(rowNo)) {
                continue;
            }
            good.add(row);
        }
        ImportCounters c = new ImportCounters();
        kind.store(good, c);
        ctx.putLong("rows.written", rowNo);
        ctx.putLong("rows.new", ctx.getLong("rows.new", 0L) + c.newRows);
        ctx.putLong("rows.changed", ctx.getLong("rows.changed", 0L) + c.changed);
        ctx.putLong("rows.unchanged", ctx.getLong("rows.unchanged", 0L) + c.unchanged);
        ctx.putLong("rows.stale", ctx.getLong("rows.stale", 0L) + c.stale);
    }
}
