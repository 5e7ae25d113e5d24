package io.rebatch.jobs.importing;

import io.rebatch.domain.BadInputException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Streams a file's rows, each with its row number. Restartable: Spring Batch keeps the count of rows read in the
 * step's execution context at each commit, and on restart this reader re-reads and drops that many rows (the scan
 * turns that off: a scan always judges the whole file afresh).
 *
 * <p>A file that is not of its kind as a whole (e.g. a CSV header without the required columns) throws
 * {@link BadInputException}; with {@code onBadFile} set the reader hands it there and ends instead, so the scan
 * can refuse the file with the rows counted so far.
 */
public class FileImportReader<T> extends AbstractItemCountingItemStreamItemReader<ImportRow<T>> {
    private final ImportKind<T, ?> kind;
    private final Path file;
    private final Consumer<BadInputException> onBadFile;
    private ImportKind.Cursor<T> cursor;

    public FileImportReader(ImportKind<T, ?> kind, Path file, Consumer<BadInputException> onBadFile) {
        this.kind = kind;
        this.file = file;
        this.onBadFile = onBadFile;
        setName("fileImportReader");
    }

    @Override
    protected void doOpen() {
        try {
            cursor = kind.open(file);
        } catch (BadInputException e) {
            badFile(e);
        }
    }

    @Override
    protected ImportRow<T> doRead() {
        try {
            return cursor != null && cursor.hasNext() ? new ImportRow<>(getCurrentItemCount(), cursor.next()) : null;
        } catch (BadInputException e) {
            badFile(e);
            return null;
        }
    }

    private void badFile(BadInputException e) {
        if (onBadFile == null) {
            throw e;
        }
        onBadFile.accept(e);
        doClose();
    }

    @Override
    protected void doClose() {
        if (cursor != null) {
            cursor.close();
            cursor = null;
        }
    }
}
