package io.rebatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.app.cli.RebatchCommand;
import io.rebatch.jobs.support.TestDatabase;
import io.rebatch.jobs.support.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The partitioned settle (issue 11): the same generated inputs in two databases, one settled in one partition
 * (one thread, {@code line_seq} order), the other in four partitions of small chunks at once; after every settle
 * both hold exactly the same ledger entries, balances, line states, rebate records and due dates. Then the partitioned
 * settle of the next date is SIGKILLed in a forked JVM inside a chunk, and the same command run again converges to
 * what the single-partition database holds. On MariaDB the server's own deadlock counter must not move: the
 * partitions lock disjoint lines and add to shared balances in user-id order.
 */
class PartitionedSettleIT {
    private static final List<String> NIGHTS = List.of("2026-10-04", "2026-10-07", "2026-10-08", "2026-10-20");
    private static final String KILLED = "2026-11-20";

    static Stream<Supplier<TestDatabase>> databases() {
        return TestDatabases.mysqlConfigured() ? Stream.of(TestDatabases::h2, TestDatabases::mysql)
                : Stream.of(TestDatabases::h2);
    }

    @AfterEach
    void clear() {
        System.clearProperty("rebatch.settle-partitions");
        System.clearProperty("rebatch.chunk-size");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void partitionsSettleExactlyAsOneThreadAndAKilledOneConverges(Supplier<TestDatabase> databases,
                                                                   @TempDir Path work) throws Exception {
        Path scenario = work.resolve("scenario");
        assertThat(RebatchCommand.execute("sandbox", "--write", scenario.toString(), "--orders", "500", "--from",
                "2026-10-01", "--to", "2026-10-08", "--seed", "23")).isZero();
        System.setProperty("rebatch.reports-dir", scenario.resolve("reports").toString());
        try (TestDatabase single = databases.get(); TestDatabase partitioned = databases.get()) {
            for (String step : dataSteps(scenario)) {
                run(scenario, single, step, 1);
                run(scenario, partitioned, step, 4);
            }
            long deadlocksBefore = deadlocks(partitioned);
            for (String night : NIGHTS) {
                run(scenario, single, "settle --date " + night, 1);
                run(scenario, partitioned, "settle --date " + night, 4);
                assertSameState(single, partitioned, night);
            }
            assertThat(Scenarios.count(partitioned.jdbcUrl(), "SELECT COUNT(DISTINCT STEP_NAME) FROM BATCH_STEP_EXECUTION"
                    + " WHERE STEP_NAME LIKE 'settleLine:partition%'")).as("four partitions ran").isEqualTo(4);
            assertThat(deadlocks(partitioned)).as("InnoDB deadlocks while the partitions settled").isEqualTo(deadlocksBefore);

            run(scenario, single, "settle --date " + KILLED, 1);
            long due = Scenarios.count(partitioned.jdbcUrl(), "SELECT COUNT(*) FROM order_line WHERE due_on <= '" + KILLED + "'");
            assertThat(due).as("lines due on the killed night").isGreaterThan(60);
            ChildProcess child = ChildProcess.start("settle", work.resolve("settle.log"), List.of(
                    "-Duser.timezone=America/New_York", "-Drebatch.chunk-size=10", "-Drebatch.settle-partitions=2",
                    "-Drebatch.fault.settle-ledger.pause-at-item=45",
                    "-Drebatch.reports-dir=" + scenario.resolve("reports")),
                    RebatchApplication.class, List.of(Scenarios.args(scenario, partitioned.jdbcUrl(),
                            "settle --date " + KILLED)));
            long deadline = System.nanoTime() + 180_000_000_000L;
            while (!child.output().contains("FAULT pause settle-ledger") && System.nanoTime() < deadline) {
                assertThat(child.isAlive()).as("the child settle is running\n" + child.output()).isTrue();
                Thread.sleep(100);
            }
            assertThat(child.output()).contains("FAULT pause settle-ledger");
            child.kill(); // SIGKILL, between a chunk's states and its ledger entries
            run(scenario, partitioned, "settle --date " + KILLED, 2);
            assertSameState(single, partitioned, KILLED + " (killed, then run again)");
            LedgerInvariants.assertHold(partitioned.jdbcUrl());
        }
    }

    /** Every load and import of the generated scenario: one command per kind of input, files in date order. */
    private static List<String> dataSteps(Path scenario) throws Exception {
        TreeMap<String, List<String>> imports = new TreeMap<>();
        List<String> out = new ArrayList<>();
        for (String step : Files.readAllLines(scenario.resolve("steps.txt"))) {
            if (step.startsWith("load")) {
                out.add(step);
            } else if (step.startsWith("import")) {
                int file = step.lastIndexOf(' ');
                imports.computeIfAbsent(step.substring(0, file), k -> new ArrayList<>()).add(step.substring(file + 1));
            }
        }
        imports.forEach((command, files) -> out.add(command + " " + String.join(" ", files)));
        return out;
    }

    private static void run(Path scenario, TestDatabase db, String step, int partitions) {
        System.setProperty("rebatch.settle-partitions", Integer.toString(partitions));
        System.setProperty("rebatch.chunk-size", partitions == 1 ? "1000" : "10");
        assertThat(RebatchCommand.execute(Scenarios.args(scenario, db.jdbcUrl(), step))).as("exit code of '%s'", step)
                .isZero();
    }

    private static void assertSameState(TestDatabase single, TestDatabase partitioned, String when) throws Exception {
        for (String query : IncrementalSettleIT.STATE) {
            assertThat(LedgerInvariants.rows(partitioned.jdbcUrl(), query)).as("after %s: %s", when, query)
                    .containsExactlyElementsOf(LedgerInvariants.rows(single.jdbcUrl(), query));
        }
    }

    /** MariaDB's count of deadlocks InnoDB detected since the server started; 0 on H2. */
    private static long deadlocks(TestDatabase db) throws Exception {
        if (db.isH2()) {
            return 0;
        }
        return Long.parseLong(Scenarios.table(db.jdbcUrl(), "SHOW GLOBAL STATUS LIKE 'Innodb_deadlocks'").get(0)[1]);
    }
}
