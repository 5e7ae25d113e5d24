package io.rebatch.writers.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Instants are stored as DATETIME(3) in UTC and crossed over JDBC as {@link LocalDateTime} in UTC, never as
 * {@code java.sql.Timestamp}, whose conversions use the JVM default zone. Business dates are {@link LocalDate}.
 */
public final class SqlTime {
    private SqlTime() {
    }

    public static LocalDateTime utc(Instant t) {
        return t == null ? null : LocalDateTime.ofInstant(t, ZoneOffset.UTC).withNano(t.getNano() / 1_000_000 * 1_000_000);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime v = rs.getObject(column, LocalDateTime.class);
        return v == null ? null : v.toInstant(ZoneOffset.UTC);
    }

    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    public static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
