package io.rebatch.writers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A private in-memory H2 (MySQL mode, the options the application uses) with some of the project's own migrations
 * applied from {@code sql/common}, for store tests that need the real tables and nothing else. The integration
 * tests of app/ run the same SQL on MariaDB.
 */
public final class H2Schema {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    /** Every migration of {@code sql/common}, in order: the whole schema of rebatch's own tables. */
    public static final String[] ALL = {"V1__rebatch_core.sql", "V2__pull_watermark.sql", "V3__lookup_indexes.sql",
            "V4__settle_guard.sql", "V5__payouts.sql", "V6__api_read_model.sql", "V7__rebate_record_backfill.sql",
            "V8__settle_rerun.sql", "V9__attribution_evidence.sql", "V10__settle_due.sql"};

    private H2Schema() {
    }

    /** A one-connection DataSource (close it with {@link SingleConnectionDataSource#destroy()}) with the scripts run. */
    public static SingleConnectionDataSource withMigrations(String... scripts) {
        String url = "jdbc:h2:mem:writers" + COUNTER.incrementAndGet() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE"
                + ";CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=VALUE,KEY,MONTH,YEAR,USER";
        SingleConnectionDataSource ds = new SingleConnectionDataSource(url, "sa", "", true);
        JdbcTemplate jdbc = new JdbcTemplate((DataSource) ds);
        for (String script : scripts) {
            Path file = Path.of("..", "sql", "common", script);
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("migration " + file.toAbsolutePath() + " not found");
            }
            jdbc.execute("RUNSCRIPT FROM '" + file.toAbsolutePath().toString().replace("'", "''") + "'");
        }
        return ds;
    }
}
