package io.rebatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What "no line posted twice, nothing half-written" means in the tables: for every line, the ledger holds exactly
 * the positions its settlement state says are posted; every user's balance row equals the sums of their entries;
 * all entries sum to zero; no entry key is used twice; withdrawals have exactly the moves their status implies
 * ({@link #assertWithdrawalsHold}); the app's rebate records agree with the settlement
 * ({@link RebateRecordInvariants}). Checked with set-based SQL on H2 and MariaDB alike.
 */
public final class LedgerInvariants {
    private static final String[][] POSITIONS = {
            {"buyer_pending_fen", "BUYER", "PENDING"}, {"buyer_available_fen", "BUYER", "AVAILABLE"},
            {"inviter_pending_fen", "INVITER", "PENDING"}, {"inviter_available_fen", "INVITER", "AVAILABLE"},
            {"grand_pending_fen", "GRAND_INVITER", "PENDING"}, {"grand_available_fen", "GRAND_INVITER", "AVAILABLE"}};

    private LedgerInvariants() {
    }

    public static void assertHold(String jdbcUrl) {
        assertLedgerHolds(jdbcUrl);
        RebateRecordInvariants.assertHold(jdbcUrl);
    }

    /**
     * Everything of {@link #assertHold} but the rebate records, which only agree with the order lines once a settle
     * has visited every line (mid-settle, a line whose snapshot the last import changed keeps its old records until
     * its chunk comes).
     */
    public static void assertLedgerHolds(String jdbcUrl) {
        StringBuilder mismatch = new StringBuilder("SELECT s.platform, s.order_line_id FROM line_settlement s WHERE 1 = 0");
        for (String[] p : POSITIONS) {
            mismatch.append(" OR s.").append(p[0]).append(" <> (SELECT COALESCE(SUM(e.amount_fen), 0) FROM ledger_entry e")
                    .append(" WHERE e.leg = 1 AND e.ref_type = 'LINE' AND e.platform = s.platform")
                    .append(" AND e.order_line_id = s.order_line_id AND e.role = '").append(p[1])
                    .append("' AND e.bucket = '").append(p[2]).append("')");
        }
        assertThat(rows(jdbcUrl, mismatch.toString())).as("lines whose ledger entries differ from their posted state")
                .isEmpty();
        assertThat(rows(jdbcUrl, "SELECT DISTINCT e.platform, e.order_line_id FROM ledger_entry e WHERE e.ref_type = 'LINE'"
                + " AND NOT EXISTS (SELECT 1 FROM line_settlement s WHERE s.platform = e.platform"
                + " AND s.order_line_id = e.order_line_id)")).as("entries of lines without a settlement state").isEmpty();
        assertThat(rows(jdbcUrl, "SELECT b.user_id FROM user_balance b WHERE b.pending_fen <>"
                + " (SELECT COALESCE(SUM(e.amount_fen), 0) FROM ledger_entry e WHERE e.user_id = b.user_id"
                + " AND e.bucket = 'PENDING') OR b.available_fen <> (SELECT COALESCE(SUM(e.amount_fen), 0)"
                + " FROM ledger_entry e WHERE e.user_id = b.user_id AND e.bucket = 'AVAILABLE')"
                + " OR b.withdrawing_fen <> (SELECT COALESCE(SUM(e.amount_fen), 0) FROM ledger_entry e"
                + " WHERE e.user_id = b.user_id AND e.bucket = 'WITHDRAWING') OR b.paid_fen <>"
                + " (SELECT COALESCE(SUM(e.amount_fen), 0) FROM ledger_entry e WHERE e.user_id = b.user_id"
                + " AND e.bucket = 'PAID')"))
                .as("balances out of step with their entries").isEmpty();
        assertWithdrawalsHold(jdbcUrl);
        assertThat(rows(jdbcUrl, "SELECT COALESCE(SUM(amount_fen), 0) FROM ledger_entry")).containsExactly("0");
        // (entry_key, leg) is unique in the schema; what a writer can break is the pair: two legs that cancel
        assertThat(rows(jdbcUrl, "SELECT entry_key FROM ledger_entry GROUP BY entry_key"
                + " HAVING COUNT(*) <> 2 OR SUM(amount_fen) <> 0"))
                .as("entries that are not two legs cancelling out").isEmpty();
    }

    /**
     * The withdrawal moves (ref_type 'WDR', both legs the user's own buckets): each entry key's two legs belong to
     * one user and cancel out; every withdrawal has its request move, and a result move exactly when it is PAID
     * (withdrawing → paid) or FAILED (withdrawing → available); a user's withdrawing is the sum of their REQUESTED
     * and IN_BATCH withdrawals, their paid the sum of the PAID ones. Without withdrawals it holds trivially.
     */
    public static void assertWithdrawalsHold(String jdbcUrl) {
        assertThat(rows(jdbcUrl, "SELECT entry_key FROM ledger_entry WHERE ref_type = 'WDR' GROUP BY entry_key"
                + " HAVING COUNT(*) <> 2 OR SUM(amount_fen) <> 0 OR MIN(user_id) <> MAX(user_id)"
                + " OR COUNT(user_id) <> 2 OR MIN(account) <> 'USER' OR MAX(account) <> 'USER'"))
                .as("withdrawal moves that are not two legs of one user cancelling out").isEmpty();
        String moves = "SELECT w.withdrawal_id, w.status, (SELECT COUNT(*) FROM ledger_entry e WHERE e.entry_key ="
                + " CONCAT('W:', w.withdrawal_id, ':REQUEST') AND e.user_id = w.user_id AND ((e.leg = 1 AND e.bucket ="
                + " 'AVAILABLE' AND e.amount_fen = -w.amount_fen) OR (e.leg = 2 AND e.bucket = 'WITHDRAWING'"
                + " AND e.amount_fen = w.amount_fen))) AS requested, (SELECT COUNT(*) FROM ledger_entry e"
                + " WHERE e.entry_key = CONCAT('W:', w.withdrawal_id, ':RESULT') AND e.user_id = w.user_id"
                + " AND ((e.leg = 1 AND e.bucket = 'WITHDRAWING' AND e.amount_fen = -w.amount_fen) OR (e.leg = 2"
                + " AND e.amount_fen = w.amount_fen AND e.bucket = CASE w.status WHEN 'PAID' THEN 'PAID'"
                + " ELSE 'AVAILABLE' END))) AS settled, (SELECT COUNT(*) FROM ledger_entry e WHERE e.entry_key LIKE"
                + " CONCAT('W:', w.withdrawal_id, ':%')) AS legs FROM withdrawal w";
        assertThat(rows(jdbcUrl, "SELECT * FROM (" + moves + ") m WHERE m.requested <> 2 OR m.settled <>"
                + " (CASE WHEN m.status IN ('PAID', 'FAILED') THEN 2 ELSE 0 END) OR m.legs <> m.requested + m.settled"))
                .as("withdrawals whose ledger moves differ from their status (id|status|request legs|result legs|all)")
                .isEmpty();
        assertThat(rows(jdbcUrl, "SELECT b.user_id FROM user_balance b WHERE b.withdrawing_fen <> (SELECT"
                + " COALESCE(SUM(w.amount_fen), 0) FROM withdrawal w WHERE w.user_id = b.user_id AND w.status IN"
                + " ('REQUESTED', 'IN_BATCH')) OR b.paid_fen <> (SELECT COALESCE(SUM(w.amount_fen), 0) FROM withdrawal w"
                + " WHERE w.user_id = b.user_id AND w.status = 'PAID')"))
                .as("users whose withdrawing or paid differ from their withdrawals").isEmpty();
    }

    /** Each row of a query as its columns joined with '|'. */
    public static List<String> rows(String jdbcUrl, String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    sb.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                out.add(sb.toString());
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
