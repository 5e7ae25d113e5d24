package io.rebatch.writers.orders;

import io.rebatch.domain.Platform;
import io.rebatch.domain.Refund;
import io.rebatch.writers.jdbc.SqlTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Stores the latest refund snapshot per line: a snapshot with an earlier modified time never replaces the
 * stored one; an equal time does (last imported wins). Guarded in SQL like {@link OrderLineStore}.
 */
public class RefundStore {
    private static final String NEWER = "modified_at <= VALUES(modified_at)";
    private static final String UPSERT = "INSERT INTO refund_snapshot (platform, order_line_id, refund_status, refund_fen,"
            + " source, modified_at) VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
            + " refund_status = CASE WHEN " + NEWER + " THEN VALUES(refund_status) ELSE refund_status END,"
            + " refund_fen = CASE WHEN " + NEWER + " THEN VALUES(refund_fen) ELSE refund_fen END,"
            + " source = CASE WHEN " + NEWER + " THEN VALUES(source) ELSE source END,"
            + " modified_at = CASE WHEN " + NEWER + " THEN VALUES(modified_at) ELSE modified_at END";

    private final NamedParameterJdbcTemplate jdbc;

    public RefundStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, Refund> stored(Platform platform, Collection<String> orderLineIds) {
        Map<String, Refund> out = new HashMap<>();
        if (orderLineIds.isEmpty()) {
            return out;
        }
        jdbc.query("SELECT * FROM refund_snapshot USE INDEX (idx_refund_line_id) WHERE order_line_id IN (:ids) AND platform = :p",
                new MapSqlParameterSource("p", platform.name()).addValue("ids", orderLineIds),
                rs -> {
                    Refund r = new Refund(rs.getString("order_line_id"), rs.getInt("refund_status"),
                            rs.getLong("refund_fen"), SqlTime.instant(rs, "modified_at"), rs.getString("source"));
                    out.put(r.orderLineId(), r);
                });
        return out;
    }

    public void upsert(Platform platform, List<Refund> refunds) {
        if (refunds.isEmpty()) {
            return;
        }
        List<Object[]> args = new ArrayList<>(refunds.size());
        for (Refund r : refunds) {
            args.add(new Object[] {platform.name(), r.orderLineId(), r.refundStatus(), r.refundFen(),
                    r.source() == null ? "" : r.source(), SqlTime.utc(r.modifiedAt())});
        }
        jdbc.getJdbcTemplate().batchUpdate(UPSERT, args);
    }
}
