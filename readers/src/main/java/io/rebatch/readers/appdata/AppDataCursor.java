package io.rebatch.readers.appdata;

import io.rebatch.domain.BadInputException;
import io.rebatch.readers.report.CsvRecords;
import io.rebatch.readers.report.Iterators;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The records of one app data CSV, parsed lazily one at a time (memory stays flat); a record that breaks the
 * format is an {@link AppDataRow.Rejected} and reading goes on. Close it when done.
 */
public final class AppDataCursor<T> implements Iterator<AppDataRow<T>>, AutoCloseable {

    /** Parses one record's values (in header order); throws {@link BadInputException} naming the column and value. */
    @FunctionalInterface
    interface RecordParser<T> {
        T parse(List<String> values);
    }

    private final CsvRecords csv;
    private final RecordParser<T> parser;
    private AppDataRow<T> next;
    private long rowsRead;

    AppDataCursor(CsvRecords csv, RecordParser<T> parser) {
        this.csv = csv;
        this.parser = parser;
    }

    public String source() {
        return csv.source();
    }

    public long rowsRead() {
        return rowsRead;
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            CsvRecords.Row r = csv.next();
            if (r == null) {
                return false;
            }
            next = toRow(r);
        }
        return true;
    }

    private AppDataRow<T> toRow(CsvRecords.Row r) {
        if (r.error() != null) {
            return new AppDataRow.Rejected<>(r.source(), r.lineNo(), r.raw(), r.error());
        }
        try {
            return new AppDataRow.Loaded<>(r.source(), r.lineNo(), parser.parse(r.values()));
        } catch (BadInputException e) {
            return new AppDataRow.Rejected<>(r.source(), r.lineNo(), r.raw(), e.getMessage());
        }
    }

    @Override
    public AppDataRow<T> next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more records in " + csv.source());
        }
        AppDataRow<T> r = next;
        next = null;
        rowsRead++;
        return r;
    }

    /** Skips up to {@code n} records (a restart resuming after its last commit); returns how many were skipped. */
    public long skip(long n) {
        return Iterators.skip(this, n);
    }

    @Override
    public void close() {
        csv.close();
    }
}
