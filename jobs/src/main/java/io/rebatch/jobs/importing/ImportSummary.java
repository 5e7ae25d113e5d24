package io.rebatch.jobs.importing;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The counts of one imported file, as the CLI prints them ({@code read 120, stored 100, quarantined 15, skipped 5}):
 * <ul>
 *   <li>{@code read}: rows the file held (a JSON Lines page counts each of its orders; a page that is not
 *   understood counts as one row);</li>
 *   <li>{@code stored}: good rows whose content the tables now hold: new, changed, or unchanged (already stored
 *   with the same version and content, e.g. the same file imported again);</li>
 *   <li>{@code quarantined}: bad rows (parser rejections, implausible dates, inviter cycles), kept with their
 *   reasons in {@code quarantine};</li>
 *   <li>{@code skipped}: good rows deliberately not stored: not-yet-paid orders, and stale snapshots (older than
 *   the stored or a later row's version, SPEC 2.1).</li>
 * </ul>
 * {@code read = stored + quarantined + skipped} always holds for a completed import.
 */
public record ImportSummary(long read, long stored, long quarantined, long skipped) {
    private static final String PREFIX = "import.summary.";

    /** From the scan step's context (read, quarantined, unpaid) and the load step's (new, changed, unchanged, stale). */
    public static ImportSummary of(ExecutionContext scan, ExecutionContext load) {
        long stored = load.getLong("rows.new", 0L) + load.getLong("rows.changed", 0L)
                + load.getLong("rows.unchanged", 0L);
        long skipped = scan.getLong("rows.unpaid", 0L) + load.getLong("rows.stale", 0L);
        return new ImportSummary(scan.getLong("rows.read", 0L), stored, scan.getLong("rows.quarantined", 0L), skipped);
    }

    public boolean adds() {
        return read == stored + quarantined + skipped;
    }

    public void putInto(ExecutionContext ctx) {
        ctx.putLong(PREFIX + "read", read);
        ctx.putLong(PREFIX + "stored", stored);
        ctx.putLong(PREFIX + "quarantined", quarantined);
        ctx.putLong(PREFIX + "skipped", skipped);
    }

    /** The summary the record step left in its context, or null if there is none. */
    public static ImportSummary from(ExecutionContext ctx) {
        if (!ctx.containsKey(PREFIX + "read")) {
            return null;
        }
        return new ImportSummary(ctx.getLong(PREFIX + "read"), ctx.getLong(PREFIX + "stored"),
                ctx.getLong(PREFIX + "quarantined"), ctx.getLong(PREFIX + "skipped"));
    }

    @Override
    public String toString() {
        return "read " + read + ", stored " + stored + ", quarantined " + quarantined + ", skipped " + skipped;
    }
}
