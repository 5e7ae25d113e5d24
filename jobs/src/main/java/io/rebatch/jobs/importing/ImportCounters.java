package io.rebatch.jobs.importing;

/** What the load step did with the rows of a chunk (SPEC 8: new, changed, unchanged; stale = an older snapshot). */
public final class ImportCounters {
    public long newRows;
    public long changed;
    public long unchanged;
    public long stale;
}
