package io.rebatch.writers.settle;

import io.rebatch.domain.Attribution;
import io.rebatch.domain.AttributionMethod;
import io.rebatch.domain.Bucket;
import io.rebatch.domain.LedgerDiff;
import io.rebatch.domain.Level;
import io.rebatch.domain.OrderLine;
import io.rebatch.domain.Refund;
import io.rebatch.domain.ShareSplit;
import io.rebatch.writers.jdbc.SqlTime;
import io.rebatch.writers.orders.OrderLineRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.core.RowMapper;

/**
 * The settle reader's query: order_line with its latest refund, its settlement state and the fields its rebate
 * records show, in line_seq order.
 */
final class SettleRows implements RowMapper<SettleItem> {
    static final String SELECT = "o.*, r.refund_status AS r_status, r.refund_fen AS r_fen, r.modified_at AS r_modified_at,"
            + " s.tried AS s_tried, s.method AS s_method, s.buyer_id AS s_buyer_id, s.buyer_level AS s_buyer_level,"
            + " s.inviter_id AS s_inviter_id, s.grand_inviter_id AS s_grand_id, s.unverified AS s_unverified,"
            + " s.attributed_on AS s_attributed_on, s.income_fen AS s_income, s.buyer_fen AS s_buyer,"
            + " s.inviter_fen AS s_inviter, s.grand_inviter_fen AS s_grand, s.margin_fen AS s_margin, s.bucket AS s_bucket,"
            + " s.buyer_pending_fen AS s_buyer_pending, s.buyer_available_fen AS s_buyer_available,"
            + " s.inviter_pending_fen AS s_inviter_pending, s.inviter_available_fen AS s_inviter_available,"
            + " s.grand_pending_fen AS s_grand_pending, s.grand_available_fen AS s_grand_available,"
            + " s.revision AS s_revision, s.settled_on AS s_settled_on, s.held_reason AS s_held_reason,"
            + " s.state_seq AS s_state_seq, s.decided_binding_kind AS s_binding_kind,"
            + " s.decided_binding_value AS s_binding_value, s.decided_click_id AS s_click_id,"
            + " rb.role AS rb_role, rb.item_title AS rb_item_title,"
            + " rb.created_at AS rb_created_at, rb.settled_at AS rb_settled_at";
    static final String FROM = "order_line o"
            + " LEFT JOIN refund_snapshot r ON r.platform = o.platform AND r.order_line_id = o.order_line_id"
            + " LEFT JOIN line_settlement s ON s.platform = o.platform AND s.order_line_id = o.order_line_id"
            // The fields the line's records show (the settle job's RebateRecords): every line with a beneficiary has a BUYER record.
            + " LEFT JOIN rebate_record rb ON rb.platform = o.platform AND rb.order_line_id = o.order_line_id"
            + " AND rb.role = 'BUYER'";

    @Override
    public SettleItem mapRow(ResultSet rs, int rowNum) throws SQLException {
        OrderLine line = OrderLineRows.map(rs);
        Refund refund = rs.getObject("r_status") == null ? null
                : new Refund(line.orderLineId(), rs.getInt("r_status"), rs.getLong("r_fen"),
                        SqlTime.instant(rs, "r_modified_at"), "");
        SettlementState state = null;
        if (rs.getObject("s_tried") != null) {
            String method = rs.getString("s_method");
            Attribution.Beneficiaries b = method == null ? null
                    : new Attribution.Beneficiaries(rs.getLong("s_buyer_id"), Level.valueOf(rs.getString("s_buyer_level")),
                            SqlTime.nullableLong(rs, "s_inviter_id"), SqlTime.nullableLong(rs, "s_grand_id"));
            LedgerDiff.Positions posted = new LedgerDiff.Positions(rs.getLong("s_buyer_pending"),
                    rs.getLong("s_buyer_available"), rs.getLong("s_inviter_pending"), rs.getLong("s_inviter_available"),
                    rs.getLong("s_grand_pending"), rs.getLong("s_grand_available"));
            String bucket = rs.getString("s_bucket");
            state = new SettlementState(rs.getInt("s_tried") != 0, method == null ? null : AttributionMethod.valueOf(method),
                    b, rs.getInt("s_unverified") != 0, SqlTime.date(rs, "s_attributed_on"), evidence(rs),
                    new ShareSplit.Shares(rs.getLong("s_income"), rs.getLong("s_buyer"), rs.getLong("s_inviter"),
                            rs.getLong("s_grand"), rs.getLong("s_margin")),
                    bucket == null ? null : Bucket.valueOf(bucket), posted,
                    rs.getInt("s_revision"), SqlTime.date(rs, "s_settled_on"), rs.getString("s_held_reason"),
                    rs.getLong("s_state_seq"));
        }
        SettleItem.LineFields recorded = rs.getString("rb_role") == null ? null
                : new SettleItem.LineFields(rs.getString("rb_item_title"), SqlTime.instant(rs, "rb_created_at"),
                        SqlTime.instant(rs, "rb_settled_at"));
        return new SettleItem(rs.getLong("line_seq"), line, refund, state, recorded, SqlTime.date(rs, "due_on"));
    }

    /** The binding or click that decided the line's attribution, or null (unattributed, or not recorded: pre-V9). */
    private static Attribution.Evidence evidence(ResultSet rs) throws SQLException {
        Long click = SqlTime.nullableLong(rs, "s_click_id");
        String kind = rs.getString("s_binding_kind");
        if (click == null && kind == null) {
            return null;
        }
        return new Attribution.Evidence(kind, rs.getString("s_binding_value"), click);
    }
}
