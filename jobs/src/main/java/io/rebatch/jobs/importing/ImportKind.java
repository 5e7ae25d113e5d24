package io.rebatch.jobs.importing;

import io.rebatch.writers.quarantine.QuarantineStore;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * One kind of imported file (a platform's order report, the Taobao refund feed, users, bindings, clicks): how to
 * stream its rows, which rows are bad, what a good row stores and how. The import job and the API pull are the same
 * for all; {@link ImportRowProcessor} is the one place that asks these questions of a row.
 *
 * @param <T> the row type the file's reader produces
 * @param <S> what a good row stores (an order line, a refund, a user, …)
 */
public interface ImportKind<T, S> {
    /** A stable name used in the import key and the reports, e.g. {@code ORDERS:TAOBAO} or {@code USERS}. */
    String name();

    /** The platform, or null for app data. */
    String platform();

    /** Opens a streaming cursor over the file's rows. */
    Cursor<T> open(Path file);

    /** What the file should be, for messages: e.g. {@code a PDD order report}, {@code a users file}. */
    default String what() {
        return name();
    }

    /**
     * The quarantine entry for a bad row, or null for a good one: the parser's verdict plus the checks made after
     * parsing (plausible dates). Deterministic for a given {@code dates}, so the scan and the load agree.
     */
    QuarantineStore.Entry rejected(String importKey, long rowNo, T row, PlausibleDates dates);

    /** A check that needs the whole file (inviter cycles), or null for kinds without one. A new one per pass. */
    default FileCheck<T> newFileCheck() {
        return null;
    }

    /** True for rows that are counted but neither stored nor quarantined (not-yet-paid orders). */
    boolean skipped(T row);

    /** What a good row (neither skipped nor rejected) stores. */
    S stored(T row);

    /** Stores a chunk of good rows' values, adding to the counters. Runs in the chunk's transaction. */
    void store(List<S> values, ImportCounters counters);

    /** A check over the whole file: fed every row that passed the row checks, then asked for the verdict. */
    interface FileCheck<T> {
        void add(T row);

        /** Null when nothing is refused; else the verdict applied to every row that passed the row checks. */
        RowVerdict<T> finish();
    }

    @FunctionalInterface
    interface RowVerdict<T> {
        /** The quarantine entry for a row the whole-file check refuses, or null. */
        QuarantineStore.Entry refuse(String importKey, long rowNo, T row);
    }

    interface Cursor<T> extends Iterator<T>, AutoCloseable {
        @Override
        void close();
    }
}
