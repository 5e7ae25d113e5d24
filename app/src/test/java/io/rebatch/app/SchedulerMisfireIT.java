package io.rebatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.app.cli.RebatchContext;
import io.rebatch.jobs.support.TestDatabase;
import io.rebatch.jobs.support.TestDatabases;
import io.rebatch.scheduler.BusinessDates;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A scheduler that was down across 02:30 (Asia/Shanghai) and starts later fires the nightly once — for the missed
 * night's date — and never twice: a node restarting afterwards leaves the trigger alone, and even a trigger forced
 * to fire again does not settle the completed date a second time.
 */
class SchedulerMisfireIT {
    private static final String NIGHTLY = "0 30 2 * * ?";

    static Stream<TestDatabase> databases() {
        return TestDatabases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aMissedNightFiresOnceWhenANodeComesBackAndNeverTwice(TestDatabase db, @TempDir Path work) throws Exception {
        Path scenario = Scenarios.copySample("multi-week", work);
        try (db) {
            String url = db.jdbcUrl();
            Scenarios.loadAndImport(scenario, url);
            Path config = scenario.resolve("config");
            Map<String, Object> node = Map.of("rebatch.scheduler.enabled", "true",
                    "rebatch.scheduler.nightly-cron", NIGHTLY, "rebatch.scheduler.platforms", "",
                    "rebatch.scheduler.pull-cron", "0 0 0 1 1 ? 2099", "rebatch.scheduler.payout-cron",
                    "0 0 0 1 1 ? 2099", "rebatch.scheduler.close-month-cron", "0 0 0 1 1 ? 2099",
                    "rebatch.reports-dir", work.resolve("reports").toString());

            // First start: the schedules are stored; the next nightly is a future 02:30.
            try (ConfigurableApplicationContext first = RebatchContext.start(url, config, node)) {
                assertThat(nextFire(url)).isAfter(Instant.now());
            }
            assertThat(settleExecutions(url)).isEmpty();

            // Every node was down across the last 02:30: the store still says that firing is due.
            Instant missed = BusinessDates.latestCronTime(NIGHTLY, Instant.now());
            LocalDate night = BusinessDates.nightlyDate(NIGHTLY, Instant.now());
            setNextFire(url, missed);

            try (ConfigurableApplicationContext back = RebatchContext.start(url, config, node)) {
                awaitCompleted(url, 1);
                Thread.sleep(3_000); // time for a second firing, if there were one
                assertThat(settleExecutions(url)).as("fired once, for the missed night")
                        .containsExactly(night + "|COMPLETED");
                assertThat(nextFire(url)).isAfter(Instant.now());
            }
            try (ConfigurableApplicationContext again = RebatchContext.start(url, config, node)) {
                Thread.sleep(3_000);
                assertThat(settleExecutions(url)).as("a restart does not fire it again")
                        .containsExactly(night + "|COMPLETED");
                // Even a trigger that fires twice (forced due again) cannot settle the completed night again.
            }
            setNextFire(url, missed);
            try (ConfigurableApplicationContext twice = RebatchContext.start(url, config, node)) {
                long deadline = System.currentTimeMillis() + 60_000;
                while (!nextFire(url).isAfter(Instant.now()) && System.currentTimeMillis() < deadline) {
                    Thread.sleep(200);
                }
                Thread.sleep(2_000);
                assertThat(nextFire(url)).as("the forced firing happened").isAfter(Instant.now());
                assertThat(settleExecutions(url)).as("never settled twice").containsExactly(night + "|COMPLETED");
            }
            LedgerInvariants.assertHold(url);
        }
    }

    static List<String> settleExecutions(String url) {
        return LedgerInvariants.rows(url, "SELECT p.PARAMETER_VALUE, e.STATUS FROM BATCH_JOB_EXECUTION e"
                + " JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID"
                + " JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID"
                + " AND p.PARAMETER_NAME = 'date' WHERE i.JOB_NAME = 'settle' ORDER BY e.JOB_EXECUTION_ID");
    }

    static void awaitCompleted(String url, int completed) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            if (settleExecutions(url).stream().filter(r -> r.endsWith("|COMPLETED")).count() >= completed) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no completed settle after 180 s: " + settleExecutions(url));
    }

    private static Instant nextFire(String url) {
        return Instant.ofEpochMilli(Long.parseLong(LedgerInvariants.rows(url, "SELECT NEXT_FIRE_TIME FROM QRTZ_TRIGGERS"
                + " WHERE TRIGGER_NAME = 'nightly' AND TRIGGER_GROUP = 'rebatch'").get(0)));
    }

    private static void setNextFire(String url, Instant at) throws Exception {
        try (Connection c = DriverManager.getConnection(url); PreparedStatement ps = c.prepareStatement(
                "UPDATE QRTZ_TRIGGERS SET NEXT_FIRE_TIME = ? WHERE TRIGGER_NAME = 'nightly' AND TRIGGER_GROUP = 'rebatch'")) {
            ps.setLong(1, at.toEpochMilli());
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }
}
