package io.rebatch.writers.report;

import io.rebatch.writers.csv.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reconciliation report of a settle run (SPEC 8), per platform: the import counts of the files loaded since
 * the previous report (read, new, changed, unchanged, stale, quarantined, skipped_unpaid), lines by status,
 * attributed by method, unattributed count and income, unverified count, income and share totals, and the
 * ledger totals this run posted, the lines held (count, and count per reason) and how many rebate records the run
 * wrote ({@code rebate_records_written}: what keeping the app's records cost). Long format
 * ({@code business_date,platform,metric,value}) so new metrics
 * never change the columns. Computed with set-based SQL; written atomically ({@link AtomicFile}: a reader never
 * sees half a report). The count of rebate records is the settle job's own (its step's execution context).
 */
public class SettleReport {
    private final JdbcTemplate jdbc;

    public SettleReport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Metric(String platform, String name, long value) {
    }

    public List<Metric> compute(long jobExecutionId, String runLabel) {
        List<Metric> out = new ArrayList<>();
        jdbc.query("SELECT COALESCE(platform, kind), SUM(rows_read), SUM(rows_new), SUM(rows_changed),"
                + " SUM(rows_unchanged), SUM(rows_stale), SUM(quarantined), SUM(skipped_unpaid) FROM import_run"
                + " WHERE reported_in IS NULL GROUP BY COALESCE(platform, kind)", rs -> {
                    String p = rs.getString(1);
                    String[] names = {"lines_read", "lines_new", "lines_changed", "lines_unchanged", "lines_stale",
                            "quarantined", "skipped_unpaid"};
                    for (int i = 0; i < names.length; i++) {
                        out.add(new Metric(p, names[i], rs.getLong(i + 2)));
                    }
                });
        jdbc.update("UPDATE import_run SET reported_in = ? WHERE reported_in IS NULL", runLabel);
        jdbc.query("SELECT o.platform, o.status, COUNT(*) FROM order_line o GROUP BY o.platform, o.status", rs -> {
            out.add(new Metric(rs.getString(1), "lines_" + rs.getString(2).toLowerCase(), rs.getLong(3)));
        });
        jdbc.query("SELECT o.platform, COALESCE(s.method, 'UNATTRIBUTED'), COUNT(*), SUM(COALESCE(s.income_fen, 0)),"
                + " SUM(COALESCE(s.unverified, 0)), SUM(COALESCE(s.buyer_fen, 0)), SUM(COALESCE(s.inviter_fen, 0)),"
                + " SUM(COALESCE(s.grand_inviter_fen, 0)), SUM(COALESCE(s.margin_fen, 0))"
                + " FROM order_line o LEFT JOIN line_settlement s"
                + " ON s.platform = o.platform AND s.order_line_id = o.order_line_id"
                + " GROUP BY o.platform, COALESCE(s.method, 'UNATTRIBUTED')", rs -> {
                    String p = rs.getString(1);
                    String m = rs.getString(2).toLowerCase();
                    out.add(new Metric(p, m.equals("unattributed") ? "unattributed_count" : "attributed_" + m, rs.getLong(3)));
                    out.add(new Metric(p, (m.equals("unattributed") ? "unattributed" : "attributed_" + m) + "_income_fen",
                            rs.getLong(4)));
                    if (m.equals("direct")) {
                        out.add(new Metric(p, "unverified_count", rs.getLong(5)));
                    }
                    out.add(new Metric(p, "buyer_fen_" + m, rs.getLong(6)));
                    out.add(new Metric(p, "inviter_fen_" + m, rs.getLong(7)));
                    out.add(new Metric(p, "grand_inviter_fen_" + m, rs.getLong(8)));
                    out.add(new Metric(p, "platform_margin_fen_" + m, rs.getLong(9)));
                });
        // Held lines (SPEC 9): how many per platform, and per reason, so finance sees what to fix before a rerun.
        jdbc.query("SELECT platform, held_reason, COUNT(*) FROM line_settlement WHERE held_reason IS NOT NULL"
                + " GROUP BY platform, held_reason", rs -> {
                    out.add(new Metric(rs.getString(1), "held_count", rs.getLong(3)));
                    out.add(new Metric(rs.getString(1), "held: " + rs.getString(2), rs.getLong(3)));
                });
        jdbc.query("SELECT platform, bucket, COUNT(*), SUM(amount_fen) FROM ledger_entry WHERE job_execution_id = ?"
                + " AND leg = 1 GROUP BY platform, bucket", rs -> {
                    String b = rs.getString(2).toLowerCase();
                    out.add(new Metric(rs.getString(1), "posted_" + b + "_entries", rs.getLong(3)));
                    out.add(new Metric(rs.getString(1), "posted_" + b + "_fen", rs.getLong(4)));
                }, jobExecutionId);
        return out;
    }

    /** The report's rows: metrics of the same platform and name summed, sorted by platform, then name. */
    public static List<Metric> merged(List<Metric> metrics) {
        Map<String, Long> sorted = new TreeMap<>();
        for (Metric m : metrics) {
            sorted.merge(m.platform() + "\u0000" + m.name(), m.value(), Long::sum);
        }
        List<Metric> out = new ArrayList<>(sorted.size());
        for (Map.Entry<String, Long> e : sorted.entrySet()) {
            String[] k = e.getKey().split("\u0000");
            out.add(new Metric(k[0], k[1], e.getValue()));
        }
        return out;
    }

    /** Writes {@code settle-<runLabel>.csv} with the {@link #merged} metrics, atomically. */
    public Path write(Path dir, LocalDate businessDate, String runLabel, List<Metric> metrics) {
        List<Metric> rows = merged(metrics);
        Path file = dir.resolve("settle-" + runLabel + ".csv");
        AtomicFile.write(file, StandardCharsets.UTF_8, w -> {
            CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get());
            csv.printRecord("business_date", "platform", "metric", "value");
            for (Metric m : rows) {
                try {
                    csv.printRecord(businessDate, m.platform(), m.name(), m.value());
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            }
            csv.flush();
        });
        return file;
    }
}
