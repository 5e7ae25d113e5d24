package io.rebatch.readers.report;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * The rows of one report file, read lazily: one page (JSON Lines) or one record (CSV) at a time, so memory stays
 * flat whatever the file's size. Rows come in file order; a page's rows keep the page's order. Close it when done
 * (try-with-resources).
 *
 * <p>A restarted step re-opens the file and {@link #skip skips} the rows it already committed: reading is
 * deterministic, so row N is the same row on every pass.
 */
public final class ReportCursor implements Iterator<ReportRow>, AutoCloseable {

    /** Produces the rows of the next page or record; null at the end. */
    interface Batches extends AutoCloseable {
        List<ReportRow> next();

        @Override
        void close();
    }

    private final String source;
    private final Batches batches;
    private Iterator<ReportRow> current = Collections.emptyIterator();
    private boolean done;
    private long rowsRead;

    ReportCursor(String source, Batches batches) {
        this.source = source;
        this.batches = batches;
    }

    /**
     * One row per CSV record: a record that could not be read is Rejected with its reader's reason, the others go
     * through {@code mapper} (which never throws for bad input). Closing the cursor closes the file.
     */
    public static ReportCursor ofCsv(CsvRecords csv, Function<CsvRecords.Row, ReportRow> mapper) {
        return new ReportCursor(csv.source(), new Batches() {
            @Override
            public List<ReportRow> next() {
                CsvRecords.Row r = csv.next();
                if (r == null) {
                    return null;
                }
                if (r.error() != null) {
                    return List.of(new ReportRow.Rejected(r.source(), r.lineNo(), r.raw(), r.error()));
                }
                return List.of(mapper.apply(r));
            }

            @Override
            public void close() {
                csv.close();
            }
        });
    }

    /** The file name rows carry as their source. */
    public String source() {
        return source;
    }

    /** How many rows {@link #next()} has returned so far. */
    public long rowsRead() {
        return rowsRead;
    }

    @Override
    public boolean hasNext() {
        while (!current.hasNext()) {
            if (done) {
                return false;
            }
            List<ReportRow> batch = batches.next();
            if (batch == null) {
                done = true;
                return false;
            }
            current = batch.iterator();
        }
        return true;
    }

    @Override
    public ReportRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more rows in " + source);
        }
        rowsRead++;
        return current.next();
    }

    /** Skips up to {@code n} rows (a restart resuming after its last commit); returns how many were skipped. */
    public long skip(long n) {
        return Iterators.skip(this, n);
    }

    @Override
    public void close() {
        done = true;
        batches.close();
    }
}
