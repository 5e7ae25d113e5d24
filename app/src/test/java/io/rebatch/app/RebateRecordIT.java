package io.rebatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.app.cli.RebatchCommand;
import io.rebatch.jobs.support.TestDatabase;
import io.rebatch.jobs.support.TestDatabases;
import io.rebatch.writers.report.RunReportStore;
import io.rebatch.writers.report.RunReportStore.ReportRow;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 8: the settle job keeps {@code rebate_record} true, cheaply, and stores its report in {@code run_report}.
 * After the multi-week sample the records equal a recomputation from line_settlement JOIN order_line
 * ({@link RebateRecordInvariants}); a rerun in which nothing changed writes no record (the run's
 * {@code rebate_records_written} is 0 for every platform, and no record and no state moved); a new snapshot that
 * leaves the settlement state as it is but moves what a record shows refreshes exactly that line's records; the
 * V7 backfill produces exactly what settle would write; run_report holds the report file's rows, once, also when
 * the report step runs again for the same run.
 */
class RebateRecordIT {
    private static final LocalDate LAST = LocalDate.parse("2026-11-25");
    private static final String LAST_SETTLE = "settle --date 2026-11-25";
    private static final String WRITTEN = "rebate_records_written";

    static Stream<TestDatabase> databases() {
        return TestDatabases.all();
    }

    @AfterEach
    void clearFaults() {
        System.clearProperty("rebatch.fault.settle-report.fail-at-item");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void recordsFollowTheSettlementAndARerunThatChangesNothingWritesNone(TestDatabase db, @TempDir Path work)
            throws IOException {
        Path scenario = Scenarios.copySample("multi-week", work);
        try (db) {
            String url = db.jdbcUrl();
            Scenarios.runSteps(scenario, url);
            RebateRecordInvariants.assertHold(url);
            assertThat(LedgerInvariants.rows(url, "SELECT role, COUNT(*) FROM rebate_record GROUP BY role ORDER BY role"))
                    .as("the sample has records of every role").hasSize(3);
            RunReportStore reports = reports(db);
            assertThat(written(reports.latestFor(LAST))).as("the first settlement of D wrote records")
                    .anySatisfy((platform, n) -> assertThat(n).isPositive());
            assertStoredReportEqualsFile(reports, scenario, "settle-2026-11-25-a1");

            List<String> before = recordsAndStates(url);
            run(scenario, url, LAST_SETTLE);
            assertThat(reports.labelsFor(LAST)).containsExactly("settle-2026-11-25-a2", "settle-2026-11-25-a1");
            assertThat(written(reports.latestFor(LAST))).as("records written by a rerun that changed nothing")
                    .containsOnlyKeys("TAOBAO", "JD", "PDD").allSatisfy((platform, n) -> assertThat(n).isZero());
            assertThat(recordsAndStates(url)).as("records and states after the rerun").isEqualTo(before);
            assertStoredReportEqualsFile(reports, scenario, "settle-2026-11-25-a2");
        }
    }

    /**
     * A line the platform now reports SETTLED (inside the freeze period, at the income it was estimated at) under a
     * new title: its settlement state stays as it is (same shares, still pending, state_seq unchanged), but its
     * records must show the new settled time and title. The stored snapshot is changed with SQL, as an import
     * would store it; the import path itself is tested elsewhere.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aNewSnapshotThatLeavesTheStateAsItIsRefreshesThatLinesRecords(TestDatabase db, @TempDir Path work) {
        Path scenario = Scenarios.copySample("multi-week", work);
        try (db) {
            String url = db.jdbcUrl();
            Scenarios.runSteps(scenario, url);
            List<String> picked = LedgerInvariants.rows(url, "SELECT o.platform, o.order_line_id FROM order_line o"
                    + " JOIN line_settlement s ON s.platform = o.platform AND s.order_line_id = o.order_line_id"
                    + " WHERE o.status IN ('PAID', 'RECEIVED') AND s.bucket = 'PENDING' AND s.held_reason IS NULL"
                    + " AND NOT EXISTS (SELECT 1 FROM refund_snapshot r WHERE r.platform = o.platform"
                    + " AND r.order_line_id = o.order_line_id)"
                    + " ORDER BY CASE WHEN s.grand_inviter_id IS NULL THEN 1 ELSE 0 END,"
                    + " CASE WHEN s.inviter_id IS NULL THEN 1 ELSE 0 END, o.platform, o.order_line_id");
            assertThat(picked).as("a pending line without a refund").isNotEmpty();
            String[] line = picked.get(0).split("\\|");
            String where = " WHERE platform = '" + line[0] + "' AND order_line_id = '" + line[1] + "'";
            String state = "SELECT state_seq, income_fen, buyer_fen, inviter_fen, grand_inviter_fen, bucket"
                    + " FROM line_settlement" + where;
            List<String> stateBefore = LedgerInvariants.rows(url, state);
            List<String> othersBefore = LedgerInvariants.rows(url, "SELECT * FROM rebate_record WHERE NOT ("
                    + where.substring(7) + ") ORDER BY platform, order_line_id, role");
            int roles = LedgerInvariants.rows(url, "SELECT role FROM rebate_record" + where).size();
            assertThat(roles).isPositive();

            // as an import of a newer snapshot would: the line is due for settlement at once
            execute(url, "UPDATE order_line SET status = 'SETTLED', status_rank = 3, due_on = '1000-01-01',"
                    + " settled_income_fen = estimated_income_fen, received_at = COALESCE(received_at, modified_at),"
                    + " settled_at = '2026-11-24 02:00:00', modified_at = '2026-11-25 03:00:00',"
                    + " item_title = 'renamed by the platform'" + where);
            run(scenario, url, LAST_SETTLE);

            assertThat(LedgerInvariants.rows(url, state)).as("the line's settlement state").isEqualTo(stateBefore);
            assertThat(LedgerInvariants.rows(url, "SELECT COUNT(*) FROM rebate_record" + where + " AND status = 'PENDING'"
                    + " AND settled_at = '2026-11-24 02:00:00' AND item_title = 'renamed by the platform'"))
                    .as("records of the line showing the new snapshot").containsExactly(String.valueOf(roles));
            assertThat(LedgerInvariants.rows(url, "SELECT * FROM rebate_record WHERE NOT (" + where.substring(7)
                    + ") ORDER BY platform, order_line_id, role")).as("the other lines' records").isEqualTo(othersBefore);
            Map<String, Long> written = written(reports(db).latestFor(LAST));
            assertThat(written).containsEntry(line[0], (long) roles);
            assertThat(written.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(roles);
            LedgerInvariants.assertHold(url);
        }
    }

    /** An upgraded database: V7 fills rebate_record from the states of the time, and the next settle writes none. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theV7BackfillWritesWhatSettleWouldSoTheNextRerunWritesNothing(TestDatabase db, @TempDir Path work)
            throws IOException {
        Path scenario = Scenarios.copySample("multi-week", work);
        try (db) {
            String url = db.jdbcUrl();
            Scenarios.runSteps(scenario, url);
            List<String> settled = LedgerInvariants.rows(url, "SELECT * FROM rebate_record"
                    + " ORDER BY platform, order_line_id, role");
            execute(url, "DELETE FROM rebate_record"); // what V6 left: the table, empty
            String v7;
            try (InputStream in = getClass().getResourceAsStream("/db/migration/common/V7__rebate_record_backfill.sql")) {
                assertThat(in).as("V7 on the classpath").isNotNull();
                v7 = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            for (String statement : v7.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!statement.isBlank()) {
                    execute(url, statement);
                }
            }
            assertThat(LedgerInvariants.rows(url, "SELECT * FROM rebate_record ORDER BY platform, order_line_id, role"))
                    .as("backfilled records").isEqualTo(settled);
            run(scenario, url, LAST_SETTLE);
            assertThat(written(reports(db).latestFor(LAST))).allSatisfy((platform, n) -> assertThat(n).isZero());
            RebateRecordInvariants.assertHold(url);
        }
    }

    /**
     * The report step failing after it stored its rows rolls them back with it; and when it runs again for the
     * same run label — the restart of that failed settle — it replaces whatever rows of that label are there (left,
     * e.g., by a JVM killed after the step's transaction committed but before the step was marked complete), so
     * run_report ends with exactly the file's rows, once.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aSettleRestartedInItsReportStepStoresTheReportOnce(TestDatabase db, @TempDir Path work) throws Exception {
        Path scenario = Scenarios.copySample("multi-week", work);
        try (db) {
            String url = db.jdbcUrl();
            List<String> steps = SettleCrashIT.steps(scenario);
            int last = steps.indexOf(LAST_SETTLE);
            SettleCrashIT.run(scenario, db, steps.subList(0, last));
            RunReportStore reports = reports(db);

            System.setProperty("rebatch.fault.settle-report.fail-at-item", "1");
            assertThat(RebatchCommand.execute(Scenarios.args(scenario, url, LAST_SETTLE))).isEqualTo(1);
            System.clearProperty("rebatch.fault.settle-report.fail-at-item");
            assertThat(reports.labelsFor(LAST)).as("rows of the failed report step").isEmpty();
            execute(url, "INSERT INTO run_report (run_label, business_date, platform, metric, metric_value)"
                    + " VALUES ('settle-2026-11-25-a1', '2026-11-25', 'JD', 'lines_paid', 999)");

            SettleCrashIT.run(scenario, db, steps.subList(last, steps.size()));
            assertThat(reports.labelsFor(LAST)).as("the restart resumed attempt 1").containsExactly("settle-2026-11-25-a1");
            assertStoredReportEqualsFile(reports, scenario, "settle-2026-11-25-a1");
            assertThat(written(reports.latestFor(LAST))).as("records the first execution's settleLines wrote")
                    .anySatisfy((platform, n) -> assertThat(n).isPositive());
            LedgerInvariants.assertHold(url);
        }
    }

    private static void assertStoredReportEqualsFile(RunReportStore reports, Path scenario, String label)
            throws IOException {
        List<String> file = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(scenario.resolve("reports/" + label + ".csv"), StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            csv.forEach(r -> file.add(String.join("|", r.values())));
        }
        List<String> stored = reports.rowsOf(label).stream().map(r -> r.businessDate() + "|" + r.platform() + "|"
                + r.metric() + "|" + r.metricValue()).toList();
        assertThat(file).as("rows of " + label + ".csv").isNotEmpty();
        assertThat(stored).as("run_report rows of " + label).isEqualTo(file);
    }

    private static Map<String, Long> written(List<ReportRow> rows) {
        Map<String, Long> out = new TreeMap<>();
        rows.stream().filter(r -> r.metric().equals(WRITTEN)).forEach(r -> out.put(r.platform(), r.metricValue()));
        return out;
    }

    private static List<String> recordsAndStates(String url) {
        List<String> out = new ArrayList<>(LedgerInvariants.rows(url, "SELECT * FROM rebate_record"
                + " ORDER BY platform, order_line_id, role"));
        out.addAll(LedgerInvariants.rows(url, "SELECT platform, order_line_id, state_seq FROM line_settlement"
                + " ORDER BY platform, order_line_id"));
        return out;
    }

    private static RunReportStore reports(TestDatabase db) {
        return new RunReportStore(new JdbcTemplate(db.dataSource()));
    }

    private static void run(Path scenario, String url, String step) {
        assertThat(RebatchCommand.execute(Scenarios.args(scenario, url, step))).as(step).isZero();
    }

    private static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
