package io.rebatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.app.cli.RebatchCommand;
import io.rebatch.jobs.support.TestDatabase;
import io.rebatch.jobs.support.TestDatabases;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A settle SIGKILLed inside a chunk — after the chunk's settlement states are written but before its ledger
 * entries ({@code settle-ledger}), or after its entries but before the balances ({@code settle-balances}) —
 * leaves every earlier chunk committed and nothing of the killed chunk visible; the same command then converges
 * to the uninterrupted result. Were the state, entry and balance writes not one transaction, the killed chunk's
 * states (or entries) would be visible and the ledger invariants would fail.
 */
class SettleCrashIT {
    private static final String LAST_SETTLE = "settle --date 2026-11-25";
    private static final int CHUNK = 5;
    private static final int PAUSE_AT = 115; // the 23rd chunk: items 111..115

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String point : List.of("settle-ledger", "settle-balances")) {
            TestDatabases.all().forEach(db -> out.add(Arguments.of(db, point)));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} killed at {1}")
    @MethodSource("cases")
    void killedInsideAChunkLeavesEarlierChunksCommittedAndNothingOfTheKilledOne(TestDatabase db, String point,
                                                                               @TempDir Path work) throws Exception {
        Path scenario = Scenarios.copySample("multi-week", work);
        try (db) {
            List<String> steps = steps(scenario);
            int last = steps.indexOf(LAST_SETTLE);
            run(scenario, db, steps.subList(0, last));
            String url = db.jdbcUrl();
            List<String> seqs = LedgerInvariants.rows(url, "SELECT line_seq FROM order_line ORDER BY line_seq");
            assertThat(seqs.size()).isGreaterThan(PAUSE_AT);
            String killedChunk = String.join(",", seqs.subList(PAUSE_AT - CHUNK, PAUSE_AT));
            String statesOfKilledChunk = "SELECT o.line_seq, s.state_seq, s.settled_on FROM order_line o"
                    + " LEFT JOIN line_settlement s ON s.platform = o.platform AND s.order_line_id = o.order_line_id"
                    + " WHERE o.line_seq IN (" + killedChunk + ") ORDER BY o.line_seq";
            List<String> before = LedgerInvariants.rows(url, statesOfKilledChunk);

            Process p = fork(scenario, url, point);
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                boolean paused = false;
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.startsWith("FAULT pause " + point)) {
                        paused = true;
                        break;
                    }
                }
                assertThat(paused).as("the forked settle reached " + point).isTrue();
                p.destroyForcibly(); // SIGKILL
                assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }

            long killed = Long.parseLong(LedgerInvariants.rows(url, "SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION").get(0));
            assertThat(LedgerInvariants.rows(url, "SELECT WRITE_COUNT FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = "
                    + killed + " AND STEP_NAME = 'settleLines'")).as("every chunk before the killed one is committed")
                    .containsExactly(String.valueOf(PAUSE_AT - CHUNK));
            assertThat(LedgerInvariants.rows(url, statesOfKilledChunk)).as("no state of the killed chunk is visible")
                    .isEqualTo(before);
            assertThat(LedgerInvariants.rows(url, "SELECT COUNT(*) FROM ledger_entry e JOIN order_line o"
                    + " ON o.platform = e.platform AND o.order_line_id = e.order_line_id WHERE e.job_execution_id = "
                    + killed + " AND o.line_seq IN (" + killedChunk + ")")).as("no entry of the killed chunk").containsExactly("0");
            LedgerInvariants.assertHold(url);

            run(scenario, db, steps.subList(last, steps.size()));
            assertThat(Scenarios.nonZeroBalances(scenario.resolve("out/balances.csv")))
                    .containsExactlyElementsOf(Scenarios.nonZeroBalances(scenario.resolve("expected/balances.csv")));
            assertThat(Files.readAllLines(scenario.resolve("out/lines.csv")))
                    .containsExactlyElementsOf(Files.readAllLines(scenario.resolve("expected/lines.csv")));
            LedgerInvariants.assertHold(url);
        }
    }

    private static Process fork(Path scenario, String url, String point) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.timezone=Europe/London", "-Drebatch.chunk-size=" + CHUNK,
                "-Drebatch.fault." + point + ".pause-at-item=" + PAUSE_AT,
                "-Drebatch.reports-dir=" + scenario.resolve("reports"), "-Drebatch.settle-partitions=1",
                "-cp", System.getProperty("java.class.path"), RebatchApplication.class.getName()));
        cmd.addAll(List.of(Scenarios.args(scenario, url, LAST_SETTLE + " --all")));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    static List<String> steps(Path scenario) throws Exception {
        List<String> steps = new ArrayList<>();
        for (String s : Files.readAllLines(scenario.resolve("steps.txt"))) {
            if (!s.isBlank()) {
                steps.add(s.trim());
            }
        }
        return steps;
    }

    static void run(Path scenario, TestDatabase db, List<String> steps) {
        System.setProperty("rebatch.reports-dir", scenario.resolve("reports").toString());
        for (String step : steps) {
            assertThat(RebatchCommand.execute(Scenarios.args(scenario, db.jdbcUrl(), step))).as(step).isZero();
        }
    }
}
