package io.rebatch.api.me;

import io.rebatch.domain.Invitees;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The team view from the user's own {@code rebate_record} rows in the INVITER (level 1) and GRAND_INVITER (level 2)
 * roles, grouped by the buyer they came from: one indexed range of one user's records, never the ledger.
 * Invitees who have not bought anything yet earn nothing and are not listed.
 */
@Repository
public class TeamReads {
    private final JdbcTemplate jdbc;

    public TeamReads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public TeamView of(long userId) {
        List<TeamView.Invitee> invitees = new ArrayList<>();
        long[] totals = new long[4];
        jdbc.query("SELECT buyer_id, role, COUNT(*) AS line_count,"
                + " SUM(CASE WHEN status = 'PENDING' THEN amount_fen ELSE 0 END) AS pending_fen,"
                + " SUM(CASE WHEN status = 'AVAILABLE' THEN amount_fen ELSE 0 END) AS available_fen,"
                + " SUM(CASE WHEN status = 'INVALID' THEN 1 ELSE 0 END) AS invalid_count"
                + " FROM rebate_record WHERE user_id = ? AND role IN ('INVITER', 'GRAND_INVITER')"
                + " GROUP BY buyer_id, role ORDER BY role DESC, buyer_id", rs -> {
                    int level = "INVITER".equals(rs.getString("role")) ? 1 : 2;
                    long pending = rs.getLong("pending_fen");
                    long available = rs.getLong("available_fen");
                    totals[(level - 1) * 2] += pending;
                    totals[(level - 1) * 2 + 1] += available;
                    invitees.add(TeamView.Invitee.of(Invitees.maskUserId(rs.getLong("buyer_id")), level,
                            rs.getLong("line_count"), pending, available, rs.getLong("invalid_count")));
                }, userId);
        return TeamView.of(userId, totals[0], totals[1], totals[2], totals[3], invitees);
    }
}
