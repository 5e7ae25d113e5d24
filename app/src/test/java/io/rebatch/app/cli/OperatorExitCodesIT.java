package io.rebatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.app.CliRun;
import io.rebatch.app.LedgerInvariants;
import io.rebatch.app.Scenarios;
import io.rebatch.jobs.support.TestDatabase;
import io.rebatch.jobs.support.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The operator commands' exit codes and one-line messages (issue 9): unknown execution, restart of a completed
 * execution, an execution left STARTED by a crash (refused until {@code recover}), a restart that resumes a failed
 * settle to the same balances as an uninterrupted one, rerun without a reason, a database that cannot be reached.
 */
class OperatorExitCodesIT {
    static Stream<TestDatabase> databases() {
        return TestDatabases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void restartRecoverAndRerunRefuseClearlyAndResumeToTheSameBalances(TestDatabase db, @TempDir Path work)
            throws Exception {
        Path scenario = Scenarios.copySample("multi-week", work);
        try (db) {
            String url = db.jdbcUrl();
            List<String> steps = new ArrayList<>();
            for (String s : java.nio.file.Files.readAllLines(scenario.resolve("steps.txt"))) {
                if (!s.isBlank()) {
                    steps.add(s.strip());
                }
            }
            int firstSettle = steps.indexOf("settle --date 2026-10-20");
            for (String s : steps.subList(0, firstSettle)) {
                assertThat(CliRun.of(Scenarios.args(scenario, url, s)).code()).as(s).isZero();
            }

            CliRun unknown = cli(scenario, url, "restart", "987654");
            assertThat(unknown.code()).isEqualTo(2);
            assertThat(unknown.oneErrorLine()).isEqualTo("rebatch: no job execution 987654 (see 'rebatch status')");
            assertThat(cli(scenario, url, "recover", "987654").code()).isEqualTo(2);
            CliRun notANumber = cli(scenario, url, "restart", "last");
            assertThat(notANumber.code()).isEqualTo(2);
            assertThat(notANumber.oneErrorLine()).contains("EXECUTION_ID");

            // A settle that fails half-way (chunks of 10, the 25th line throws): exit 1, restartable.
            System.setProperty("rebatch.chunk-size", "10");
            System.setProperty("rebatch.fault.settle.fail-at-item", "25");
            CliRun failed;
            try {
                failed = cli(scenario, url, "settle", "--date", "2026-10-20");
            } finally {
                System.clearProperty("rebatch.fault.settle.fail-at-item");
            }
            assertThat(failed.code()).isEqualTo(1);
            long execution = Long.parseLong(LedgerInvariants.rows(url,
                    "SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION").get(0));
            assertThat(LedgerInvariants.rows(url, "SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = "
                    + execution)).containsExactly("FAILED");

            // As if the process had been killed: the execution is still marked STARTED.
            sql(url, "UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STARTED', EXIT_CODE = 'UNKNOWN', END_TIME = NULL"
                    + " WHERE JOB_EXECUTION_ID = " + execution);
            CliRun running = cli(scenario, url, "restart", String.valueOf(execution));
            assertThat(running.code()).isEqualTo(3);
            assertThat(running.oneErrorLine()).contains("execution " + execution + " (settle date=2026-10-20, attempt 1)"
                    + " is STARTED").contains("rebatch recover " + execution);
            CliRun recovered = cli(scenario, url, "recover", String.valueOf(execution));
            assertThat(recovered.code()).as(recovered.err()).isZero();
            assertThat(recovered.out()).contains("marked FAILED");
            CliRun restarted = cli(scenario, url, "restart", String.valueOf(execution));
            assertThat(restarted.code()).as(restarted.err()).isZero();
            assertThat(restarted.out()).startsWith("restart " + execution + ": done (execution ");
            System.clearProperty("rebatch.chunk-size");
            assertThat(LedgerInvariants.rows(url, "SELECT COUNT(*) FROM BATCH_JOB_INSTANCE WHERE JOB_NAME = 'settle'"))
                    .as("the restart resumed the same instance").containsExactly("1");

            long completed = Long.parseLong(LedgerInvariants.rows(url,
                    "SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION").get(0));
            CliRun again = cli(scenario, url, "restart", String.valueOf(completed));
            assertThat(again.code()).isEqualTo(3);
            assertThat(again.oneErrorLine()).contains("is COMPLETED").contains("rebatch rerun --date D --reason TEXT");
            CliRun notRunning = cli(scenario, url, "recover", String.valueOf(completed));
            assertThat(notRunning.code()).isEqualTo(3);
            assertThat(notRunning.oneErrorLine()).contains("not left running");

            CliRun noReason = cli(scenario, url, "rerun", "--date", "2026-10-20");
            assertThat(noReason.code()).isEqualTo(2);
            assertThat(noReason.oneErrorLine()).contains("--reason");
            CliRun blankReason = cli(scenario, url, "rerun", "--date", "2026-10-20", "--reason", "  ");
            assertThat(blankReason.code()).isEqualTo(2);
            assertThat(blankReason.oneErrorLine()).contains("a rerun needs --reason TEXT");
            assertThat(LedgerInvariants.rows(url, "SELECT COUNT(*) FROM settle_rerun")).containsExactly("0");

            for (String s : steps.subList(firstSettle + 1, steps.size())) {
                assertThat(CliRun.of(Scenarios.args(scenario, url, s)).code()).as(s).isZero();
            }
            assertThat(Scenarios.nonZeroBalances(scenario.resolve("out/balances.csv"))).as("same as uninterrupted")
                    .containsExactlyElementsOf(Scenarios.nonZeroBalances(scenario.resolve("expected/balances.csv")));
            LedgerInvariants.assertHold(url);
        } finally {
            System.clearProperty("rebatch.chunk-size");
        }
    }

    @Test
    void anUnreachableDatabaseIsOneLineAndExitOne(@TempDir Path work) {
        for (String[] command : List.of(new String[] {"restart", "1"}, new String[] {"recover", "1"},
                new String[] {"rerun", "--date", "2026-10-20", "--reason", "x"})) {
            List<String> args = new ArrayList<>(List.of("--db", "jdbc:mysql://127.0.0.1:1/rebatch?connectTimeout=2000",
                    "--config", work.toString()));
            args.addAll(List.of(command));
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertThat(r.code()).as(String.join(" ", command)).isEqualTo(1);
            assertThat(r.oneErrorLine()).startsWith("rebatch: cannot connect to the database (jdbc:mysql://127.0.0.1:1/");
        }
    }

    private static CliRun cli(Path scenario, String url, String... command) {
        List<String> args = new ArrayList<>(List.of("--db", url, "--config", scenario.resolve("config").toString()));
        args.addAll(List.of(command));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static void sql(String url, String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }
}
