package io.rebatch.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.app.CliRun;
import io.rebatch.app.Scenarios;
import io.rebatch.app.cli.RebatchContext;
import io.rebatch.jobs.support.TestDatabase;
import io.rebatch.jobs.support.TestDatabases;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A scheduler node's observability (issue 9): past the nightly deadline with yesterday unsettled, its
 * {@code /actuator/health} is DOWN (503) and {@code rebatch_nightly_settled} is 0; once yesterday is settled, UP and
 * 1, with Spring Batch's own job metrics beside it. An API-only replica (scheduler off) stays UP meanwhile.
 */
class SchedulerObservabilityIT {
    private static final String SECRET = "observability-test-secret-0123456789";

    static Stream<TestDatabase> databases() {
        return TestDatabases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void healthIsDownWhileLastNightIsLateAndMetricsSayWhy(TestDatabase db, @TempDir Path work) throws Exception {
        Path scenario = Scenarios.copySample("multi-week", work);
        try (db) {
            String url = db.jdbcUrl();
            Scenarios.loadAndImport(scenario, url);
            Path config = scenario.resolve("config");
            Map<String, Object> never = Map.of("server.port", 0, "rebatch.api.jwt-secret", SECRET,
                    "rebatch.scheduler.nightly-cron", "0 0 0 1 1 ? 2099", "rebatch.scheduler.pull-cron",
                    "0 0 0 1 1 ? 2099", "rebatch.scheduler.payout-cron", "0 0 0 1 1 ? 2099",
                    "rebatch.scheduler.close-month-cron", "0 0 0 1 1 ? 2099", "rebatch.scheduler.platforms", "",
                    "rebatch.scheduler.nightly-deadline", "00:00");
            Map<String, Object> node = new java.util.HashMap<>(never);
            node.put("rebatch.scheduler.enabled", "true");
            Map<String, Object> apiOnly = new java.util.HashMap<>(never);
            apiOnly.put("rebatch.scheduler.enabled", "false");
            String admin = new Tokens(SECRET).admin();
            try (ConfigurableApplicationContext scheduler = RebatchContext.startWeb(url, config, node);
                 ConfigurableApplicationContext api = RebatchContext.startWeb(url, config, apiOnly)) {
                ApiClient nodeClient = client(scheduler);
                ApiClient apiClient = client(api);

                ApiClient.Reply late = nodeClient.get("/actuator/health", null);
                assertThat(late.status()).as(late.body()).isEqualTo(503);
                assertThat(late.body()).contains("\"status\":\"DOWN\"");
                assertThat(apiClient.get("/actuator/health", null).status()).as("API-only replica").isEqualTo(200);
                assertThat(nodeClient.get("/actuator/prometheus", admin).body())
                        .contains("rebatch_nightly_settled 0.0").contains("rebatch_pull_last_success_seconds{");

                LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
                assertThat(CliRun.of(Scenarios.args(scenario, url, "settle --date " + yesterday)).code()).isZero();

                ApiClient.Reply onTime = nodeClient.get("/actuator/health", null);
                assertThat(onTime.status()).as(onTime.body()).isEqualTo(200);
                String metrics = nodeClient.get("/actuator/prometheus", admin).body();
                assertThat(metrics).contains("rebatch_nightly_settled 1.0");
            }
        }
    }

    private static ApiClient client(ConfigurableApplicationContext context) {
        return new ApiClient(URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port")
                + "/"), null);
    }
}
