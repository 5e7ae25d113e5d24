package io.rebatch.jobs.importing;

import java.util.ArrayList;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * The load step's writer: stores the values of a chunk's good rows ({@link ImportRowProcessor} has dropped the
 * rest) and adds what happened to them to the step's execution context, which commits with the chunk, so counts
 * survive restarts exactly.
 */
public class ImportStoreWriter<S> implements ItemWriter<S> {
    private final ImportKind<?, S> kind;
    private final StepExecution stepExecution;

    public ImportStoreWriter(ImportKind<?, S> kind, StepExecution stepExecution) {
        this.kind = kind;
        this.stepExecution = stepExecution;
    }

    @Override
    public void write(Chunk<? extends S> chunk) {
        ImportCounters c = new ImportCounters();
        kind.store(new ArrayList<>(chunk.getItems()), c);
        c.addTo(stepExecution.getExecutionContext());
    }
}
