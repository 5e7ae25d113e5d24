package io.rebatch.writers.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stores a run's reconciliation report (SPEC 8 "written as CSV and served over REST") in {@code run_report}, one
 * row per platform and metric, so any API replica can serve it without the node's report files; and reads it back.
 *
 * <p>A report is identified by its run label (the report file's name without {@code .csv}, e.g.
 * {@code settle-2026-11-25-a2}). {@link #replace} swaps all rows of a label in the caller's transaction, so a
 * report step that runs again for the same label (a restart after a crash that came between the step's commit and
 * its completion) leaves one copy, never two. The newest report of a date is the one with the highest
 * {@code report_id}: labels do not sort by time ({@code -a10} &lt; {@code -a2}), insertion order does.
 */
public class RunReportStore {
    /** One metric of a report. */
    public record Metric(String platform, String metric, long value) {
    }

    /** One stored row, as the REST layer serves it. */
    public record ReportRow(String runLabel, LocalDate businessDate, String platform, String metric, long metricValue) {
    }

    private final JdbcTemplate jdbc;

    public RunReportStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces every row of {@code runLabel} with {@code metrics}, in their order, in the caller's transaction. */
    public void replace(String runLabel, LocalDate businessDate, List<Metric> metrics) {
        jdbc.update("DELETE FROM run_report WHERE run_label = ?", runLabel);
        List<Object[]> args = new ArrayList<>(metrics.size());
        for (Metric m : metrics) {
            args.add(new Object[] {runLabel, businessDate, m.platform(), m.metric(), m.value()});
        }
        if (!args.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO run_report (run_label, business_date, platform, metric, metric_value)"
                    + " VALUES (?, ?, ?, ?, ?)", args);
        }
    }

    /**
     * The rows of the newest report of {@code businessDate}, in the order they were stored (the report file's
     * order); empty when the date has none.
     */
    public List<ReportRow> latestFor(LocalDate businessDate) {
        List<String> labels = labelsFor(businessDate);
        return labels.isEmpty() ? List.of() : rowsOf(labels.get(0));
    }

    /** The rows of one report, in the order they were stored; empty when there is none. */
    public List<ReportRow> rowsOf(String runLabel) {
        return jdbc.query("SELECT run_label, business_date, platform, metric, metric_value FROM run_report"
                + " WHERE run_label = ? ORDER BY report_id", (rs, n) -> new ReportRow(rs.getString(1),
                rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4), rs.getLong(5)), runLabel);
    }

    /** The run labels of {@code businessDate}'s reports, newest first. */
    public List<String> labelsFor(LocalDate businessDate) {
        return jdbc.queryForList("SELECT run_label FROM run_report WHERE business_date = ? GROUP BY run_label"
                + " ORDER BY MAX(report_id) DESC", String.class, businessDate);
    }
}
