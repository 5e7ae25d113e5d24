package io.rebatch.writers.orders;

import io.rebatch.domain.LineStatus;
import io.rebatch.domain.OrderLine;
import io.rebatch.domain.Platform;
import io.rebatch.writers.jdbc.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Maps an {@code order_line} row (any query selecting its columns by name) back to the canonical record. */
public final class OrderLineRows {
    private OrderLineRows() {
    }

    public static OrderLine map(ResultSet rs) throws SQLException {
        return new OrderLine(new Platform(rs.getString("platform")), rs.getString("order_line_id"),
                rs.getString("parent_order_id"), rs.getString("item_id"), rs.getString("item_title"),
                rs.getInt("quantity"), rs.getLong("paid_amount_fen"), rs.getInt("commission_rate_bps"),
                rs.getLong("estimated_income_fen"), SqlTime.nullableLong(rs, "settled_income_fen"),
                LineStatus.valueOf(rs.getString("status")), SqlTime.instant(rs, "created_at"),
                SqlTime.instant(rs, "paid_at"), SqlTime.instant(rs, "received_at"), SqlTime.instant(rs, "settled_at"),
                SqlTime.instant(rs, "modified_at"), rs.getString("pid"), rs.getString("relation_id"),
                rs.getString("special_id"), rs.getString("sub_union_id"), rs.getString("custom_uid"),
                rs.getString("source"));
    }
}
