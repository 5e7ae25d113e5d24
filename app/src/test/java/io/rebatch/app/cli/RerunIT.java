package io.rebatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.app.CliRun;
import io.rebatch.app.LedgerInvariants;
import io.rebatch.app.Scenarios;
import io.rebatch.jobs.support.TestDatabase;
import io.rebatch.jobs.support.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code rerun} after a rule-set change (SPEC 10, issue 9): the dry run changes no row and prints a difference equal
 * to what the real rerun then posts — to the ledger entries of the rerun's execution and to the change of every
 * balance — and the real rerun is recorded with its reason.
 */
class RerunIT {
    private static final String DATE = "2026-11-25";
    /** Every table a settle writes, and the job repository. */
    private static final List<String> TABLES = List.of("ledger_entry", "user_balance", "line_settlement",
            "rebate_record", "run_report", "settle_rerun", "tier_bonus", "BATCH_JOB_INSTANCE", "BATCH_JOB_EXECUTION",
            "BATCH_JOB_EXECUTION_PARAMS", "BATCH_STEP_EXECUTION", "BATCH_JOB_EXECUTION_CONTEXT",
            "BATCH_STEP_EXECUTION_CONTEXT");

    static Stream<TestDatabase> databases() {
        return TestDatabases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aDryRunChangesNothingAndPrintsExactlyWhatTheRerunPosts(TestDatabase db, @TempDir Path work) throws Exception {
        Path scenario = Scenarios.copySample("multi-week", work);
        try (db) {
            String url = db.jdbcUrl();
            Scenarios.runSteps(scenario, url);
            Path rules = scenario.resolve("config/rules/2026-11.yml");
            Files.writeString(rules, Files.readString(rules).replace("NORMAL: 5500", "NORMAL: 6100")
                    .replace("inviter_share_bps: 1000", "inviter_share_bps: 900"));

            Map<String, List<String>> before = snapshot(url);
            CliRun dry = rerun(scenario, url, "--dry-run", "--out", scenario.resolve("out/dry.csv").toString());
            assertThat(dry.code()).as(dry.err()).isZero();
            assertThat(dry.out()).contains("user/bucket rows to").contains("nothing posted");
            CliRun printed = rerun(scenario, url, "--dry-run");
            assertThat(printed.code()).isZero();
            assertThat(snapshot(url)).as("a dry run changes no row").isEqualTo(before);

            List<String> difference = Files.readAllLines(scenario.resolve("out/dry.csv"), StandardCharsets.UTF_8);
            assertThat(difference.get(0)).isEqualTo("user_id,bucket,delta_fen");
            assertThat(printed.out().lines().toList()).isEqualTo(difference);
            assertThat(difference).as("the rule change moves money").hasSizeGreaterThan(5);
            // --platform settles one platform's lines: the three platforms' differences add up to the whole one.
            Map<String, Long> byPlatform = new TreeMap<>();
            for (String platform : List.of("taobao", "jd", "pdd")) {
                CliRun one = rerun(scenario, url, "--dry-run", "--platform", platform);
                assertThat(one.code()).as(one.err()).isZero();
                one.out().lines().skip(1).forEach(row -> {
                    String[] f = row.split(",");
                    byPlatform.merge(f[0] + "," + f[1], Long.parseLong(f[2]), Long::sum);
                });
            }
            Map<String, Long> whole = new TreeMap<>();
            difference.stream().skip(1).forEach(row -> {
                String[] f = row.split(",");
                whole.put(f[0] + "," + f[1], Long.parseLong(f[2]));
            });
            byPlatform.values().removeIf(v -> v == 0);
            assertThat(byPlatform).isEqualTo(whole);
            assertThat(snapshot(url)).as("still no row changed").isEqualTo(before);

            assertThat(CliRun.of(Scenarios.args(scenario, url, "export balances --out out/before.csv")).code()).isZero();
            CliRun real = rerun(scenario, url);
            assertThat(real.code()).as(real.err()).isZero();
            assertThat(real.out()).contains("rerun " + DATE + ": done").contains("recorded, " + (difference.size() - 1)
                    + " user/bucket rows changed");
            assertThat(CliRun.of(Scenarios.args(scenario, url, "export balances --out out/after.csv")).code()).isZero();

            List<String> recorded = LedgerInvariants.rows(url, "SELECT reason, job_execution_id, outcome, delta_rows,"
                    + " dry_run FROM settle_rerun");
            assertThat(recorded).hasSize(1);
            String[] r = recorded.get(0).split("\\|");
            assertThat(r[0]).isEqualTo("rules 2026-11: NORMAL 61%, inviter 9%");
            assertThat(r[2]).isEqualTo("COMPLETED");
            assertThat(r[3]).isEqualTo(String.valueOf(difference.size() - 1));
            assertThat(LedgerInvariants.rows(url, "SELECT PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS WHERE"
                    + " JOB_EXECUTION_ID = " + r[1] + " AND PARAMETER_NAME = 'reason'"))
                    .containsExactly("rules 2026-11: NORMAL 61%, inviter 9%");

            List<String> posted = new ArrayList<>(List.of("user_id,bucket,delta_fen"));
            posted.addAll(LedgerInvariants.rows(url, "SELECT user_id, bucket, SUM(amount_fen) FROM ledger_entry"
                    + " WHERE job_execution_id = " + r[1] + " AND leg = 1 GROUP BY user_id, bucket"
                    + " HAVING SUM(amount_fen) <> 0 ORDER BY user_id, bucket").stream()
                    .map(row -> row.replace('|', ',')).toList());
            assertThat(difference).as("the dry run = the rerun's ledger entries").isEqualTo(posted);
            assertThat(difference.subList(1, difference.size()))
                    .as("the dry run = the change of every balance")
                    .containsExactlyElementsOf(balanceChange(scenario.resolve("out/before.csv"),
                            scenario.resolve("out/after.csv")));

            CliRun again = rerun(scenario, url, "--dry-run");
            assertThat(again.out().strip()).as("nothing left to change").isEqualTo("user_id,bucket,delta_fen");
            LedgerInvariants.assertHold(url);
        }
    }

    private static CliRun rerun(Path scenario, String url, String... extra) {
        List<String> args = new ArrayList<>(List.of("--db", url, "--config", scenario.resolve("config").toString(),
                "rerun", "--date", DATE, "--reason", "rules 2026-11: NORMAL 61%, inviter 9%"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** {@code user_id,bucket,delta} of the pending and available columns that changed, sorted like the dry run. */
    private static List<String> balanceChange(Path before, Path after) throws Exception {
        Map<Long, long[]> b = balances(before);
        Map<Long, long[]> a = balances(after);
        TreeMap<Long, long[]> all = new TreeMap<>(b);
        a.forEach(all::putIfAbsent);
        List<String> out = new ArrayList<>();
        for (Long user : all.keySet()) {
            long[] x = b.getOrDefault(user, new long[2]);
            long[] y = a.getOrDefault(user, new long[2]);
            if (y[1] != x[1]) {
                out.add(user + ",AVAILABLE," + (y[1] - x[1]));
            }
            if (y[0] != x[0]) {
                out.add(user + ",PENDING," + (y[0] - x[0]));
            }
        }
        return out;
    }

    private static Map<Long, long[]> balances(Path csv) throws Exception {
        Map<Long, long[]> out = new TreeMap<>();
        for (String line : Files.readAllLines(csv).subList(1, Files.readAllLines(csv).size())) {
            String[] f = line.split(",");
            out.put(Long.parseLong(f[0]), new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
        }
        return out;
    }

    /** Every row of every table a settle touches, sorted (row order is not part of the data). */
    private static Map<String, List<String>> snapshot(String url) {
        Map<String, List<String>> out = new TreeMap<>();
        for (String t : TABLES) {
            List<String> rows = new ArrayList<>(LedgerInvariants.rows(url, "SELECT * FROM " + t));
            rows.sort(null);
            out.put(t, rows);
        }
        return out;
    }
}
