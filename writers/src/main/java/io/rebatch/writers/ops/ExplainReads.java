package io.rebatch.writers.ops;

import io.rebatch.writers.jdbc.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What {@code rebatch explain} reads for one user: every ledger entry on the user's account (a line posting's
 * user leg, both legs of a bucket move), each with what its order line's stored snapshot, settlement state,
 * deciding click and latest refund say; the user's withdrawals and tier bonuses (the references of the other
 * entries); the app-data row and the balance row. Read-only, a handful of queries per user.
 */
public class ExplainReads {
    /** The user as the app data knows them; null fields when the user is only known to the ledger. */
    public record UserRow(long userId, String level, Long inviterId) {
    }

    /** One entry of the user. {@code line} is set for {@code LINE} entries whose line is stored. */
    public record Entry(long entryId, String entryKey, String bucket, long amountFen, String refType, String platform,
                        String orderLineId, String role, LocalDate businessDate, Long jobExecutionId, LineTrace line) {
    }

    /**
     * A line as stored now: the snapshot (status, version, source), the settlement state (attribution, its evidence,
     * income and shares, bucket, last evaluation), the deciding click, and the latest refund (null fields: none).
     */
    public record LineTrace(String status, Instant modifiedAt, int statusRank, String source, Instant createdAt,
                            Instant paidAt, Instant settledAt, String itemId, String method, String buyerLevel,
                            boolean unverified, LocalDate attributedOn, Long incomeFen, Long buyerFen,
                            Long inviterFen, Long grandInviterFen, String bucket, LocalDate settledOn,
                            String heldReason, String bindingKind, String bindingValue, Long clickId,
                            Instant clickedAt, String clickPid, Long refundFen, Integer refundStatus,
                            Instant refundModifiedAt, String refundSource) {
    }

    /** A withdrawal of the user, without payee data. */
    public record WithdrawalRow(long withdrawalId, long amountFen, String status, LocalDate requestedOn,
                                String batchNo, String transferNo, String reason) {
    }

    /** A month's tier bonus of the user. */
    public record TierRow(String month, long settledBuyerFen, long bonusFen, int revision) {
    }

    private static final String ENTRIES = "SELECT e.entry_id, e.entry_key, e.bucket, e.amount_fen, e.ref_type,"
            + " e.platform, e.order_line_id, e.role, e.business_date, e.job_execution_id,"
            + " o.line_seq, o.status, o.modified_at, o.status_rank, o.source, o.created_at, o.paid_at, o.settled_at,"
            + " o.item_id, s.method, s.buyer_level, s.unverified, s.attributed_on, s.income_fen, s.buyer_fen,"
            + " s.inviter_fen, s.grand_inviter_fen, s.bucket AS s_bucket, s.settled_on, s.held_reason,"
            + " s.decided_binding_kind, s.decided_binding_value, s.decided_click_id, c.clicked_at, c.pid AS c_pid,"
            + " r.refund_fen, r.refund_status, r.modified_at AS r_modified_at, r.source AS r_source"
            + " FROM ledger_entry e"
            + " LEFT JOIN order_line o ON o.platform = e.platform AND o.order_line_id = e.order_line_id"
            + " LEFT JOIN line_settlement s ON s.platform = e.platform AND s.order_line_id = e.order_line_id"
            + " LEFT JOIN click c ON c.click_id = s.decided_click_id"
            + " LEFT JOIN refund_snapshot r ON r.platform = e.platform AND r.order_line_id = e.order_line_id"
            + " WHERE e.account = 'USER' AND e.user_id = ?";

    private final JdbcTemplate jdbc;

    public ExplainReads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The app-data row of the user, if loaded. */
    public Optional<UserRow> user(long userId) {
        return jdbc.query("SELECT user_id, level, inviter_id FROM app_user WHERE user_id = ?", (rs, n) ->
                new UserRow(rs.getLong(1), rs.getString(2), SqlTime.nullableLong(rs, "inviter_id")), userId)
                .stream().findFirst();
    }

    /** The balance row (pending, available, withdrawing, paid: {@code Bucket} order), if the user has one. */
    public Optional<long[]> balance(long userId) {
        return jdbc.query("SELECT pending_fen, available_fen, withdrawing_fen, paid_fen FROM user_balance"
                + " WHERE user_id = ?", (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3),
                rs.getLong(4)}, userId).stream().findFirst();
    }

    /**
     * The user's entries in entry order; only those of business dates {@code from}..{@code to} (inclusive) when
     * both are given.
     */
    public List<Entry> entries(long userId, LocalDate from, LocalDate to) {
        List<Object> args = new ArrayList<>(List.of(userId));
        String sql = ENTRIES;
        if (from != null && to != null) {
            sql += " AND e.business_date >= ? AND e.business_date <= ?";
            args.add(from);
            args.add(to);
        }
        return jdbc.query(sql + " ORDER BY e.entry_id", ExplainReads::entry, args.toArray());
    }

    public List<WithdrawalRow> withdrawals(long userId) {
        return jdbc.query("SELECT withdrawal_id, amount_fen, status, requested_on, batch_no, transfer_no, reason"
                + " FROM withdrawal WHERE user_id = ? ORDER BY withdrawal_id", (rs, n) -> new WithdrawalRow(
                rs.getLong(1), rs.getLong(2), rs.getString(3), SqlTime.date(rs, "requested_on"), rs.getString(5),
                rs.getString(6), rs.getString(7)), userId);
    }

    public List<TierRow> tierBonuses(long userId) {
        return jdbc.query("SELECT bonus_month, settled_buyer_fen, bonus_fen, revision FROM tier_bonus"
                + " WHERE user_id = ? ORDER BY bonus_month", (rs, n) -> new TierRow(rs.getString(1), rs.getLong(2),
                rs.getLong(3), rs.getInt(4)), userId);
    }

    private static Entry entry(ResultSet rs, int n) throws SQLException {
        LineTrace line = null;
        if (rs.getObject("line_seq") != null) {
            line = new LineTrace(rs.getString("status"), SqlTime.instant(rs, "modified_at"), rs.getInt("status_rank"),
                    rs.getString("source"), SqlTime.instant(rs, "created_at"), SqlTime.instant(rs, "paid_at"),
                    SqlTime.instant(rs, "settled_at"), rs.getString("item_id"), rs.getString("method"),
                    rs.getString("buyer_level"), rs.getInt("unverified") != 0, SqlTime.date(rs, "attributed_on"),
                    SqlTime.nullableLong(rs, "income_fen"), SqlTime.nullableLong(rs, "buyer_fen"),
                    SqlTime.nullableLong(rs, "inviter_fen"), SqlTime.nullableLong(rs, "grand_inviter_fen"),
                    rs.getString("s_bucket"), SqlTime.date(rs, "settled_on"), rs.getString("held_reason"),
                    rs.getString("decided_binding_kind"), rs.getString("decided_binding_value"),
                    SqlTime.nullableLong(rs, "decided_click_id"), SqlTime.instant(rs, "clicked_at"),
                    rs.getString("c_pid"), SqlTime.nullableLong(rs, "refund_fen"),
                    rs.getObject("refund_status") == null ? null : rs.getInt("refund_status"),
                    SqlTime.instant(rs, "r_modified_at"), rs.getString("r_source"));
        }
        return new Entry(rs.getLong("entry_id"), rs.getString("entry_key"), rs.getString("bucket"),
                rs.getLong("amount_fen"), rs.getString("ref_type"), rs.getString("platform"),
                rs.getString("order_line_id"), rs.getString("role"), SqlTime.date(rs, "business_date"),
                SqlTime.nullableLong(rs, "job_execution_id"), line);
    }
}
