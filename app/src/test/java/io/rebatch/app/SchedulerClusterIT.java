package io.rebatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rebatch.jobs.support.TestDatabase;
import io.rebatch.jobs.support.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code serve} processes with the scheduler enabled on one MariaDB, the nightly due 90 s after they start
 * (issue 9). Exactly one node fires it; that node is SIGKILLed in the middle of the settle (a chunk uncommitted);
 * the other node notices the silent node through the cluster check-in, Quartz re-fires the recoverable nightly
 * there for the same scheduled time, and it recovers and restarts the same settle instance to completion. The
 * balances then equal a single-process {@code settle --date D} of the same data, and a SIGTERM stops the survivor
 * cleanly.
 */
class SchedulerClusterIT {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void oneNodeFiresTheNightlyAndTheOtherFinishesItWhenTheFirstIsKilled(@TempDir Path work) throws Exception {
        assumeTrue(TestDatabases.mysqlConfigured(), "needs MariaDB (" + TestDatabases.MYSQL_URL_PROPERTY + ")");
        Path scenario = Scenarios.copySample("multi-week", work);
        try (TestDatabase db = TestDatabases.mysql(); TestDatabase reference = TestDatabases.mysql()) {
            Scenarios.loadAndImport(scenario, db.jdbcUrl());
            Scenarios.loadAndImport(scenario, reference.jdbcUrl());
            long lines = Long.parseLong(LedgerInvariants.rows(db.jdbcUrl(), "SELECT COUNT(*) FROM order_line").get(0));
            assertThat(lines).isGreaterThan(60);

            ZonedDateTime fireAt = ZonedDateTime.now(SHANGHAI).plusSeconds(90).withNano(0);
            LocalDate night = fireAt.toLocalDate().minusDays(1);
            String cron = fireAt.getSecond() + " " + fireAt.getMinute() + " " + fireAt.getHour() + " * * ?";
            List<ChildProcess> nodes = new ArrayList<>();
            for (String name : List.of("node-a", "node-b")) {
                List<String> jvm = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-Duser.timezone=America/New_York",
                        "-Drebatch.scheduler.enabled=true", "-Drebatch.scheduler.nightly-cron=" + cron,
                        "-Drebatch.scheduler.checkin-interval=1s",
                        "-Drebatch.scheduler.pull-cron=0 0 0 1 1 ? 2099",
                        "-Drebatch.scheduler.payout-cron=0 0 0 1 1 ? 2099",
                        "-Drebatch.scheduler.close-month-cron=0 0 0 1 1 ? 2099",
                        "-Drebatch.chunk-size=10", "-Drebatch.fault.settle.pause-at-item=45",
                        "-Drebatch.fault.settle.pause-once=" + work.resolve("paused"),
                        "-Drebatch.reports-dir=" + work.resolve("reports-" + name),
                        "-Drebatch.api.jwt-secret=cluster-test-secret-0123456789abcdef",
                        "-Dlogging.file.name=" + work.resolve(name + ".log"));
                nodes.add(ChildProcess.start(name, work.resolve(name + ".out"), jvm, RebatchApplication.class,
                        List.of("--db", db.jdbcUrl(), "--config", scenario.resolve("config").toString(), "serve",
                                "--port", "0")));
            }
            try {
                for (ChildProcess n : nodes) {
                    await(() -> n.output().contains("serve: scheduler node ") || !n.isAlive(), 85, n.label() + " up");
                    assertThat(n.isAlive()).as(n.label() + ": " + n.output()).isTrue();
                }
                assertThat(Instant.now()).as("both nodes were up before the nightly was due").isBefore(fireAt.toInstant());

                await(() -> nodes.stream().anyMatch(n -> n.output().contains("FAULT pause settle")), 150,
                        "a node paused in the settle");
                ChildProcess runner = nodes.stream().filter(n -> n.output().contains("FAULT pause settle"))
                        .findFirst().orElseThrow();
                ChildProcess survivor = nodes.get(0) == runner ? nodes.get(1) : nodes.get(0);
                assertThat(SchedulerMisfireIT.settleExecutions(db.jdbcUrl())).containsExactly(night + "|STARTED");
                runner.kill();

                SchedulerMisfireIT.awaitCompleted(db.jdbcUrl(), 1);
                assertThat(SchedulerMisfireIT.settleExecutions(db.jdbcUrl())).as("one instance: the killed execution"
                        + " recovered as FAILED, then restarted to completion by the survivor")
                        .containsExactly(night + "|FAILED", night + "|COMPLETED");
                assertThat(LedgerInvariants.rows(db.jdbcUrl(), "SELECT COUNT(*) FROM BATCH_JOB_INSTANCE"
                        + " WHERE JOB_NAME = 'settle'")).containsExactly("1");
                assertThat(survivor.output()).doesNotContain("FAULT pause");

                // 143 = 128 + SIGTERM: the JVM's own status when the signal's shutdown hooks finish first.
                assertThat(survivor.terminate(60)).as("SIGTERM stops the survivor cleanly: " + survivor.output())
                        .isIn(0, 143);
                assertThat(survivor.output()).doesNotContain("Exception");
            } finally {
                for (ChildProcess n : nodes) {
                    if (n.isAlive()) {
                        n.kill();
                    }
                }
            }
            CliRun status = CliRun.of(Scenarios.args(scenario, db.jdbcUrl(), "status --date " + night));
            assertThat(status.code()).isZero();
            List<String> executions = status.out().lines().filter(l -> l.startsWith("execution ")).toList();
            assertThat(executions).as(status.out()).hasSize(2);
            assertThat(executions.get(0)).contains(" settle ").contains("date=" + night).contains("status=COMPLETED");
            assertThat(executions.get(1)).contains(" settle ").contains("date=" + night).contains("status=FAILED");
            assertThat(CliRun.of(Scenarios.args(scenario, reference.jdbcUrl(), "settle --date " + night)).code())
                    .isZero();
            assertThat(CliRun.of(Scenarios.args(scenario, db.jdbcUrl(), "export balances --out out/cluster.csv"))
                    .code()).isZero();
            assertThat(CliRun.of(Scenarios.args(scenario, reference.jdbcUrl(),
                    "export balances --out out/reference.csv")).code()).isZero();
            assertThat(Files.readAllLines(scenario.resolve("out/cluster.csv")))
                    .hasSizeGreaterThan(10)
                    .containsExactlyElementsOf(Files.readAllLines(scenario.resolve("out/reference.csv")));
            LedgerInvariants.assertHold(db.jdbcUrl());
        }
    }

    private static void await(java.util.function.BooleanSupplier condition, int seconds, String what)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out after " + seconds + " s waiting for: " + what);
            }
            Thread.sleep(200);
        }
    }
}
