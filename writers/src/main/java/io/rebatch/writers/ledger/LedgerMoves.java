package io.rebatch.writers.ledger;

import io.rebatch.domain.Bucket;
import io.rebatch.writers.jdbc.SqlTime;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Moves money between two buckets of one user (SPEC §7: available → withdrawing on a request, withdrawing → paid on
 * a successful payout, withdrawing → available on a failed one), in the caller's transaction. A move is one
 * double-entry posting whose two legs are both the user's: {@code from} gets −amount, {@code to} +amount, under one
 * unique entry key — so the ledger still sums to zero, the same move can never be posted twice, and
 * {@code user_balance} is kept in step.
 *
 * <p>No move may take its {@code from} bucket below zero. {@link #moveIfCovered} makes that the database's
 * decision (a conditional update on the user's balance row, which also serialises concurrent requests of one
 * user); {@link #move} (result files: many users per chunk, the withdrawals already locked) updates in one batch
 * and then checks the touched rows, failing the transaction if any went below zero.
 */
public class LedgerMoves {
    /** One move; {@code entryKey} unique per (withdrawal, step), e.g. {@code W:17:REQUEST}. */
    public record Move(String entryKey, long userId, Bucket from, Bucket to, long amountFen, String refType) {
        public Move {
            if (amountFen <= 0 || from == to) {
                throw new IllegalArgumentException("a move needs a positive amount and two buckets: " + entryKey);
            }
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public LedgerMoves(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Moves when the user's {@code from} bucket holds at least the amount, decided by the database: a conditional
     * update of the balance row (which waits for, and then re-reads, a concurrent writer's row lock). Returns false
     * and writes nothing when it does not.
     */
    public boolean moveIfCovered(Move move, LocalDate businessDate, Long jobExecutionId) {
        String from = column(move.from());
        String to = column(move.to());
        int updated = jdbc.update("UPDATE user_balance SET " + from + " = " + from + " - ?, " + to + " = " + to + " + ?"
                + " WHERE user_id = ? AND " + from + " >= ?", move.amountFen(), move.amountFen(), move.userId(),
                move.amountFen());
        if (updated == 0) {
            return false;
        }
        jdbc.batchUpdate(LedgerWriter.INSERT, legs(List.of(move), businessDate, jobExecutionId));
        return true;
    }

    /**
     * Posts every move and applies the balance deltas (rows in user-id order, so concurrent writers cannot deadlock
     * each other), then fails with {@link IllegalStateException} — rolling the caller's transaction back — if a
     * {@code from} bucket of a touched user is now below zero.
     */
    public void move(List<Move> moves, LocalDate businessDate, Long jobExecutionId) {
        if (moves.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(LedgerWriter.INSERT, legs(moves, businessDate, jobExecutionId));
        Map<Long, long[]> deltas = new TreeMap<>();
        Set<Bucket> drained = new TreeSet<>();
        for (Move m : moves) {
            long[] d = deltas.computeIfAbsent(m.userId(), k -> new long[Bucket.values().length]);
            d[m.from().ordinal()] -= m.amountFen();
            d[m.to().ordinal()] += m.amountFen();
            drained.add(m.from());
        }
        List<Object[]> rows = new ArrayList<>(deltas.size());
        for (Map.Entry<Long, long[]> e : deltas.entrySet()) {
            long[] d = e.getValue();
            rows.add(new Object[] {d[0], d[1], d[2], d[3], e.getKey()});
        }
        jdbc.batchUpdate("UPDATE user_balance SET pending_fen = pending_fen + ?, available_fen = available_fen + ?,"
                + " withdrawing_fen = withdrawing_fen + ?, paid_fen = paid_fen + ? WHERE user_id = ?", rows);
        String negative = drained.stream().map(b -> column(b) + " < 0").collect(Collectors.joining(" OR "));
        String users = deltas.keySet().stream().map(String::valueOf).collect(Collectors.joining(","));
        // one read of the touched rows: each must exist (the UPDATE changes nothing for a missing one) and none may
        // have a drained bucket below zero
        List<Long> overdrawn = new ArrayList<>();
        int[] found = {0};
        jdbc.query("SELECT user_id, CASE WHEN " + negative + " THEN 1 ELSE 0 END FROM user_balance WHERE user_id IN ("
                + users + ")", rs -> {
                    found[0]++;
                    if (rs.getInt(2) == 1) {
                        overdrawn.add(rs.getLong(1));
                    }
                });
        if (!overdrawn.isEmpty()) {
            throw new IllegalStateException("moving " + drained + " would take users " + overdrawn
                    + " below zero; nothing of this chunk is written");
        }
        if (found[0] != deltas.size()) {
            throw new IllegalStateException("balance rows missing for some of users " + deltas.keySet());
        }
    }

    private List<Object[]> legs(List<Move> moves, LocalDate businessDate, Long jobExecutionId) {
        var now = SqlTime.utc(clock.instant());
        List<Object[]> legs = new ArrayList<>(moves.size() * 2);
        for (Move m : moves) {
            legs.add(new Object[] {m.entryKey(), 1, "USER", m.userId(), m.from().name(), -m.amountFen(), m.refType(),
                    null, null, null, businessDate, jobExecutionId, now});
            legs.add(new Object[] {m.entryKey(), 2, "USER", m.userId(), m.to().name(), m.amountFen(), m.refType(),
                    null, null, null, businessDate, jobExecutionId, now});
        }
        return legs;
    }

    private static String column(Bucket bucket) {
        return bucket.name().toLowerCase(Locale.ROOT) + "_fen";
    }
}
