package io.rebatch.writers.orders;

import io.rebatch.domain.OrderLine;
import io.rebatch.domain.Platform;
import io.rebatch.domain.SettleDue;
import io.rebatch.domain.SnapshotOrder;
import io.rebatch.writers.jdbc.SqlTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Stores canonical order lines: batched, version-guarded upserts. A snapshot with a lower version than the
 * stored one never overwrites it, an equal version does (SPEC 2.1); the guard is in the SQL itself so that
 * even two imports racing cannot move a line backwards. The version columns are assigned last because
 * MySQL evaluates ON DUPLICATE KEY assignments left to right.
 *
 * <p>A stored or replaced snapshot makes its line due for settlement at once ({@code due_on} =
 * {@link SettleDue#NOW}, under the same version guard), and so does a new or changed refund
 * ({@link #markDue}): the next settle visits exactly the lines whose input changed, plus those due by date.
 */
public class OrderLineStore {
    // Column first: H2 would read "(VALUES(" as the start of a table value constructor.
    private static final String NEWER = "(modified_at < VALUES(modified_at) OR (modified_at = VALUES(modified_at)"
            + " AND status_rank <= VALUES(status_rank)))";
    private static final List<String> PAYLOAD = List.of("parent_order_id", "item_id", "item_title", "quantity",
            "paid_amount_fen", "commission_rate_bps", "estimated_income_fen", "settled_income_fen", "status",
            "created_at", "paid_at", "received_at", "settled_at", "pid", "relation_id", "special_id", "sub_union_id",
            "custom_uid", "due_on", "source", "status_rank", "modified_at");
    private static final String UPSERT;

    static {
        StringBuilder sb = new StringBuilder("INSERT INTO order_line (platform, order_line_id, ")
                .append(String.join(", ", PAYLOAD)).append(") VALUES (?, ?");
        sb.append(", ?".repeat(PAYLOAD.size())).append(") ON DUPLICATE KEY UPDATE ");
        List<String> sets = new ArrayList<>();
        for (String c : PAYLOAD) {
            sets.add(c + " = CASE WHEN " + NEWER + " THEN VALUES(" + c + ") ELSE " + c + " END");
        }
        sb.append(String.join(", ", sets));
        UPSERT = sb.toString();
    }

    private static final int TITLE_MAX = 255;

    private final NamedParameterJdbcTemplate jdbc;

    public OrderLineStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored line's version and a digest of its content, to tell changed from unchanged. */
    public record Stored(SnapshotOrder.Version version, int contentHash) {
    }

    public Map<String, Stored> stored(Platform platform, Collection<String> orderLineIds) {
        Map<String, Stored> out = new HashMap<>();
        if (orderLineIds.isEmpty()) {
            return out;
        }
        jdbc.query("SELECT * FROM order_line USE INDEX (idx_order_line_id) WHERE order_line_id IN (:ids) AND platform = :p",
                new MapSqlParameterSource("p", platform.name()).addValue("ids", orderLineIds),
                rs -> {
                    OrderLine l = OrderLineRows.map(rs);
                    out.put(l.orderLineId(), new Stored(l.version(), contentHash(l)));
                });
        return out;
    }

    /** A hash of everything but the source, so that a re-sent identical snapshot counts as unchanged. */
    public static int contentHash(OrderLine l) {
        OrderLine normalized = new OrderLine(l.platform(), l.orderLineId(), l.parentOrderId(), l.itemId(),
                truncate(l.itemTitle()), l.quantity(), l.paidAmountFen(), l.commissionRateBps(), l.estimatedIncomeFen(),
                l.settledIncomeFen(), l.status(), millis(l.createdAt()), millis(l.paidAt()), millis(l.receivedAt()),
                millis(l.settledAt()), millis(l.modifiedAt()), l.pid(), l.relationId(), l.specialId(), l.subUnionId(),
                l.customUid(), "");
        return normalized.hashCode();
    }

    private static java.time.Instant millis(java.time.Instant t) {
        return t == null ? null : java.time.Instant.ofEpochMilli(t.toEpochMilli());
    }

    static String truncate(String title) {
        if (title == null || title.length() <= TITLE_MAX) {
            return title;
        }
        int end = TITLE_MAX;
        if (Character.isHighSurrogate(title.charAt(end - 1))) {
            end--;
        }
        return title.substring(0, end);
    }

    public void upsert(List<OrderLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        List<Object[]> args = new ArrayList<>(lines.size());
        for (OrderLine l : lines) {
            args.add(new Object[] {l.platform().name(), l.orderLineId(), l.parentOrderId(), l.itemId(),
                    truncate(l.itemTitle()), l.quantity(), l.paidAmountFen(), l.commissionRateBps(),
                    l.estimatedIncomeFen(), l.settledIncomeFen(), l.status().name(), SqlTime.utc(l.createdAt()),
                    SqlTime.utc(l.paidAt()), SqlTime.utc(l.receivedAt()), SqlTime.utc(l.settledAt()), l.pid(),
                    l.relationId(), l.specialId(), l.subUnionId(), l.customUid(), SettleDue.NOW,
                    truncateSource(l.source()),
                    l.status().rank(), SqlTime.utc(l.modifiedAt())});
        }
        jdbc.getJdbcTemplate().batchUpdate(UPSERT, args);
    }

    /** Makes lines due for settlement at once (their refund changed), in one batch. */
    public void markDue(Platform platform, Collection<String> orderLineIds) {
        if (orderLineIds.isEmpty()) {
            return;
        }
        List<Object[]> args = new ArrayList<>(orderLineIds.size());
        for (String id : orderLineIds) {
            args.add(new Object[] {SettleDue.NOW, platform.name(), id, SettleDue.NOW});
        }
        jdbc.getJdbcTemplate().batchUpdate("UPDATE order_line SET due_on = ? WHERE platform = ? AND order_line_id = ?"
                + " AND due_on <> ?", args);
    }

    private static String truncateSource(String s) {
        return s == null ? "" : s.length() <= 255 ? s : s.substring(0, 255);
    }
}
