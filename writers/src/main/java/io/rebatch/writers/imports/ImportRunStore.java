package io.rebatch.writers.imports;

import io.rebatch.writers.jdbc.SqlTime;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code import_run} table: the counts of one imported file or pulled feed range, which the next settle report
 * picks up. A rerun of the same import key replaces its row. Runs in the caller's transaction.
 */
public class ImportRunStore {
    /** One import's counts (SPEC 8: new, changed, unchanged, stale; quarantined; skipped because not yet paid). */
    public record ImportRun(String importKey, String kind, String platform, String fileName, String sha256,
                            long rowsRead, long rowsNew, long rowsChanged, long rowsUnchanged, long rowsStale,
                            long quarantined, long skippedUnpaid, Instant completedAt) {
    }

    private final JdbcTemplate jdbc;

    public ImportRunStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(ImportRun r) {
        jdbc.update("DELETE FROM import_run WHERE import_key = ?", r.importKey());
        jdbc.update("INSERT INTO import_run (import_key, kind, platform, file_name, sha256, rows_read, rows_new,"
                + " rows_changed, rows_unchanged, rows_stale, quarantined, skipped_unpaid, completed_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", r.importKey(), r.kind(), r.platform(),
                r.fileName(), r.sha256(), r.rowsRead(), r.rowsNew(), r.rowsChanged(), r.rowsUnchanged(),
                r.rowsStale(), r.quarantined(), r.skippedUnpaid(), SqlTime.utc(r.completedAt()));
    }

    /** The recorded run of an import key, or null. */
    public ImportRun find(String importKey) {
        return jdbc.query("SELECT import_key, kind, platform, file_name, sha256, rows_read, rows_new, rows_changed,"
                + " rows_unchanged, rows_stale, quarantined, skipped_unpaid, completed_at FROM import_run"
                + " WHERE import_key = ?", (rs, n) -> new ImportRun(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6), rs.getLong(7),
                        rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12),
                        SqlTime.instant(rs, "completed_at")), importKey)
                .stream().findFirst().orElse(null);
    }
}
