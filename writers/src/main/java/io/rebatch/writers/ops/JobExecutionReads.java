package io.rebatch.writers.ops;

import io.rebatch.domain.BusinessTime;
import io.rebatch.writers.jdbc.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What {@code rebatch status} reads: job executions from Spring Batch's own tables (prefix {@code BATCH_}) with
 * their parameters and steps, and the reruns recorded in {@code settle_rerun}. Read-only; three queries per listing
 * (executions, then the parameters and the steps of the listed executions at once), never one per execution.
 *
 * <p>Times: Spring Batch stores {@code LocalDateTime.now()} of the JVM that ran the job through
 * {@code Timestamp.valueOf}; reading them back with {@code getTimestamp} gives the instant again (on MySQL/MariaDB
 * always, as the sessions are UTC; on H2 when the reading JVM has the writing JVM's default zone, which holds for
 * every process on one machine). rebatch's own instants ({@code settle_rerun.requested_at}) are UTC.
 */
public class JobExecutionReads {
    /** One job execution with its business keys (identifying parameters) and other parameters. */
    public record Execution(long id, String jobName, Map<String, String> keys, Map<String, String> otherParameters,
                            String status, String exitCode, String exitMessage, Instant startedAt, Instant endedAt,
                            List<Step> steps) {
    }

    /** One step execution: Spring Batch's counts; {@code skipCount} is read + process + write skips. */
    public record Step(long id, String name, String status, long readCount, long writeCount, long filterCount,
                       long skipCount, long commitCount, long rollbackCount, String exitCode, String exitMessage,
                       Instant startedAt, Instant endedAt) {
    }

    /** One row of {@code settle_rerun}; {@code jobExecutionId} is null for a dry run. */
    public record Rerun(long rerunId, LocalDate businessDate, String platform, String reason, boolean dryRun,
                        String requestedBy, Instant requestedAt, Long jobExecutionId, String outcome, Long deltaRows) {
    }

    private static final String EXECUTIONS = "SELECT e.JOB_EXECUTION_ID, i.JOB_NAME, e.STATUS, e.EXIT_CODE,"
            + " e.EXIT_MESSAGE, e.START_TIME, e.END_TIME FROM BATCH_JOB_EXECUTION e"
            + " JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID";

    private final JdbcTemplate jdbc;

    public JobExecutionReads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest {@code limit} executions, newest first. */
    public List<Execution> recent(int limit) {
        return withDetails(jdbc.query(EXECUTIONS + " ORDER BY e.JOB_EXECUTION_ID DESC LIMIT " + positive(limit),
                JobExecutionReads::execution));
    }

    /**
     * The newest {@code limit} executions that concern business date D, newest first: a {@code date} key equal to
     * D (settle, payout), a {@code month} key of D's month (close-month), or a pull whose window
     * {@code [from, to)} overlaps D (its keys are UTC instants in ISO-8601, whole seconds, so they compare as
     * text).
     */
    public List<Execution> concerning(LocalDate date, int limit) {
        String sql = EXECUTIONS + " WHERE e.JOB_EXECUTION_ID IN (SELECT p.JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION_PARAMS p"
                + " WHERE (p.PARAMETER_NAME = 'date' AND p.PARAMETER_VALUE = ?)"
                + " OR (p.PARAMETER_NAME = 'month' AND p.PARAMETER_VALUE = ?))"
                + " OR e.JOB_EXECUTION_ID IN (SELECT f.JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION_PARAMS f"
                + " JOIN BATCH_JOB_EXECUTION_PARAMS t ON t.JOB_EXECUTION_ID = f.JOB_EXECUTION_ID"
                + " AND t.PARAMETER_NAME = 'to' WHERE f.PARAMETER_NAME = 'from' AND f.PARAMETER_VALUE < ?"
                + " AND t.PARAMETER_VALUE > ?)"
                + " ORDER BY e.JOB_EXECUTION_ID DESC LIMIT " + positive(limit);
        return withDetails(jdbc.query(sql, JobExecutionReads::execution, date.toString(),
                YearMonth.from(date).toString(), BusinessTime.endOf(date).toString(),
                BusinessTime.startOf(date).toString()));
    }

    /** The reruns that ran as these executions, by execution id. */
    public Map<Long, List<Rerun>> rerunsOf(Collection<Long> executionIds) {
        Map<Long, List<Rerun>> out = new TreeMap<>();
        if (executionIds.isEmpty()) {
            return out;
        }
        for (Rerun r : jdbc.query(RERUNS + " WHERE job_execution_id IN (" + idList(executionIds) + ") ORDER BY rerun_id",
                JobExecutionReads::rerun)) {
            out.computeIfAbsent(r.jobExecutionId(), k -> new ArrayList<>()).add(r);
        }
        return out;
    }

    /**
     * Dry runs (no execution of their own), newest first, at most {@code limit}: of business date D when
     * {@code date} is given, else those requested at or after {@code since} (all when null).
     */
    public List<Rerun> dryRuns(LocalDate date, Instant since, int limit) {
        String where = " WHERE job_execution_id IS NULL";
        List<Object> args = new ArrayList<>();
        if (date != null) {
            where += " AND business_date = ?";
            args.add(date);
        } else if (since != null) {
            where += " AND requested_at >= ?";
            args.add(SqlTime.utc(since));
        }
        return jdbc.query(RERUNS + where + " ORDER BY rerun_id DESC LIMIT " + positive(limit),
                JobExecutionReads::rerun, args.toArray());
    }

    private static final String RERUNS = "SELECT rerun_id, business_date, platform, reason, dry_run, requested_by,"
            + " requested_at, job_execution_id, outcome, delta_rows FROM settle_rerun";

    private List<Execution> withDetails(List<Execution> executions) {
        if (executions.isEmpty()) {
            return executions;
        }
        String ids = idList(executions.stream().map(Execution::id).toList());
        Map<Long, Map<String, String>> keys = new TreeMap<>();
        Map<Long, Map<String, String>> others = new TreeMap<>();
        jdbc.query("SELECT JOB_EXECUTION_ID, PARAMETER_NAME, PARAMETER_VALUE, IDENTIFYING FROM BATCH_JOB_EXECUTION_PARAMS"
                + " WHERE JOB_EXECUTION_ID IN (" + ids + ") ORDER BY JOB_EXECUTION_ID, PARAMETER_NAME", rs -> {
                    var target = "Y".equalsIgnoreCase(rs.getString(4)) ? keys : others;
                    target.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getString(3));
                });
        Map<Long, List<Step>> steps = new TreeMap<>();
        jdbc.query("SELECT JOB_EXECUTION_ID, STEP_EXECUTION_ID, STEP_NAME, STATUS, READ_COUNT, WRITE_COUNT, FILTER_COUNT,"
                + " READ_SKIP_COUNT + PROCESS_SKIP_COUNT + WRITE_SKIP_COUNT, COMMIT_COUNT, ROLLBACK_COUNT, EXIT_CODE,"
                + " EXIT_MESSAGE, START_TIME, END_TIME FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID IN (" + ids + ")"
                + " ORDER BY STEP_EXECUTION_ID", rs -> {
                    steps.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Step(rs.getLong(2),
                            rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getLong(7),
                            rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getString(11), rs.getString(12),
                            instant(rs, 13), instant(rs, 14)));
                });
        List<Execution> out = new ArrayList<>(executions.size());
        for (Execution e : executions) {
            out.add(new Execution(e.id(), e.jobName(), keys.getOrDefault(e.id(), Map.of()),
                    others.getOrDefault(e.id(), Map.of()), e.status(), e.exitCode(), e.exitMessage(), e.startedAt(),
                    e.endedAt(), steps.getOrDefault(e.id(), List.of())));
        }
        return out;
    }

    private static Execution execution(ResultSet rs, int n) throws SQLException {
        return new Execution(rs.getLong(1), rs.getString(2), Map.of(), Map.of(), rs.getString(3), rs.getString(4),
                rs.getString(5), instant(rs, 6), instant(rs, 7), List.of());
    }

    private static Rerun rerun(ResultSet rs, int n) throws SQLException {
        return new Rerun(rs.getLong("rerun_id"), SqlTime.date(rs, "business_date"), rs.getString("platform"),
                rs.getString("reason"), rs.getInt("dry_run") != 0, rs.getString("requested_by"),
                SqlTime.instant(rs, "requested_at"), SqlTime.nullableLong(rs, "job_execution_id"),
                rs.getString("outcome"), SqlTime.nullableLong(rs, "delta_rows"));
    }

    /** A Spring Batch time column as the instant it was written as (see the class comment). */
    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static String idList(Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static int positive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        return limit;
    }
}
