package io.rebatch.writers.payout;

import io.rebatch.domain.payout.IdempotencyKey;
import io.rebatch.domain.payout.Payee;
import io.rebatch.domain.payout.Withdrawal;
import io.rebatch.domain.payout.WithdrawalRequest;
import io.rebatch.domain.payout.WithdrawalStatus;
import io.rebatch.writers.jdbc.SqlTime;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The {@code withdrawal} table (SPEC §7): requests, their batch and their result. Every status change is a
 * conditional update on the status it leaves, so the database, not the caller, guarantees that a withdrawal is
 * batched once and settled once. Payee values are read and written here in clear — for the payout file — and
 * leave only inside {@link Withdrawal}/{@link Payee}, whose {@code toString} masks them.
 */
public class WithdrawalStore {
    static final String COLUMNS = "withdrawal_id, user_id, idempotency_key, amount_fen, payee_account, payee_name,"
            + " status, requested_at, batch_no, transfer_no, reason";

    static final RowMapper<Withdrawal> ROW = WithdrawalStore::map;

    private final JdbcTemplate jdbc;

    public WithdrawalStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Withdrawal> findByKey(long userId, IdempotencyKey key) {
        return jdbc.query("SELECT " + COLUMNS + " FROM withdrawal WHERE user_id = ? AND idempotency_key = ?", ROW,
                userId, key.value()).stream().findFirst();
    }

    public Optional<Withdrawal> find(long withdrawalId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM withdrawal WHERE withdrawal_id = ?", ROW, withdrawalId)
                .stream().findFirst();
    }

    /**
     * Locks the user's balance row ({@code SELECT … FOR UPDATE}) and returns the available amount, or null when the
     * user has no balance row (no ledger entry yet: nothing available). Holding this lock serialises every request
     * of one user, so the day's sum and the available amount read after it cannot change before the commit.
     */
    public Long lockAvailable(long userId) {
        List<Long> v = jdbc.queryForList("SELECT available_fen FROM user_balance WHERE user_id = ? FOR UPDATE",
                Long.class, userId);
        return v.isEmpty() ? null : v.get(0);
    }

    /** The sum of the user's accepted requests of business date {@code day}, whatever became of them since. */
    public long acceptedOn(long userId, LocalDate day) {
        Long sum = jdbc.queryForObject("SELECT COALESCE(SUM(amount_fen), 0) FROM withdrawal WHERE user_id = ?"
                + " AND requested_on = ?", Long.class, userId, day);
        return sum == null ? 0 : sum;
    }

    /** Stores an accepted request as REQUESTED; the unique (user, key) refuses a second one. Returns its id. */
    public long insert(WithdrawalRequest r, Instant requestedAt, LocalDate requestedOn) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("INSERT INTO withdrawal (user_id, idempotency_key, amount_fen,"
                    + " payee_account, payee_name, status, requested_at, requested_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    new String[] {"withdrawal_id"});
            ps.setLong(1, r.userId());
            ps.setString(2, r.key().value());
            ps.setLong(3, r.amountFen());
            ps.setString(4, r.payee().alipayAccount());
            ps.setString(5, r.payee().realName());
            ps.setString(6, WithdrawalStatus.REQUESTED.name());
            ps.setObject(7, SqlTime.utc(requestedAt));
            ps.setObject(8, requestedOn);
            return ps;
        }, keys);
        Number id = keys.getKey();
        if (id == null) {
            throw new IllegalStateException("the database returned no withdrawal id");
        }
        return id.longValue();
    }

    /** Locks the withdrawals with these ids, in id order (so two importers cannot deadlock), and returns them. */
    public List<Withdrawal> lock(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String in = ids.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
        return jdbc.query("SELECT " + COLUMNS + " FROM withdrawal WHERE withdrawal_id IN (" + in + ")"
                + " ORDER BY withdrawal_id FOR UPDATE", ROW);
    }

    /** A result to record on an IN_BATCH withdrawal: PAID with its transfer number or FAILED with the reason. */
    public record Result(long withdrawalId, WithdrawalStatus status, String transferNo, String reason,
                         Instant completedAt, String source) {
    }

    /**
     * Records results, each only on a withdrawal still IN_BATCH (conditional update); the caller holds the rows'
     * locks ({@link #lock}). Fails when the database reports a row it did not change.
     */
    public void record(List<Result> results, Instant now) {
        if (results.isEmpty()) {
            return;
        }
        List<Object[]> args = new ArrayList<>(results.size());
        for (Result r : results) {
            args.add(new Object[] {r.status().name(), r.transferNo(), r.reason(),
                    r.completedAt() == null ? null : SqlTime.utc(r.completedAt()), r.source(), SqlTime.utc(now),
                    r.withdrawalId(), WithdrawalStatus.IN_BATCH.name()});
        }
        int[] counts = jdbc.batchUpdate("UPDATE withdrawal SET status = ?, transfer_no = ?, reason = ?, completed_at = ?,"
                + " result_source = ?, result_at = ? WHERE withdrawal_id = ? AND status = ?", args);
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                throw new IllegalStateException("withdrawal " + results.get(i).withdrawalId()
                        + " is no longer IN_BATCH; nothing of this chunk is recorded");
            }
        }
    }

    /** The user's withdrawals, newest first. */
    public List<Withdrawal> ofUser(long userId, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM withdrawal WHERE user_id = ? ORDER BY withdrawal_id DESC LIMIT ?",
                ROW, userId, limit);
    }

    private static Withdrawal map(ResultSet rs, int n) throws SQLException {
        return new Withdrawal(rs.getLong("withdrawal_id"), rs.getLong("user_id"),
                IdempotencyKey.of(rs.getString("idempotency_key")), rs.getLong("amount_fen"),
                Payee.of(rs.getString("payee_account"), rs.getString("payee_name")),
                WithdrawalStatus.valueOf(rs.getString("status")), SqlTime.instant(rs, "requested_at"),
                trimmed(rs.getString("batch_no")), rs.getString("transfer_no"), rs.getString("reason"));
    }

    private static String trimmed(String s) {
        return s == null ? null : s.strip();
    }
}
