package io.rebatch.writers.ledger;

import io.rebatch.domain.Bucket;
import io.rebatch.writers.jdbc.SqlTime;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Posts to the append-only double-entry ledger and keeps {@code user_balance} in step, in the caller's
 * transaction. Every posting is two legs under one entry key: the user's bucket gets {@code amountFen}, the
 * counter account the opposite, so all entries always sum to zero. Entry keys are unique: posting the same
 * key twice fails the transaction instead of double-counting, which is what makes reruns safe to attempt.
 * Balance rows are updated in user-id order so that concurrent writers cannot deadlock each other.
 */
public class LedgerWriter {
    /** One posting. {@code counterAccount} is e.g. {@code PLATFORM:TAOBAO} or {@code HOUSE:TIER_BONUS}. */
    public record Posting(String entryKey, long userId, Bucket bucket, long amountFen, String counterAccount,
                          String refType, String platform, String orderLineId, String role) {
    }

    static final String INSERT = "INSERT INTO ledger_entry (entry_key, leg, account, user_id, bucket, amount_fen,"
            + " ref_type, platform, order_line_id, role, business_date, job_execution_id, posted_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public LedgerWriter(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void post(List<Posting> postings, LocalDate businessDate, Long jobExecutionId) {
        post(postings, businessDate, jobExecutionId, () -> { });
    }

    /**
     * Posts, calling {@code betweenEntriesAndBalances} after the entries are written and before the balances are:
     * the point where a crash would leave entries without their balances if the two did not share the caller's
     * transaction (tests put a fault there).
     */
    public void post(List<Posting> postings, LocalDate businessDate, Long jobExecutionId,
                     Runnable betweenEntriesAndBalances) {
        if (postings.isEmpty()) {
            return;
        }
        var now = SqlTime.utc(clock.instant());
        List<Object[]> legs = new ArrayList<>(postings.size() * 2);
        Map<Long, long[]> deltas = new TreeMap<>();
        for (Posting p : postings) {
            legs.add(new Object[] {p.entryKey(), 1, "USER", p.userId(), p.bucket().name(), p.amountFen(), p.refType(),
                    p.platform(), p.orderLineId(), p.role(), businessDate, jobExecutionId, now});
            legs.add(new Object[] {p.entryKey(), 2, p.counterAccount(), null, null, -p.amountFen(), p.refType(),
                    p.platform(), p.orderLineId(), p.role(), businessDate, jobExecutionId, now});
            deltas.computeIfAbsent(p.userId(), k -> new long[4])[p.bucket().ordinal()] += p.amountFen();
        }
        jdbc.batchUpdate(INSERT, legs);
        betweenEntriesAndBalances.run();
        List<Object[]> balances = new ArrayList<>(deltas.size());
        for (Map.Entry<Long, long[]> e : deltas.entrySet()) {
            long[] d = e.getValue();
            balances.add(new Object[] {e.getKey(), d[0], d[1], d[2], d[3]});
        }
        jdbc.batchUpdate("INSERT INTO user_balance (user_id, pending_fen, available_fen, withdrawing_fen, paid_fen)"
                + " VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE pending_fen = pending_fen + VALUES(pending_fen),"
                + " available_fen = available_fen + VALUES(available_fen),"
                + " withdrawing_fen = withdrawing_fen + VALUES(withdrawing_fen), paid_fen = paid_fen + VALUES(paid_fen)",
                balances);
    }
}
