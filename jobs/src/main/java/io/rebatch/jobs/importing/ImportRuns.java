package io.rebatch.jobs.importing;

import io.rebatch.writers.jdbc.SqlTime;
import java.time.Instant;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Records the counts of one imported file or pulled feed range in {@code import_run}, which the next settle report
 * picks up. Shared by the import and pull jobs; a rerun replaces the row of the same key.
 */
public final class ImportRuns {
    private ImportRuns() {
    }

    /**
     * @param scan the context holding {@code rows.read}, {@code rows.quarantined}, {@code rows.unpaid}
     * @param load the context holding {@code rows.new}, {@code rows.changed}, {@code rows.unchanged}, {@code rows.stale}
     */
    public static void record(JdbcTemplate jdbc, Instant completedAt, String importKey, String kind, String platform,
                              String fileName, String sha256, ExecutionContext scan, ExecutionContext load) {
        jdbc.update("DELETE FROM import_run WHERE import_key = ?", importKey);
        jdbc.update("INSERT INTO import_run (import_key, kind, platform, file_name, sha256, rows_read, rows_new,"
                + " rows_changed, rows_unchanged, rows_stale, quarantined, skipped_unpaid, completed_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", importKey, kind, platform, fileName, sha256,
                scan.getLong("rows.read", 0L), load.getLong("rows.new", 0L), load.getLong("rows.changed", 0L),
                load.getLong("rows.unchanged", 0L), load.getLong("rows.stale", 0L), scan.getLong("rows.quarantined", 0L),
                scan.getLong("rows.unpaid", 0L), SqlTime.utc(completedAt));
    }
}
