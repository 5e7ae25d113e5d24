package io.rebatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.app.CliRun;
import io.rebatch.app.Scenarios;
import io.rebatch.jobs.support.TestDatabase;
import io.rebatch.jobs.support.TestDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The read-only operator commands of issue 9 ({@code status}, {@code report}, {@code explain}) against what the jobs
 * of the sample scenario (../shared/samples/multi-week) wrote, on the embedded database and on MariaDB: status shows
 * Spring Batch's own step counts and the recorded reruns; report prints the job's report file byte for byte; explain
 * accounts for every fen of every user's balance, entry by entry, and says so — or exits 1 when it cannot.
 */
class OperatorCommandsIT {
    private static final Pattern STEP = Pattern.compile(
            "^  step (\\S+) +status=(\\S+) read=(\\d+) write=(\\d+) filter=(\\d+) skip=(\\d+) commit=(\\d+) rollback=(\\d+) ");
    private static final Pattern EXECUTION = Pattern.compile("^execution (\\d+) +(\\S+) ");
    private static final Pattern ENTRY = Pattern.compile(
            "^  entry (\\d+) date=(\\S+) bucket=(PENDING|AVAILABLE|WITHDRAWING|PAID) amount_fen=([+-]?\\d+) ");
    private static final Pattern LINE_ENTRY = Pattern.compile(
            " line=(TAOBAO|JD|PDD):\\S+ role=(BUYER|INVITER|GRAND_INVITER) rule=(?!-)\\S+ snapshot=\\S+/\\S+ revision=\\d+");
    private static final String[] BUCKETS = {"PENDING", "AVAILABLE", "WITHDRAWING", "PAID"};

    static Stream<TestDatabase> databases() {
        return TestDatabases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void statusReportAndExplainAgreeWithWhatTheJobsWrote(TestDatabase db, @TempDir Path work) throws Exception {
        Path scenario = Scenarios.copySample("multi-week", work);
        try (db) {
            String url = db.jdbcUrl();
            CliRun empty = CliRun.of(Scenarios.args(scenario, url, "status"));
            assertThat(empty.code()).isZero();
            assertThat(empty.out().strip()).isEqualTo("no job executions");

            System.setProperty("rebatch.reports-dir", scenario.resolve("reports").toString());
            List<String[]> steps = new ArrayList<>();
            for (String step : Files.readAllLines(scenario.resolve("steps.txt"), StandardCharsets.UTF_8)) {
                if (!step.isBlank()) {
                    steps.add(Scenarios.args(scenario, url, step));
                }
            }
            assertThat(InProcessSteps.run(steps)).as("the sample's steps").isZero();
            long withdrawer = queryLong(url, "SELECT user_id FROM user_balance WHERE available_fen >= 1000"
                    + " ORDER BY available_fen DESC, user_id LIMIT 1");
            long lastSettle = queryLong(url, "SELECT MAX(e.JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION e JOIN"
                    + " BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'settle'");
            update(url, "INSERT INTO settle_rerun (business_date, platform, reason, dry_run, requested_by, requested_at,"
                    + " job_execution_id, outcome, delta_rows) VALUES ('2026-11-25', NULL, 'JD rates fixed', 0, 'alice',"
                    + " '2026-11-26 01:00:00.000', " + lastSettle + ", 'COMPLETED', 0)");
            update(url, "INSERT INTO settle_rerun (business_date, platform, reason, dry_run, requested_by, requested_at,"
                    + " job_execution_id, outcome, delta_rows) VALUES ('2026-11-25', 'JD', 'check first', 1, 'alice',"
                    + " '2026-11-26 00:59:00.000', NULL, NULL, 3)");

            try (InProcessSteps.Session session = new InProcessSteps.Session("--db", url, "--config",
                    scenario.resolve("config").toString())) {
                InProcessSteps.StepResult withdraw = run(session, scenario, url, "withdraw --user " + withdrawer
                        + " --amount-fen 500 --account 13812340000 --name 张三 --key it-1");
                assertThat(withdraw.code()).as(withdraw.err()).isZero();

                statusShowsSpringBatchsCountsAndTheReruns(session, scenario, url, lastSettle);
                reportIsTheFileTheJobWrote(session, scenario, url);
                explainAccountsForEveryUsersBalance(session, scenario, url, withdrawer);
            }
        }
    }

    private static void statusShowsSpringBatchsCountsAndTheReruns(InProcessSteps.Session session, Path scenario,
                                                                  String url, long lastSettle) throws SQLException {
        InProcessSteps.StepResult all = run(session, scenario, url, "status --limit 1000");
        assertThat(all.code()).isZero();
        assertThat(all.err()).isEmpty();
        Map<Long, List<String>> shown = new TreeMap<>();
        Map<Long, String> jobOf = new HashMap<>();
        long current = -1;
        List<String> lines = all.out().lines().toList();
        for (String line : lines) {
            Matcher e = EXECUTION.matcher(line);
            Matcher s = STEP.matcher(line);
            if (e.find()) {
                current = Long.parseLong(e.group(1));
                jobOf.put(current, e.group(2));
                shown.put(current, new ArrayList<>());
            } else if (s.find()) {
                shown.get(current).add(String.join(" ", s.group(1), s.group(2), s.group(3), s.group(4), s.group(5),
                        s.group(6), s.group(7), s.group(8)));
            }
        }
        Map<Long, List<String>> stored = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT s.JOB_EXECUTION_ID, s.STEP_NAME, s.STATUS, s.READ_COUNT,"
                     + " s.WRITE_COUNT, s.FILTER_COUNT, s.READ_SKIP_COUNT + s.PROCESS_SKIP_COUNT + s.WRITE_SKIP_COUNT,"
                     + " s.COMMIT_COUNT, s.ROLLBACK_COUNT FROM BATCH_STEP_EXECUTION s JOIN BATCH_JOB_EXECUTION e"
                     + " ON e.JOB_EXECUTION_ID = s.JOB_EXECUTION_ID JOIN BATCH_JOB_INSTANCE i"
                     + " ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'settle'"
                     + " ORDER BY s.STEP_EXECUTION_ID")) {
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 2; i <= 9; i++) {
                    row.add(rs.getString(i));
                }
                stored.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(String.join(" ", row));
            }
        }
        assertThat(stored).hasSize(4);
        Map<Long, List<String>> shownSettles = new TreeMap<>(shown);
        shownSettles.keySet().removeIf(id -> !"settle".equals(jobOf.get(id)));
        assertThat(shownSettles).as("settle executions and their steps' counts").isEqualTo(stored);
        // the manager step, its two partitions (rebatch.settle-partitions defaults to 2), the report
        assertThat(stored.values()).allMatch(s -> s.size() == 4 && s.get(0).startsWith("settleLines COMPLETED ")
                && s.get(1).startsWith("settleLine:partition") && s.get(2).startsWith("settleLine:partition"));
        assertThat(shown.keySet()).as("every execution is listed")
                .hasSize((int) queryLong(url, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION"));
        assertThat(lines.get(0)).startsWith("execution " + shown.keySet().stream().max(Long::compare).orElseThrow() + " ");

        // the rerun's reason right after its execution's four steps; the dry run on its own line
        int at = lines.indexOf(lines.stream().filter(l -> l.startsWith("execution " + lastSettle + " ")).findFirst()
                .orElseThrow());
        assertThat(lines.get(at)).contains(" date=2026-11-25 attempt=1 ", " status=COMPLETED ", "+08:00");
        assertThat(lines.get(at + 5)).startsWith("  rerun ").contains(" reason=\"JD rates fixed\" requested_by=alice"
                + " requested_at=2026-11-26T09:00:00.000+08:00 outcome=COMPLETED");
        assertThat(lines).anyMatch(l -> l.startsWith("dry-run ") && l.contains(" date=2026-11-25 platform=JD reason=\"check first\"")
                && l.endsWith(" delta_rows=3"));

        InProcessSteps.StepResult recent = run(session, scenario, url, "status");
        assertThat(recent.out().lines().filter(l -> l.startsWith("execution "))).hasSize(20);

        InProcessSteps.StepResult day = run(session, scenario, url, "status --date 2026-11-25");
        assertThat(day.code()).isZero();
        List<String> dayExecutions = day.out().lines().filter(l -> l.startsWith("execution ")).toList();
        assertThat(dayExecutions).hasSize(1).allMatch(l -> l.contains(" settle ") && l.contains(" date=2026-11-25 "));
        assertThat(day.out()).contains("dry-run ", "reason=\"JD rates fixed\"");
        InProcessSteps.StepResult month = run(session, scenario, url, "status --date 2026-10-05");
        assertThat(month.out().lines().filter(l -> l.startsWith("execution ")))
                .singleElement().asString().contains(" closeMonth ", " month=2026-10 ");
        InProcessSteps.StepResult none = run(session, scenario, url, "status --date 2026-01-01");
        assertThat(none.out().strip()).isEqualTo("no job executions concerning 2026-01-01");
    }

    private static void reportIsTheFileTheJobWrote(InProcessSteps.Session session, Path scenario, String url)
            throws IOException {
        String file = Files.readString(scenario.resolve("reports/settle-2026-11-25-a1.csv"), StandardCharsets.UTF_8);
        InProcessSteps.StepResult report = run(session, scenario, url, "report --date 2026-11-25");
        assertThat(report.code()).isZero();
        assertThat(report.out()).isEqualTo(file);
        assertThat(file.lines().count()).isGreaterThan(30);

        InProcessSteps.StepResult jd = run(session, scenario, url, "report --date 2026-11-25 --platform jd");
        assertThat(jd.code()).isZero();
        assertThat(jd.out().lines().toList()).isEqualTo(file.lines()
                .filter(l -> l.startsWith("business_date,") || l.startsWith("2026-11-25,JD,")).toList());

        InProcessSteps.StepResult missing = run(session, scenario, url, "report --date 2026-11-24");
        assertThat(missing.code()).isEqualTo(3);
        assertThat(missing.out()).isEmpty();
        assertThat(missing.err()).isEqualTo("rebatch: no settle report for 2026-11-24" + System.lineSeparator());
    }

    private static void explainAccountsForEveryUsersBalance(InProcessSteps.Session session, Path scenario, String url,
                                                            long withdrawer) throws Exception {
        assertThat(run(session, scenario, url, "export balances --out out/ops-balances.csv").code()).isZero();
        Map<Long, long[]> balances = new TreeMap<>();
        List<String> csv = Files.readAllLines(scenario.resolve("out/ops-balances.csv"), StandardCharsets.UTF_8);
        for (String row : csv.subList(1, csv.size())) {
            String[] f = row.split(",");
            balances.put(Long.parseLong(f[0]), new long[] {Long.parseLong(f[1]), Long.parseLong(f[2]),
                    Long.parseLong(f[3]), Long.parseLong(f[4])});
        }
        TreeSet<Long> users = new TreeSet<>(balances.keySet());
        users.addAll(queryLongs(url, "SELECT user_id FROM app_user"));
        assertThat(balances).hasSizeGreaterThan(30);
        // the evidence settle now keeps: every attributed line has it, and a deciding click is the buyer's
        assertThat(queryLong(url, "SELECT COUNT(*) FROM line_settlement WHERE method IS NOT NULL"
                + " AND decided_click_id IS NULL AND decided_binding_kind IS NULL")).isZero();
        assertThat(queryLong(url, "SELECT COUNT(*) FROM line_settlement WHERE method = 'CLICK'")).isPositive();
        assertThat(queryLong(url, "SELECT COUNT(*) FROM line_settlement WHERE method = 'DIRECT'")).isPositive();
        assertThat(queryLong(url, "SELECT COUNT(*) FROM line_settlement s JOIN click c ON c.click_id = s.decided_click_id"
                + " WHERE s.method = 'CLICK' AND c.user_id = s.buyer_id"))
                .isEqualTo(queryLong(url, "SELECT COUNT(*) FROM line_settlement WHERE method = 'CLICK'"));

        for (long user : users) {
            InProcessSteps.StepResult r = run(session, scenario, url, "explain --user " + user);
            assertThat(r.code()).as("explain --user %s: %s", user, r.err()).isZero();
            long[] sums = new long[4];
            long lineEntries = 0;
            for (String line : r.out().lines().toList()) {
                Matcher m = ENTRY.matcher(line);
                if (!m.find()) {
                    continue;
                }
                sums[List.of(BUCKETS).indexOf(m.group(3))] += Long.parseLong(m.group(4));
                if (line.contains(" line=")) {
                    assertThat(LINE_ENTRY.matcher(line).find()).as("names its order line and rule: %s", line).isTrue();
                    lineEntries++;
                }
            }
            long[] expected = balances.getOrDefault(user, new long[4]);
            assertThat(sums).as("user %s: entries per bucket vs export balances", user).isEqualTo(expected);
            assertThat(lineEntries).as("user %s: line entries", user).isEqualTo(queryLong(url,
                    "SELECT COUNT(*) FROM ledger_entry WHERE account = 'USER' AND ref_type = 'LINE' AND user_id = " + user));
            for (int b = 0; b < 4; b++) {
                assertThat(r.out()).contains("total " + BUCKETS[b] + " entries_fen=" + expected[b] + " entries_yuan=")
                        .contains(" = balance balance_fen=" + expected[b] + " ");
            }
            assertThat(r.out()).doesNotContain("MISMATCH", "not recorded");
            assertThat(r.out().lines().filter(l -> l.startsWith("  decided ")))
                    .allMatch(l -> l.matches("  decided method=(DIRECT by=\"binding \\S+\"|CLICK by=\"click \\d+\") .*"));
        }
        InProcessSteps.StepResult w = run(session, scenario, url, "explain --user " + withdrawer);
        assertThat(w.out()).containsPattern("(?m)^withdrawal \\d+ amount_fen=500 amount_yuan=5.00 status=REQUESTED ")
                .containsPattern("(?m)^  entry \\d+ date=\\S+ bucket=AVAILABLE amount_fen=-500 .* step=REQUEST ")
                .containsPattern("(?m)^  entry \\d+ date=\\S+ bucket=WITHDRAWING amount_fen=\\+500 .* step=REQUEST ");

        long someone = queryLong(url, "SELECT MIN(user_id) FROM ledger_entry WHERE account = 'USER' AND ref_type = 'LINE'"
                + " AND business_date >= '2026-10-01' AND business_date <= '2026-10-31'");
        InProcessSteps.StepResult october = run(session, scenario, url, "explain --user " + someone + " --month 2026-10");
        assertThat(october.code()).isZero();
        assertThat(october.out()).doesNotContain("total ");
        for (int b = 0; b < 4; b++) {
            long sum = queryLong(url, "SELECT COALESCE(SUM(amount_fen), 0) FROM ledger_entry WHERE account = 'USER'"
                    + " AND user_id = " + someone + " AND bucket = '" + BUCKETS[b] + "' AND business_date >= '2026-10-01'"
                    + " AND business_date <= '2026-10-31'");
            assertThat(october.out()).contains("month 2026-10 " + BUCKETS[b] + " sum_fen=" + sum + " ");
        }

        InProcessSteps.StepResult unknown = run(session, scenario, url, "explain --user 999999999");
        assertThat(unknown.code()).isEqualTo(3);
        assertThat(unknown.err().lines().toList())
                .containsExactly("rebatch: no user 999999999 (not in the app data, nothing in the ledger)");

        // A balance row that disagrees with the ledger by one fen is caught and named.
        update(url, "UPDATE user_balance SET available_fen = available_fen + 1 WHERE user_id = " + someone);
        InProcessSteps.StepResult off = run(session, scenario, url, "explain --user " + someone);
        assertThat(off.code()).isEqualTo(1);
        assertThat(off.out()).contains(" MISMATCH");
        assertThat(off.err().lines().toList()).singleElement().asString()
                .startsWith("rebatch: explain user " + someone + ": AVAILABLE entries sum to ")
                .endsWith(" fen but the balance holds " + (balances.get(someone)[1] + 1) + " fen");
        update(url, "UPDATE user_balance SET available_fen = available_fen - 1 WHERE user_id = " + someone);
    }

    private static InProcessSteps.StepResult run(InProcessSteps.Session session, Path scenario, String url, String step) {
        InProcessSteps.StepResult r = session.run(Scenarios.args(scenario, url, step));
        System.out.println("[" + step + "] exit " + r.code() + "\n" + r.out() + r.err());
        return r;
    }

    private static long queryLong(String url, String sql) {
        return Scenarios.count(url, sql);
    }

    private static List<Long> queryLongs(String url, String sql) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    private static void update(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }
}
