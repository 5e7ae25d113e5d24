package io.rebatch.jobs.importing;

import java.nio.file.Path;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Streams a file's rows for the load step. Restartable: Spring Batch keeps the count of rows read in the step's
 * execution context at each commit, and on restart this reader re-reads and drops that many rows.
 */
public class FileImportReader<T> extends AbstractItemCountingItemStreamItemReader<T> {
    private final ImportKind<T> kind;
    private final Path file;
    private ImportKind.Cursor<T> cursor;

    public FileImportReader(ImportKind<T> kind, Path file) {
        this.kind = kind;
        this.file = file;
        setName("fileImportReader");
    }

    @Override
    protected void doOpen() {
        cursor = kind.open(file);
    }

    @Override
    protected T doRead() {
        return cursor.hasNext() ? cursor.next() : null;
    }

    @Override
    protected void doClose() {
        if (cursor != null) {
            cursor.close();
            cursor = null;
        }
    }
}
