package io.rebatch.writers.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.writers.OnFullSchema;
import io.rebatch.writers.report.SettleReport.Metric;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The settle report on the real tables: import counts are reported once (the run marks what it reported), lines,
 * attribution, holds and this execution's postings are counted per platform; the file is the merged rows, sorted,
 * and nothing but the finished file is left in the folder.
 */
class SettleReportTest extends OnFullSchema {
    private final SettleReport report = new SettleReport(jdbc);

    private void fixture() {
        jdbc.update("INSERT INTO import_run (import_key, kind, platform, file_name, sha256, rows_read, rows_new,"
                + " rows_changed, rows_unchanged, rows_stale, quarantined, skipped_unpaid, completed_at)"
                + " VALUES ('k1', 'ORDERS', 'JD', 'jd.csv', ?, 5, 3, 1, 1, 0, 1, 0, '2026-11-26 01:00:00')",
                "0".repeat(64));
        for (String id : new String[] {"L1", "L2"}) {
            jdbc.update("INSERT INTO order_line (platform, order_line_id, item_id, quantity, paid_amount_fen,"
                    + " commission_rate_bps, estimated_income_fen, status, status_rank, created_at, paid_at,"
                    + " modified_at, source) VALUES ('JD', ?, 'I1', 1, 10000, 1000, 1000, 'PAID', 1,"
                    + " '2026-11-25 00:00:00', '2026-11-25 00:00:00', '2026-11-25 00:00:00', 'jd.csv:2')", id);
        }
        jdbc.update("INSERT INTO line_settlement (platform, order_line_id, tried, method, buyer_id, buyer_level,"
                + " unverified, income_fen, buyer_fen, inviter_fen, grand_inviter_fen, margin_fen, bucket,"
                + " buyer_pending_fen, buyer_available_fen, inviter_pending_fen, inviter_available_fen,"
                + " grand_pending_fen, grand_available_fen, revision, settled_on, held_reason) VALUES ('JD', 'L1', 1,"
                + " 'DIRECT', 7, 'VIP', 1, 1000, 600, 0, 0, 400, 'PENDING', 600, 0, 0, 0, 0, 0, 1, '2026-11-25',"
                + " 'no rule set')");
        jdbc.update("INSERT INTO ledger_entry (entry_key, leg, account, user_id, bucket, amount_fen, ref_type,"
                + " platform, business_date, job_execution_id, posted_at) VALUES"
                + " ('e1', 1, 'USER', 7, 'PENDING', 600, 'LINE', 'JD', '2026-11-25', 5, '2026-11-26 02:00:00'),"
                + " ('e1', 2, 'PLATFORM:JD', NULL, NULL, -600, 'LINE', 'JD', '2026-11-25', 5, '2026-11-26 02:00:00'),"
                + " ('e0', 1, 'USER', 7, 'PENDING', 999, 'LINE', 'JD', '2026-11-24', 4, '2026-11-25 02:00:00')");
    }

    @Test
    void countsPerPlatformAndReportsEachImportOnce() {
        fixture();
        List<Metric> first = report.compute(5, "settle-2026-11-25-a1");
        assertThat(first).contains(new Metric("JD", "lines_read", 5), new Metric("JD", "quarantined", 1),
                new Metric("JD", "lines_paid", 2), new Metric("JD", "attributed_direct", 1),
                new Metric("JD", "unverified_count", 1), new Metric("JD", "buyer_fen_direct", 600),
                new Metric("JD", "unattributed_count", 1), new Metric("JD", "held_count", 1),
                new Metric("JD", "held: no rule set", 1), new Metric("JD", "posted_pending_entries", 1),
                new Metric("JD", "posted_pending_fen", 600));
        assertThat(jdbc.queryForObject("SELECT reported_in FROM import_run", String.class))
                .isEqualTo("settle-2026-11-25-a1");

        List<Metric> second = report.compute(6, "settle-2026-11-25-a2");
        assertThat(second).extracting(Metric::name).doesNotContain("lines_read", "posted_pending_fen");
    }

    @Test
    void writesTheMergedRowsSortedAndLeavesOnlyTheFinishedFile(@TempDir Path dir) throws IOException {
        Path file = report.write(dir, LocalDate.of(2026, 11, 25), "2026-11-25-a1", List.of(
                new Metric("TAOBAO", "lines_read", 2), new Metric("JD", "lines_read", 3),
                new Metric("JD", "lines_read", 4), new Metric("JD", "held: a, \"quoted\" reason", 1)));

        assertThat(file).isEqualTo(dir.resolve("settle-2026-11-25-a1.csv"));
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("""
                business_date,platform,metric,value
                2026-11-25,JD,"held: a, ""quoted"" reason",1
                2026-11-25,JD,lines_read,7
                2026-11-25,TAOBAO,lines_read,2
                """);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }
}
