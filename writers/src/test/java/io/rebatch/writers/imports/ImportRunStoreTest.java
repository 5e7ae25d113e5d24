package io.rebatch.writers.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.writers.H2Schema;
import io.rebatch.writers.imports.ImportRunStore.ImportRun;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

class ImportRunStoreTest {
    private static final Instant T = Instant.parse("2026-11-25T16:00:00.123Z");

    private final SingleConnectionDataSource ds = H2Schema.withMigrations("V1__rebatch_core.sql");
    private final JdbcTemplate jdbc = new JdbcTemplate(ds);
    private final ImportRunStore store = new ImportRunStore(jdbc);

    @AfterEach
    void close() {
        ds.destroy();
    }

    @Test
    void aRunIsStoredWithEveryCountInItsColumn() {
        ImportRun run = new ImportRun("ORDERS:JD:abc", "ORDERS:JD", "JD", "jd.csv", "a".repeat(64), 120, 60, 20, 15, 5,
                15, 5, T);
        store.record(run);

        assertThat(store.find("ORDERS:JD:abc")).isEqualTo(run);
        assertThat(jdbc.queryForObject("SELECT rows_read - rows_new - rows_changed - rows_unchanged - rows_stale"
                + " - quarantined - skipped_unpaid FROM import_run", Long.class)).isZero();
        assertThat(store.find("ORDERS:JD:other")).isNull();
    }

    @Test
    void recordingTheSameKeyAgainReplacesTheRowAndForgetsItsReport() {
        store.record(new ImportRun("USERS:x", "USERS", null, "u.csv", "b".repeat(64), 3, 0, 3, 0, 0, 0, 0, T));
        jdbc.update("UPDATE import_run SET reported_in = 'settle-2026-11-25-a1'");
        ImportRun again = new ImportRun("USERS:x", "USERS", null, "u.csv", "b".repeat(64), 4, 0, 3, 0, 0, 1, 0,
                T.plusSeconds(60));
        store.record(again);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM import_run", Long.class)).isEqualTo(1);
        assertThat(store.find("USERS:x")).isEqualTo(again);
        assertThat(jdbc.queryForObject("SELECT reported_in FROM import_run", String.class)).isNull();
    }
}
