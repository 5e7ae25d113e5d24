package io.rebatch.writers.statement;

import io.rebatch.domain.BusinessTime;
import io.rebatch.domain.LineStatus;
import io.rebatch.domain.Platform;
import io.rebatch.domain.statement.KnownLine;
import io.rebatch.domain.statement.RebatchLine;
import io.rebatch.domain.statement.StatementComparison;
import io.rebatch.writers.jdbc.SqlTime;
import io.rebatch.writers.jdbc.Streaming;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database side of a statement reconciliation, read only: rebatch's SETTLED lines of a month and platform
 * (settled_at in the month, Asia/Shanghai; settled income before refunds, which is what a platform's settlement
 * states; whether a refund snapshot exists) streamed in the order {@link StatementComparison} merges in, and the
 * look-up of lines a statement names that are not among them. Never writes.
 *
 * <p>The order is {@code CAST(order_line_id AS BINARY(64))}: byte order of the UTF-8 id, which for the ASCII ids
 * rebatch stores is Java's {@link String#compareTo}. A plain {@code ORDER BY order_line_id} would follow the
 * column's collation ({@code utf8mb4_unicode_ci} ignores case and orders {@code _} and {@code -} differently) and
 * the merge would refuse it. The cast works alike on H2, MariaDB and MySQL.
 *
 * <p>The lines stream on a connection of their own (not the step transaction's), so that the look-ups can run
 * meanwhile: a MySQL connection that is streaming a result cannot run another statement.
 */
public class SettledLines implements StatementComparison.KnownLines {
    static final String SETTLED_IN_MONTH = "SELECT o.order_line_id, COALESCE(o.settled_income_fen, 0) AS settled_income_fen,"
            + " o.settled_at, CASE WHEN r.order_line_id IS NULL THEN 0 ELSE 1 END AS has_refund"
            + " FROM order_line o LEFT JOIN refund_snapshot r"
            + " ON r.platform = o.platform AND r.order_line_id = o.order_line_id"
            + " WHERE o.platform = ? AND o.status = 'SETTLED' AND o.settled_at >= ? AND o.settled_at < ?"
            + " ORDER BY CAST(o.order_line_id AS BINARY(64))";

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    public SettledLines(DataSource dataSource, JdbcTemplate jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** Streams the platform's SETTLED lines of {@code month} through {@code use}; the cursor closes after it. */
    public <T> T stream(Platform platform, YearMonth month, Function<Iterator<RebatchLine>, T> use) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(SETTLED_IN_MONTH, ResultSet.TYPE_FORWARD_ONLY,
                     ResultSet.CONCUR_READ_ONLY)) {
            ps.setFetchSize(Streaming.fetchSize(dataSource));
            ps.setString(1, platform.name());
            ps.setObject(2, SqlTime.utc(BusinessTime.startOf(month.atDay(1))));
            ps.setObject(3, SqlTime.utc(BusinessTime.endOf(month.atEndOfMonth())));
            try (ResultSet rs = ps.executeQuery()) {
                return use.apply(new Rows(platform, rs));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the SETTLED " + platform + " lines of " + month + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public Map<String, KnownLine> find(Platform platform, List<String> orderLineIds) {
        if (orderLineIds.isEmpty()) {
            return Map.of();
        }
        String sql = "SELECT order_line_id, status, settled_at FROM order_line WHERE platform = ? AND order_line_id IN ("
                + String.join(",", Collections.nCopies(orderLineIds.size(), "?")) + ")";
        Object[] args = new Object[orderLineIds.size() + 1];
        args[0] = platform.name();
        for (int i = 0; i < orderLineIds.size(); i++) {
            args[i + 1] = orderLineIds.get(i);
        }
        Map<String, KnownLine> known = new HashMap<>();
        jdbc.query(sql, rs -> {
            // keyed by the stored id: a case-insensitive collation may answer 'ABC' for 'abc', which is another line
            String id = rs.getString("order_line_id");
            known.put(id, new KnownLine(id, LineStatus.valueOf(rs.getString("status")), SqlTime.instant(rs, "settled_at")));
        }, args);
        return known;
    }

    /** A forward-only result set as an iterator of lines. */
    private static final class Rows implements Iterator<RebatchLine> {
        private final Platform platform;
        private final ResultSet rs;
        private Boolean ahead;

        Rows(Platform platform, ResultSet rs) {
            this.platform = platform;
            this.rs = rs;
        }

        @Override
        public boolean hasNext() {
            if (ahead == null) {
                try {
                    ahead = rs.next();
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot read the SETTLED " + platform + " lines: " + e.getMessage(), e);
                }
            }
            return ahead;
        }

        @Override
        public RebatchLine next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ahead = null;
            try {
                return new RebatchLine(platform, rs.getString("order_line_id"), rs.getLong("settled_income_fen"),
                        SqlTime.instant(rs, "settled_at"), rs.getInt("has_refund") == 1);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the SETTLED " + platform + " lines: " + e.getMessage(), e);
            }
        }
    }
}
