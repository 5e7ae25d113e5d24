package io.rebatch.jobs.importing;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/** What storing did with the rows of a chunk (SPEC 8: new, changed, unchanged; stale = an older snapshot). */
public final class ImportCounters {
    public long newRows;
    public long changed;
    public long unchanged;
    public long stale;

    /** Adds these counts to the running totals a step keeps in its context. */
    public void addTo(ExecutionContext ctx) {
        add(ctx, "rows.new", newRows);
        add(ctx, "rows.changed", changed);
        add(ctx, "rows.unchanged", unchanged);
        add(ctx, "rows.stale", stale);
    }

    private static void add(ExecutionContext ctx, String key, long n) {
        ctx.putLong(key, ctx.getLong(key, 0L) + n);
    }
}
