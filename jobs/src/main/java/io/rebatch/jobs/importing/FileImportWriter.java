package io.rebatch.jobs.importing;

import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Stores the good rows of a chunk (bad rows were quarantined by the scan step and are dropped here) and keeps the
 * counters in the step's execution context, which commits with the chunk, so counts survive restarts exactly.
 */
public class FileImportWriter<T> implements ItemWriter<T> {
    private final ImportKind<T> kind;
    private final String importKey;
    private final StepExecution stepExecution;
    private long rowNo;

    public FileImportWriter(ImportKind<T> kind, String importKey, StepExecution stepExecution) {
        this.kind = kind;
        this.importKey = importKey;
        this.stepExecution = stepExecution;
    }

    @Override
    public void write(Chunk<? extends T> chunk) {
        ExecutionContext ctx = stepExecution.getExecutionContext();
        rowNo = Math.max(rowNo, ctx.getLong("rows.written", 0L));
        List<T> good = new ArrayList<>(chunk.size());
        for (T row : chunk) {
            rowNo++;
            if (kind.skipped(row) || kind.rejected(importKey, rowNo, row) != null) {
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
