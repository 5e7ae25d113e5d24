package io.rebatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.app.cli.RebatchCommand;
import io.rebatch.jobs.support.TestDatabase;
import io.rebatch.jobs.support.TestDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared multi-week scenario (../shared/samples/multi-week) driven through the CLI commands of its steps.txt,
 * exactly as a finance script would, on the embedded database and on MariaDB: the exported balances and lines must
 * equal the independently computed expected files to the fen.
 */
class SampleScenarioIT {
    static Stream<TestDatabase> databases() {
        return TestDatabases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void multiWeekScenarioMatchesExpectedBalancesAndLines(TestDatabase db, @TempDir Path work) throws IOException {
        Path scenario = Scenarios.copySample("multi-week", work);
        try (db) {
            Scenarios.runSteps(scenario, db.jdbcUrl());
            assertThat(Scenarios.nonZeroBalances(scenario.resolve("out/balances.csv")))
                    .containsExactlyElementsOf(Scenarios.nonZeroBalances(scenario.resolve("expected/balances.csv")));
            assertThat(Files.readAllLines(scenario.resolve("out/lines.csv"), StandardCharsets.UTF_8))
                    .containsExactlyElementsOf(Files.readAllLines(scenario.resolve("expected/lines.csv"), StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void settlingTheSameDateAgainPostsNothing(TestDatabase db, @TempDir Path work) throws IOException {
        Path scenario = Scenarios.copySample("multi-week", work);
        try (db) {
            Scenarios.runSteps(scenario, db.jdbcUrl());
            long entries = Scenarios.count(db.jdbcUrl(), "SELECT COUNT(*) FROM ledger_entry");
            assertThat(entries).isPositive();
            for (int i = 0; i < 2; i++) {
                assertThat(RebatchCommand.execute(Scenarios.args(scenario, db.jdbcUrl(), "settle --date 2026-11-25")))
                        .isZero();
                assertThat(Scenarios.count(db.jdbcUrl(), "SELECT COUNT(*) FROM ledger_entry")).as("entries after rerun %d", i)
                        .isEqualTo(entries);
            }
            assertThat(Scenarios.count(db.jdbcUrl(), "SELECT COUNT(*) FROM BATCH_JOB_INSTANCE WHERE JOB_NAME = 'settle'"))
                    .as("each rerun is a recorded attempt").isEqualTo(6);
            assertThat(RebatchCommand.execute(Scenarios.args(scenario, db.jdbcUrl(), "export balances --out out/b2.csv")))
                    .isZero();
            assertThat(Scenarios.nonZeroBalances(scenario.resolve("out/b2.csv")))
                    .containsExactlyElementsOf(Scenarios.nonZeroBalances(scenario.resolve("expected/balances.csv")));
            long sum = Scenarios.count(db.jdbcUrl(), "SELECT COALESCE(SUM(amount_fen), 0) FROM ledger_entry");
            assertThat(sum).isZero();
            long dup = Scenarios.count(db.jdbcUrl(),
                    "SELECT COUNT(*) FROM (SELECT entry_key FROM ledger_entry GROUP BY entry_key HAVING COUNT(*) <> 2 OR SUM(amount_fen) <> 0) d");
            assertThat(dup).isZero();
        }
    }

}
