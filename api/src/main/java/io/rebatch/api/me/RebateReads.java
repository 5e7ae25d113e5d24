package io.rebatch.api.me;

import io.rebatch.api.json.ApiTime;
import io.rebatch.domain.Money;
import io.rebatch.writers.jdbc.SqlTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Pages of {@code rebate_record} for one user, newest first, by keyset: the order is (created_at, platform,
 * order_line_id, role) descending, unique per record, and a page starts strictly after the last record of the
 * previous one — served from the (user_id[, status], created_at, …) index, no OFFSET, the same cost on page 1 and
 * page 1,000. One extra row is read to know whether a next page exists.
 */
@Repository
public class RebateReads {
    private static final String COLUMNS = "platform, order_line_id, role, status, amount_fen, item_title, created_at,"
            + " settled_at";
    private static final String ORDER = " ORDER BY created_at DESC, platform DESC, order_line_id DESC, role DESC";
    /** Strictly after the position in the descending order; the leading range keeps the index range scan. */
    private static final String AFTER = " AND created_at <= ? AND (created_at < ? OR (platform < ?"
            + " OR (platform = ? AND (order_line_id < ? OR (order_line_id = ? AND role < ?)))))";

    /** A page as read: the records and the position of the last one when there are more. */
    public record Page(List<RebateView> items, RebateCursor.Position next) {
    }

    private final JdbcTemplate jdbc;

    public RebateReads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Page page(long userId, String status, RebateCursor.Position after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM rebate_record WHERE user_id = ?");
        List<Object> args = new ArrayList<>();
        args.add(userId);
        if (status != null) {
            sql.append(" AND status = ?");
            args.add(status);
        }
        if (after != null) {
            sql.append(AFTER);
            Object t = SqlTime.utc(after.createdAt());
            args.addAll(List.of(t, t, after.platform(), after.platform(), after.orderLineId(), after.orderLineId(),
                    after.role()));
        }
        sql.append(ORDER).append(" LIMIT ").append(limit + 1);
        List<RebateCursor.Position> positions = new ArrayList<>();
        List<RebateView> items = jdbc.query(sql.toString(), (rs, n) -> {
            var createdAt = SqlTime.instant(rs, "created_at");
            positions.add(new RebateCursor.Position(createdAt, rs.getString("platform"),
                    rs.getString("order_line_id"), rs.getString("role")));
            long amount = rs.getLong("amount_fen");
            return new RebateView(rs.getString("platform"), rs.getString("order_line_id"), rs.getString("role"),
                    rs.getString("status"), amount, Money.formatYuan(amount), rs.getString("item_title"),
                    ApiTime.format(createdAt), ApiTime.format(SqlTime.instant(rs, "settled_at")));
        }, args.toArray());
        if (items.size() <= limit) {
            return new Page(items, null);
        }
        return new Page(items.subList(0, limit), positions.get(limit - 1));
    }
}
