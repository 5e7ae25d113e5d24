package io.rebatch.writers.tier;

import io.rebatch.domain.BusinessTime;
import io.rebatch.writers.jdbc.SqlTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.jdbc.core.RowMapper;

/**
 * The month's tier bonus rows ({@code tier_bonus}, SPEC 6): the query the close-month reader streams — each buyer's
 * settled buyer amount S of lines settled in month M (as the last settle computed them) beside the bonus and
 * revision already posted for M — and the upsert that records the new bonus in the chunk's transaction, next to
 * its ledger posting.
 */
public class TierBonusStore {
    /** One row per buyer with settled lines in M or a bonus row for M, in user order; parameters: {@link #of}. */
    public static final String SETTLED_AND_POSTED = "SELECT user_id, SUM(s_fen) AS settled_buyer_fen,"
            + " MAX(posted) AS posted, MAX(revision) AS revision FROM ("
            + " SELECT s.buyer_id AS user_id, s.buyer_fen AS s_fen, 0 AS posted, 0 AS revision"
            + " FROM line_settlement s JOIN order_line o ON o.platform = s.platform AND o.order_line_id = s.order_line_id"
            + " WHERE o.status = 'SETTLED' AND o.settled_at >= ? AND o.settled_at < ? AND s.buyer_id IS NOT NULL"
            + " UNION ALL SELECT user_id, 0, bonus_fen, revision FROM tier_bonus WHERE bonus_month = ?"
            + ") t GROUP BY user_id ORDER BY user_id";

    /** The rows of {@link #SETTLED_AND_POSTED}. */
    public static final RowMapper<TierItem> ITEMS = (rs, n) -> new TierItem(rs.getLong(1), rs.getLong(2),
            rs.getLong(3), rs.getInt(4));

    private static final String UPSERT = "INSERT INTO tier_bonus (user_id, bonus_month, settled_buyer_fen, bonus_fen,"
            + " revision) VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE settled_buyer_fen = VALUES(settled_buyer_fen),"
            + " bonus_fen = VALUES(bonus_fen), revision = VALUES(revision)";

    /** A buyer's bonus for a month as it now stands. */
    public record Row(long userId, String month, long settledBuyerFen, long bonusFen, int revision) {
    }

    private final JdbcTemplate jdbc;

    public TierBonusStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The parameters of {@link #SETTLED_AND_POSTED} for month {@code m}: its Shanghai days, and its key. */
    public static PreparedStatementSetter of(YearMonth m) {
        return ps -> {
            ps.setObject(1, SqlTime.utc(BusinessTime.startOf(m.atDay(1))));
            ps.setObject(2, SqlTime.utc(BusinessTime.endOf(m.atEndOfMonth())));
            ps.setString(3, m.toString());
        };
    }

    public void upsert(List<Row> rows) {
        List<Object[]> args = new ArrayList<>(rows.size());
        for (Row r : rows) {
            args.add(new Object[] {r.userId(), r.month(), r.settledBuyerFen(), r.bonusFen(), r.revision()});
        }
        jdbc.batchUpdate(UPSERT, args);
    }
}
