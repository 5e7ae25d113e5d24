package io.rebatch.writers;

import org.junit.jupiter.api.AfterEach;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** A store test on a private in-memory H2 with every migration of {@code sql/common} ({@link H2Schema#ALL}). */
public abstract class OnFullSchema {
    protected final SingleConnectionDataSource ds = H2Schema.withMigrations(H2Schema.ALL);
    protected final JdbcTemplate jdbc = new JdbcTemplate(ds);

    @AfterEach
    void dropDatabase() {
        ds.destroy();
    }
}
