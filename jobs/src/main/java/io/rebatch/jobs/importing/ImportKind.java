package io.rebatch.jobs.importing;

import io.rebatch.writers.quarantine.QuarantineStore;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * One kind of imported file (a platform's order report, the Taobao refund feed, users, bindings, clicks): how to
 * stream its rows, which rows are bad, and how to store the good ones. The import job is the same for all.
 *
 * @param <T> the row type the file's reader produces
 */
public interface ImportKind<T> {
    /** A stable name used in the import key and the reports, e.g. {@code ORDERS:TAOBAO} or {@code USERS}. */
    String name();

    /** The platform, or null for app data. */
    String platform();

    /** Opens a streaming cursor over the file's rows. */
    Cursor<T> open(Path file);

    /** The quarantine entry for a bad row, or null for a good one. */
    QuarantineStore.Entry rejected(String importKey, long rowNo, T row);

    /** True for rows that are counted but neither stored nor quarantined (not-yet-paid orders). */
    boolean skipped(T row);

    /** Stores a chunk of good rows, adding to the counters. Runs in the chunk's transaction. */
    void store(List<T> rows, ImportCounters counters);

    interface Cursor<T> extends Iterator<T>, AutoCloseable {
        @Override
        void close();
    }
}
