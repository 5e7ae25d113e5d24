package io.rebatch.writers.rerun;

import io.rebatch.writers.jdbc.SqlTime;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The {@code settle_rerun} table (V8): every {@code rerun}, real or dry, recorded before it starts (so a rerun that
 * dies is still on record) and completed with its job execution, outcome and the number of (user, bucket) rows
 * of its ledger difference.
 */
public class RerunLog {
    /** One recorded rerun. {@code jobExecutionId}, {@code outcome}, {@code deltaRows} are null until known. */
    public record Rerun(long id, LocalDate businessDate, String platform, String reason, boolean dryRun,
                        String requestedBy, Instant requestedAt, Long jobExecutionId, String outcome, Long deltaRows) {
    }

    private final JdbcTemplate jdbc;

    public RerunLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a rerun about to start; returns its id. */
    public long begin(LocalDate date, String platform, String reason, boolean dryRun, String requestedBy,
                      Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("INSERT INTO settle_rerun (business_date, platform, reason,"
                    + " dry_run, requested_by, requested_at) VALUES (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
            ps.setObject(1, date);
            ps.setString(2, platform);
            ps.setString(3, reason);
            ps.setInt(4, dryRun ? 1 : 0);
            ps.setString(5, requestedBy);
            ps.setObject(6, SqlTime.utc(at));
            return ps;
        }, keys);
        return keys.getKeyList().isEmpty() ? -1 : ((Number) keys.getKeyList().get(0).values().iterator().next())
                .longValue();
    }

    /** Completes a recorded rerun. */
    public void finish(long id, Long jobExecutionId, String outcome, Long deltaRows) {
        jdbc.update("UPDATE settle_rerun SET job_execution_id = ?, outcome = ?, delta_rows = ? WHERE rerun_id = ?",
                jobExecutionId, outcome, deltaRows, id);
    }

    /** The (user, bucket) rows of the net ledger difference an execution posted: what {@code delta_rows} counts. */
    public long deltaRowsOf(long jobExecutionId) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT user_id, bucket FROM ledger_entry"
                + " WHERE job_execution_id = ? AND leg = 1 GROUP BY user_id, bucket HAVING SUM(amount_fen) <> 0) d",
                Long.class, jobExecutionId);
        return n == null ? 0 : n;
    }

    /** Reruns of a business date (all when null), newest first, at most {@code limit}. */
    public List<Rerun> recent(LocalDate date, int limit) {
        String where = date == null ? "" : " WHERE business_date = ?";
        Object[] args = date == null ? new Object[] {limit} : new Object[] {date, limit};
        return jdbc.query("SELECT rerun_id, business_date, platform, reason, dry_run, requested_by, requested_at,"
                + " job_execution_id, outcome, delta_rows FROM settle_rerun" + where
                + " ORDER BY rerun_id DESC LIMIT ?", (rs, n) -> new Rerun(rs.getLong("rerun_id"),
                        SqlTime.date(rs, "business_date"), rs.getString("platform"), rs.getString("reason"),
                        rs.getInt("dry_run") == 1, rs.getString("requested_by"), SqlTime.instant(rs, "requested_at"),
                        (Long) rs.getObject("job_execution_id", Long.class), rs.getString("outcome"),
                        (Long) rs.getObject("delta_rows", Long.class)), args);
    }
}
