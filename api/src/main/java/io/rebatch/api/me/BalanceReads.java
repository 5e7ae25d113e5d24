package io.rebatch.api.me;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Balances from {@code user_balance}, the per-user rows the ledger writers keep in step with the entries in the same
 * transaction: one primary-key read per request, never a sum over ledger entries.
 */
@Repository
public class BalanceReads {
    private final JdbcTemplate jdbc;

    public BalanceReads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The user's balance row, or empty when nothing was ever posted for them. */
    public Optional<BalanceView> find(long userId) {
        List<BalanceView> rows = jdbc.query("SELECT pending_fen, available_fen, withdrawing_fen, paid_fen"
                + " FROM user_balance WHERE user_id = ?", (rs, n) -> BalanceView.of(userId, rs.getLong(1),
                rs.getLong(2), rs.getLong(3), rs.getLong(4)), userId);
        return rows.stream().findFirst();
    }

    /** The balance; all zero for a user with nothing posted yet. */
    public BalanceView of(long userId) {
        return find(userId).orElseGet(() -> BalanceView.of(userId, 0, 0, 0, 0));
    }

    /** Whether the app knows the user (imported app data) or the ledger does. */
    public boolean userExists(long userId) {
        Integer n = jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM app_user WHERE user_id = ?)"
                + " + (SELECT COUNT(*) FROM user_balance WHERE user_id = ?)", Integer.class, userId, userId);
        return n != null && n > 0;
    }
}
