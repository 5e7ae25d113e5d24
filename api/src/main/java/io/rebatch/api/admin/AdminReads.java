package io.rebatch.api.admin;

import io.rebatch.api.json.ApiTime;
import io.rebatch.writers.jdbc.SqlTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What admins read: recent job executions from Spring Batch's own tables (two queries per page, parameters fetched
 * for the page's executions at once) and the stored per-run reports ({@code run_report}).
 */
@Repository
public class AdminReads {
    private final JdbcTemplate jdbc;

    public AdminReads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest executions first, at most {@code limit}. */
    public List<JobExecutionView> jobExecutions(int limit) {
        List<long[]> ids = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        jdbc.query("SELECT e.JOB_EXECUTION_ID, i.JOB_NAME, e.STATUS, e.EXIT_CODE, e.START_TIME, e.END_TIME"
                + " FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID"
                + " ORDER BY e.JOB_EXECUTION_ID DESC LIMIT " + limit, rs -> {
                    ids.add(new long[] {rs.getLong(1)});
                    // Spring Batch stores local date-times of the JVM that ran the job; shown as they are stored.
                    rows.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getObject(5, java.time.LocalDateTime.class), rs.getObject(6, java.time.LocalDateTime.class)});
                });
        Map<Long, Map<String, String>> params = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            StringBuilder in = new StringBuilder();
            for (long[] id : ids) {
                in.append(in.length() == 0 ? "" : ",").append(id[0]);
            }
            jdbc.query("SELECT JOB_EXECUTION_ID, PARAMETER_NAME, PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS"
                    + " WHERE IDENTIFYING = 'Y' AND JOB_EXECUTION_ID IN (" + in + ") ORDER BY PARAMETER_NAME", rs -> {
                        params.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
                                .put(rs.getString(2), rs.getString(3));
                    });
        }
        List<JobExecutionView> out = new ArrayList<>();
        for (Object[] r : rows) {
            long id = (Long) r[0];
            out.add(new JobExecutionView(id, (String) r[1], params.getOrDefault(id, Map.of()), (String) r[2],
                    (String) r[3], r[4] == null ? null : r[4].toString(), r[5] == null ? null : r[5].toString()));
        }
        return out;
    }

    /** The report of the newest settle run of that business date, if any run reported on it. */
    public Optional<ReportView> report(LocalDate businessDate) {
        List<String> labels = jdbc.queryForList("SELECT run_label FROM run_report WHERE business_date = ?"
                + " ORDER BY report_id DESC LIMIT 1", String.class, businessDate);
        if (labels.isEmpty()) {
            return Optional.empty();
        }
        String label = labels.get(0);
        List<ReportView.Metric> metrics = jdbc.query("SELECT platform, metric, metric_value FROM run_report"
                + " WHERE business_date = ? AND run_label = ? ORDER BY platform, metric", (rs, n) ->
                new ReportView.Metric(rs.getString(1), rs.getString(2), rs.getLong(3)), businessDate, label);
        return Optional.of(new ReportView(businessDate.toString(), label, metrics));
    }
}
