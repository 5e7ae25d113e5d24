package io.rebatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.app.cli.RebatchCommand;
import io.rebatch.jobs.support.TestDatabase;
import io.rebatch.jobs.support.TestDatabases;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A settle that fails on the N-th item, or whose JVM is killed with SIGKILL mid-step, and is then run again with
 * the same command, ends with exactly the balances of an uninterrupted run and no duplicate entry keys.
 */
class SettleRestartIT {
    private static final String LAST_SETTLE = "settle --date 2026-11-25";

    static Stream<TestDatabase> databases() {
        return TestDatabases.all();
    }

    @AfterEach
    void clearFaults() {
        System.clearProperty("rebatch.fault.settle.fail-at-item");
        System.clearProperty("rebatch.chunk-size");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void settleFailingOnAnItemAndRestartedConvergesToTheUninterruptedBalances(TestDatabase db, @TempDir Path work)
            throws IOException {
        Path scenario = Scenarios.copySample("multi-week", work);
        try (db) {
            System.setProperty("rebatch.chunk-size", "7");
            List<String> steps = steps(scenario);
            int last = steps.indexOf(LAST_SETTLE);
            run(scenario, db, steps.subList(0, last));
            String postedOnDate = "SELECT COUNT(*) FROM ledger_entry WHERE business_date = '2026-11-25'";

            System.setProperty("rebatch.fault.settle.fail-at-item", "112");
            // --all: every line, so item 112 exists; the plain settle below restarts the same instance, still --all
            assertThat(RebatchCommand.execute(Scenarios.args(scenario, db.jdbcUrl(), LAST_SETTLE + " --all")))
                    .isEqualTo(1);
            long afterFailure = Scenarios.count(db.jdbcUrl(), postedOnDate);
            assertThat(afterFailure).as("chunks before the failing one committed").isPositive();
            System.clearProperty("rebatch.fault.settle.fail-at-item");

            run(scenario, db, steps.subList(last, steps.size()));
            assertThat(Scenarios.count(db.jdbcUrl(), postedOnDate)).as("the restart posted the rest")
                    .isGreaterThan(afterFailure);
            assertMatchesExpected(scenario, db);
        }
    }

    /**
     * A failed settle of D is not resumed after its committed chunks once another date was settled in between (that
     * run may have moved those chunks' lines): it is evaluated again as the next attempt, and ends where an
     * uninterrupted run ends.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aFailedSettleIsEvaluatedAgainWhenAnotherDateWasSettledSince(TestDatabase db, @TempDir Path work)
            throws IOException {
        Path scenario = Scenarios.copySample("multi-week", work);
        try (db) {
            System.setProperty("rebatch.chunk-size", "7");
            List<String> steps = steps(scenario);
            int last = steps.indexOf(LAST_SETTLE);
            run(scenario, db, steps.subList(0, last));
            System.setProperty("rebatch.fault.settle.fail-at-item", "120");
            assertThat(RebatchCommand.execute(Scenarios.args(scenario, db.jdbcUrl(), LAST_SETTLE + " --all")))
                    .isEqualTo(1);
            System.clearProperty("rebatch.fault.settle.fail-at-item");
            run(scenario, db, List.of("settle --date 2026-11-20"));
            run(scenario, db, steps.subList(last, steps.size()));
            assertThat(Scenarios.count(db.jdbcUrl(), "SELECT COUNT(*) FROM BATCH_JOB_INSTANCE i"
                    + " JOIN BATCH_JOB_EXECUTION e ON e.JOB_INSTANCE_ID = i.JOB_INSTANCE_ID"
                    + " JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID"
                    + " WHERE i.JOB_NAME = 'settle' AND p.PARAMETER_NAME = 'date' AND p.PARAMETER_VALUE = '2026-11-25'"
                    + " AND e.STATUS = 'COMPLETED'")).as("a new attempt completed").isEqualTo(1);
            assertMatchesExpected(scenario, db);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void settleKilledWithSigkillAndRestartedConvergesToTheUninterruptedBalances(TestDatabase db, @TempDir Path work)
            throws Exception {
        Path scenario = Scenarios.copySample("multi-week", work);
        try (db) {
            List<String> steps = steps(scenario);
            int last = steps.indexOf(LAST_SETTLE);
            run(scenario, db, steps.subList(0, last));

            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Duser.timezone=Europe/London", "-Drebatch.chunk-size=5",
                    // a plain settle visits the lines due (about a night's worth): killed inside its fifth chunk
                    "-Drebatch.fault.settle.pause-at-item=22",
                    "-Drebatch.reports-dir=" + scenario.resolve("reports"),
                    "-cp", System.getProperty("java.class.path"), RebatchApplication.class.getName()));
            cmd.addAll(List.of(Scenarios.args(scenario, db.jdbcUrl(), LAST_SETTLE)));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            boolean paused = false;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.startsWith("FAULT pause")) {
                        paused = true;
                        break;
                    }
                }
                assertThat(paused).as("the forked settle reached the pause point").isTrue();
                // H2 is locked by the paused process; MariaDB shows the chunks committed before the pause.
                if (!db.isH2()) {
                    assertThat(Scenarios.count(db.jdbcUrl(),
                            "SELECT COUNT(*) FROM ledger_entry WHERE business_date = '2026-11-25'")).isPositive();
                }
                p.destroyForcibly(); // SIGKILL
                assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            run(scenario, db, steps.subList(last, steps.size()));
            assertMatchesExpected(scenario, db);
        }
    }

    private static void assertMatchesExpected(Path scenario, TestDatabase db) throws IOException {
        assertThat(Scenarios.nonZeroBalances(scenario.resolve("out/balances.csv")))
                .containsExactlyElementsOf(Scenarios.nonZeroBalances(scenario.resolve("expected/balances.csv")));
        assertThat(Files.readAllLines(scenario.resolve("out/lines.csv")))
                .containsExactlyElementsOf(Files.readAllLines(scenario.resolve("expected/lines.csv")));
        assertThat(Scenarios.count(db.jdbcUrl(),
                "SELECT COUNT(*) FROM (SELECT entry_key FROM ledger_entry GROUP BY entry_key HAVING COUNT(*) <> 2 OR SUM(amount_fen) <> 0) d"))
                .isZero();
        assertThat(Scenarios.count(db.jdbcUrl(), "SELECT COALESCE(SUM(amount_fen), 0) FROM ledger_entry")).isZero();
        assertThat(Scenarios.count(db.jdbcUrl(), "SELECT COUNT(*) FROM user_balance b WHERE b.pending_fen <>"
                + " (SELECT COALESCE(SUM(e.amount_fen), 0) FROM ledger_entry e WHERE e.user_id = b.user_id AND e.bucket = 'PENDING')"
                + " OR b.available_fen <> (SELECT COALESCE(SUM(e.amount_fen), 0) FROM ledger_entry e"
                + " WHERE e.user_id = b.user_id AND e.bucket = 'AVAILABLE')")).as("balances in step with entries").isZero();
    }

    private static List<String> steps(Path scenario) throws IOException {
        List<String> steps = new ArrayList<>();
        for (String s : Files.readAllLines(scenario.resolve("steps.txt"))) {
            if (!s.isBlank()) {
                steps.add(s.trim());
            }
        }
        return steps;
    }

    private static void run(Path scenario, TestDatabase db, List<String> steps) {
        System.setProperty("rebatch.reports-dir", scenario.resolve("reports").toString());
        for (String step : steps) {
            assertThat(RebatchCommand.execute(Scenarios.args(scenario, db.jdbcUrl(), step))).as(step).isZero();
        }
    }
}
