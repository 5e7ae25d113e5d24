package io.rebatch.writers.ledger;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What one job execution has posted to users, read in the caller's transaction (so also what it has posted and not
 * committed yet: the settle dry run sums a chunk's legs just before rolling it back).
 */
public class ExecutionLegs {
    /** The sum of the user legs of one user and bucket. */
    public record UserSum(long userId, String bucket, long sumFen) {
    }

    private final JdbcTemplate jdbc;

    public ExecutionLegs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The user legs ({@code leg = 1}) of {@code jobExecutionId}, summed per user and bucket. */
    public List<UserSum> userSums(long jobExecutionId) {
        List<UserSum> out = new ArrayList<>();
        jdbc.query("SELECT user_id, bucket, SUM(amount_fen) FROM ledger_entry"
                + " WHERE job_execution_id = ? AND leg = 1 GROUP BY user_id, bucket",
                rs -> {
                    out.add(new UserSum(rs.getLong(1), rs.getString(2), rs.getLong(3)));
                }, jobExecutionId);
        return out;
    }
}
