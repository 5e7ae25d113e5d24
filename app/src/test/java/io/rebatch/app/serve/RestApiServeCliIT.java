package io.rebatch.app.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rebatch.app.RebatchApplication;
import io.rebatch.app.Scenarios;
import io.rebatch.app.CliRun;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code rebatch serve} as an operator runs it (SPEC 10, CONVENTIONS exit codes): without a secret, or with one
 * shorter than HS256 needs (31 bytes), or with a bad port, it exits 2 with one line and no stack trace (the secret
 * never printed); on a port in use it exits non-zero with one line. Started for real (a JVM of its own, the secret
 * from the environment) it prints one line with its port, serves, and on SIGTERM shuts down gracefully and exits.
 */
@ExtendWith(ApiServers.class)
class RestApiServeCliIT {
    private static final Pattern LISTENING = Pattern.compile("^serve: listening on port (\\d+)$");

    record Run(int code, String out, String err) {
        String oneErrorLine() {
            assertThat(err.lines().toList()).as("stderr: %s", err).hasSize(1);
            assertThat(out + err).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("APPLICATION FAILED");
            assertThat(err).startsWith("rebatch: ");
            return err.strip();
        }
    }

    /** {@code rebatch ARGS} in this JVM, its stdout and stderr captured. */
    static Run run(String... args) {
        CliRun r = CliRun.of(args);
        return new Run(r.code(), r.out(), r.err());
    }

    static Path config(Path dir, String yaml) throws IOException {
        Path config = dir.resolve("config");
        Scenarios.copyTree(Scenarios.samplesDir().resolve("multi-week/config"), config);
        if (yaml != null) {
            Files.writeString(config.resolve("application.yml"), yaml, StandardCharsets.UTF_8);
        }
        return config;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.rebatch.app.serve.ApiServers#databases")
    void withoutAUsableSecretOrPortServeExitsTwoWithOneLine(String database, @TempDir Path dir) throws IOException {
        assumeTrue(System.getenv("REBATCH_API_JWT_SECRET") == null, "REBATCH_API_JWT_SECRET is set in this environment");
        ApiServer shared = ApiServers.get(database);
        String url = shared.jdbcUrl;

        Run none = run("--db", url, "--config", config(dir.resolve("a"), null).toString(), "serve", "--port", "0");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.oneErrorLine()).contains("rebatch.api.jwt-secret is not set").contains("REBATCH_API_JWT_SECRET");

        String short31 = "0123456789abcdef0123456789abcde";
        assertThat(short31.getBytes(StandardCharsets.UTF_8)).hasSize(31);
        Run shortSecret = run("--db", url, "--config", config(dir.resolve("b"), "rebatch:\n  api:\n    jwt-secret: \""
                + short31 + "\"\n").toString(), "serve", "--port", "0");
        assertThat(shortSecret.code()).isEqualTo(2);
        assertThat(shortSecret.oneErrorLine()).contains("31 bytes").contains("at least 32").doesNotContain(short31);

        Run badPort = run("--db", url, "--config", config(dir.resolve("c"), null).toString(), "serve", "--port", "70000");
        assertThat(badPort.code()).isEqualTo(2);
        assertThat(badPort.oneErrorLine()).contains("--port");

        String secret = ApiServer.newSecret();
        Run taken = run("--db", url, "--config", config(dir.resolve("d"), "rebatch:\n  api:\n    jwt-secret: \"" + secret
                + "\"\n").toString(), "serve", "--port", Integer.toString(shared.base().getPort()));
        assertThat(taken.code()).as("a port in use").isNotZero();
        assertThat(taken.oneErrorLine()).contains("port " + shared.base().getPort() + " is already in use")
                .doesNotContain(secret);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.rebatch.app.serve.ApiServers#databases")
    void serveListensAnswersAndStopsGracefullyOnSigterm(String database, @TempDir Path dir) throws Exception {
        ApiServer shared = ApiServers.get(database);
        String secret = ApiServer.newSecret();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.timezone=Europe/London", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp",
                System.getProperty("java.class.path"), RebatchApplication.class.getName()));
        if (!shared.jdbcUrl.startsWith("jdbc:h2:")) {
            cmd.addAll(List.of("--db", shared.jdbcUrl));
        } // H2: this JVM holds the shared file; the child makes and serves the default ./data/rebatch of its own
        cmd.addAll(List.of("--config", config(dir, null).toString(), "serve", "--port", "0"));
        Path stdout = dir.resolve("out.txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(stdout.toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        pb.environment().put("REBATCH_API_JWT_SECRET", secret);
        pb.environment().remove("LOGGING_THRESHOLD_CONSOLE");
        long started = System.nanoTime();
        Process p = pb.start();
        try {
            String first = null;
            for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180); first == null && p.isAlive()
                    && System.nanoTime() < deadline; ) {
                List<String> lines = Files.readAllLines(stdout, StandardCharsets.UTF_8);
                first = lines.isEmpty() ? null : lines.get(0);
                Thread.sleep(first == null ? 200 : 0);
            }
            assertThat(first).as("serve's first line (stderr: %s)", Files.readString(dir.resolve("err.txt")))
                    .isNotNull().matches(LISTENING);
            Matcher m = LISTENING.matcher(first);
            assertThat(m.matches()).isTrue();
            int port = Integer.parseInt(m.group(1));
            double startSeconds = (System.nanoTime() - started) / 1e9;
            ApiClient client = new ApiClient(URI.create("http://127.0.0.1:" + port), null);
            ApiClient.Reply health = client.get("/actuator/health", null);
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().get("status").asString()).isEqualTo("UP");
            ApiClient.Reply balance = client.get("/api/v1/me/balance", new Tokens(secret).app(Users.CONTRACT_POOR));
            assertThat(balance.status()).as("%s", balance).isEqualTo(200);
            assertThat(balance.json().get("user_id").asLong()).isEqualTo(Users.CONTRACT_POOR);
            assertThat(client.get("/api/v1/me/balance", shared.tokens.app(Users.CONTRACT_POOR)).status())
                    .as("a token of another secret").isEqualTo(401);

            long stopping = System.nanoTime();
            p.destroy(); // SIGTERM
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("serve stopped after SIGTERM").isTrue();
            List<String> printed = Files.readAllLines(stdout, StandardCharsets.UTF_8);
            System.out.printf("[%s] RestApiServeCliIT: serve listened after %.1f s, stopped %.1f s after SIGTERM,"
                    + " exit %d%n", shared.name, startSeconds, (System.nanoTime() - stopping) / 1e9, p.exitValue());
            assertThat(p.exitValue()).as("exit code after SIGTERM").isIn(0, 143);
            assertThat(printed).as("stdout: one line").containsExactly(first);
            assertThat(Files.readString(dir.resolve("err.txt"))).as("stderr").isEmpty();
            String log = Files.readString(dir.resolve("logs/rebatch.log"), StandardCharsets.UTF_8);
            assertThat(log).contains("Commencing graceful shutdown").contains("Graceful shutdown complete")
                    .doesNotContain(secret);
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }
}
