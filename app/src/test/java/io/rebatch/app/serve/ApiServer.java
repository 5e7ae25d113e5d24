package io.rebatch.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.app.Scenarios;
import io.rebatch.app.cli.InProcessSteps;
import io.rebatch.app.cli.RebatchContext;
import io.rebatch.jobs.support.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code rebatch serve} as the tests run it: the multi-week sample prepared on a database of its own through the
 * CLI steps, then the web context ({@link RebatchContext#startWeb}) on a free port, with a secret of its own, the
 * clock at {@link #CLOCK} and a rule set from that day whose daily cap is {@link #CAP_FEN}. {@link #client()}
 * checks every answer against the served OpenAPI document; {@link #raw()} does not.
 */
final class ApiServer implements AutoCloseable {
    /** 10:00 on 2026-11-26 in Shanghai, the day after the sample's last settle: withdrawals fall on that day. */
    static final String CLOCK = "2026-11-26T02:00:00Z";
    static final long MIN_FEN = 100;
    /** max_withdraw_fen_per_day from {@link #CLOCK}'s day on (the sample's 5000 yuan would never bind). */
    static final long CAP_FEN = 20_000;

    final String name;
    final String jdbcUrl;
    final String secret;
    final Tokens tokens;
    final Path scenario;
    final Path logFile;
    private final ConfigurableApplicationContext context;
    private final URI base;
    private final ApiClient raw;
    private final ApiClient client;
    private final OpenApiContract contract;

    private ApiServer(String name, String jdbcUrl, String secret, Path scenario, Path logFile,
                      ConfigurableApplicationContext context) {
        this.name = name;
        this.jdbcUrl = jdbcUrl;
        this.secret = secret;
        this.tokens = new Tokens(secret);
        this.scenario = scenario;
        this.logFile = logFile;
        this.context = context;
        this.base = URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
        this.raw = new ApiClient(base, null);
        ApiClient.Reply docs = raw.get("/v3/api-docs", tokens.admin());
        assertThat(docs.status()).as("GET /v3/api-docs: %s", docs).isEqualTo(200);
        this.contract = new OpenApiContract(docs.body());
        try {
            // For reading when a contract check fails: the document as served (target/ of the app module).
            Files.writeString(Path.of("target", "openapi-" + name + ".json"), docs.body(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            // only a convenience
        }
        this.client = new ApiClient(base, contract);
    }

    /** The multi-week sample in {@code work}, run through its CLI steps on the database, ready to serve. */
    static Path prepareSample(TestDatabase db, Path work) {
        Path scenario = Scenarios.copySample("multi-week", work);
        List<String[]> steps;
        try {
            steps = Files.readAllLines(scenario.resolve("steps.txt")).stream().map(String::trim)
                    .filter(s -> !s.isEmpty()).map(s -> Scenarios.args(scenario, db.jdbcUrl(), s)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("rebatch.reports-dir", scenario.resolve("reports").toString());
        try {
            assertThat(InProcessSteps.run(steps)).as("exit code of the sample's steps").isZero();
        } finally {
            System.clearProperty("rebatch.reports-dir");
        }
        try {
            Path rules = scenario.resolve("config/rules");
            String capped = Files.readString(rules.resolve("2026-11.yml"))
                    .replace("version: \"2026-11\"", "version: \"2026-11-26\"")
                    .replace("effective_from: 2026-11-01", "effective_from: 2026-11-26")
                    .replace("max_withdraw_fen_per_day: 500000", "max_withdraw_fen_per_day: " + CAP_FEN);
            assertThat(capped).contains("2026-11-26\"").contains("max_withdraw_fen_per_day: " + CAP_FEN)
                    .contains("min_withdraw_fen: " + MIN_FEN);
            Files.writeString(rules.resolve("2026-11-26.yml"), capped);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return scenario;
    }

    /** A random secret of 48 ASCII characters, so that a test can look for it (and for tokens) in logs. */
    static String newSecret() {
        byte[] b = new byte[20];
        new SecureRandom().nextBytes(b);
        return "it-" + HexFormat.of().formatHex(b) + "-rest";
    }

    /**
     * Starts serving the prepared scenario's database with a config directory of its own under {@code dir}
     * (the scenario's rules and an application.yml with the secret, the clock and the log file).
     */
    static ApiServer start(String name, String jdbcUrl, Path scenario, Path dir, String secret) {
        Path config = dir.resolve("config");
        Path logFile = dir.resolve("logs").resolve("rebatch.log");
        try {
            Scenarios.copyTree(scenario.resolve("config"), config);
            Files.writeString(config.resolve("application.yml"), String.join("\n",
                    "rebatch:",
                    "  api:",
                    "    jwt-secret: \"" + secret + "\"",
                    "  testing:",
                    "    start-clock-at: " + CLOCK,
                    "logging:",
                    "  file:",
                    "    name: \"" + logFile.toAbsolutePath() + "\"",
                    "spring:",
                    "  datasource:",
                    "    hikari:",
                    "      maximum-pool-size: 12",
                    ""), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Logging is one per JVM: Spring Boot initialises Logback only when no live context did (and sets LOG_FILE only
        // when it is not set yet), so with another test's server still open in this JVM this one would log to that
        // one's file. Marking it uninitialised makes this context configure logging with its own file.
        System.clearProperty("LOG_FILE");
        System.clearProperty("LOG_PATH");
        org.springframework.boot.logging.LoggingSystem.get(ApiServer.class.getClassLoader()).cleanUp();
        ConfigurableApplicationContext context = RebatchContext.startWeb(jdbcUrl, config, Map.of("server.port", 0));
        try {
            return new ApiServer(name, jdbcUrl, secret, scenario, logFile, context);
        } catch (RuntimeException | Error e) {
            context.close();
            throw e;
        }
    }

    /** A client that checks every answer against the served OpenAPI document. */
    ApiClient client() {
        return client;
    }

    /** A client that checks nothing (for answers outside the document: actuator, the document itself). */
    ApiClient raw() {
        return raw;
    }

    OpenApiContract contract() {
        return contract;
    }

    URI base() {
        return base;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }

    @Override
    public String toString() {
        return name;
    }
}
