package io.rebatch.writers.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Streaming reads: MySQL Connector/J buffers whole result sets unless the fetch size is Integer.MIN_VALUE;
 * H2 streams with a positive fetch size. This picks the right one per database so no query of a whole table
 * ends up in memory.
 */
public final class Streaming {
    private Streaming() {
    }

    public static boolean isMySql(DataSource ds) {
        try (Connection c = ds.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
            return product.contains("mysql") || product.contains("mariadb");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read database metadata: " + e.getMessage(), e);
        }
    }

    public static int fetchSize(DataSource ds) {
        return isMySql(ds) ? Integer.MIN_VALUE : 1000;
    }

    /** A JdbcTemplate whose queries stream rows. */
    public static JdbcTemplate template(DataSource ds) {
        JdbcTemplate t = new JdbcTemplate(ds);
        t.setFetchSize(fetchSize(ds));
        return t;
    }
}
