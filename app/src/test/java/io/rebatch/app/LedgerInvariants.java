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
 * the positions its settlement state says are posted; every user's balance row equals the sums of their entries,
 * bucket by bucket; every withdrawal posting (ref_type WDR) is two legs of one user that cancel out; all entries
 * sum to zero; no entry key is used twice. Checked with set-based SQL on H2 and MariaDB alike.
 */
final class LedgerInvariants {
    private static final String[][] POSITIONS = {
            {"buyer_pending_fen", "BUYER", "PENDING"}, {"buyer_available_fen", "BUYER", "AVAILABLE"},
            {"inviter_pending_fen", "INVITER", "PENDING"}, {"inviter_available_fen", "INVITER", "AVAILABLE"},
            {"grand_pending_fen", "GRAND_INVITER", "PENDING"}, {"grand_available_fen", "GRAND_INVITER", "AVAILABLE"}};

    private LedgerInvariants() {
    }

    static void assertHold(String jdbcUrl) {
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
        // A withdrawal posting (ref_type WDR) moves between two buckets of one user: two USER legs, same user.
        assertThat(rows(jdbcUrl, "SELECT entry_key FROM ledger_entry WHERE ref_type = 'WDR' GROUP BY entry_key"
                + " HAVING COUNT(*) <> 2 OR SUM(amount_fen) <> 0 OR MIN(account) <> 'USER' OR MAX(account) <> 'USER'"
                + " OR MIN(user_id) <> MAX(user_id) OR COUNT(user_id) <> 2"))
                .as("withdrawal postings that are not two legs of one user summing to zero").isEmpty();
        assertThat(rows(jdbcUrl, "SELECT COALESCE(SUM(amount_fen), 0) FROM ledger_entry")).containsExactly("0");
        assertThat(rows(jdbcUrl, "SELECT entry_key FROM ledger_entry GROUP BY entry_key, leg HAVING COUNT(*) > 1"))
                .as("entry keys used twice").isEmpty();
    }

    /** Each row of a query as its columns joined with '|'. */
    static List<String> rows(String jdbcUrl, String sql) {
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
