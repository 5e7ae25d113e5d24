package io.rebatch.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CONVENTIONS "never log secrets, tokens, payee accounts or names", for {@code serve}: a server of its own on the
 * prepared database, with a secret of its own and {@code logging.file.name} in a temp directory, goes through a full
 * request cycle — health, the document, every app read with paging, a withdrawal with payee data (created,
 * replayed, its key reused, a refused one, a malformed one), admin reads, and tokens that are invalid in every way —
 * and then its log file holds the cycle (the withdrawal lines) but no token, no part of a token's signature, not
 * the secret, and no payee account or name in clear; and no ERROR line, since no request of the cycle fails inside.
 */
@ExtendWith(ApiServers.class)
class RestApiLogIT {
    static final String ACCOUNT = "wang.xiaoming@example.cn";
    static final String NAME = "王小明";

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.rebatch.app.serve.ApiServers#databases")
    void aFullRequestCycleLogsNoTokenSecretOrPayee(String database, @TempDir Path dir) throws IOException {
        ApiServer shared = ApiServers.get(database);
        String secret = ApiServer.newSecret();
        List<String> tokens = new ArrayList<>();
        Path logFile;
        try (ApiServer server = ApiServer.start(shared.name + "-logs", shared.jdbcUrl, shared.scenario, dir, secret)) {
            logFile = server.logFile;
            ApiClient c = server.client();
            Tokens t = server.tokens;
            long user = Users.LOGGED;
            String app = t.app(user);
            String admin = t.admin();
            Map<String, Object> claims = Tokens.claims(Long.toString(user), "app", Duration.ofMinutes(5));
            tokens.addAll(List.of(app, admin, t.wrongSecret(claims), t.flippedSignature(claims), Tokens.algNone(claims),
                    t.hs512(claims), t.hs256(Tokens.claims(Long.toString(user), "app", Duration.ofMinutes(-5))),
                    t.scope(user, "read"), t.hs256(Tokens.claims("x" + user, "app", Duration.ofMinutes(5)))));

            assertThat(server.raw().get("/actuator/health", null).status()).isEqualTo(200);
            assertThat(server.raw().get("/v3/api-docs", admin).status()).isEqualTo(200);
            assertThat(server.raw().get("/actuator/prometheus", admin).status()).isEqualTo(200);
            assertThat(c.get("/api/v1/me/balance", app).status()).isEqualTo(200);
            assertThat(c.get("/api/v1/me/rebates?limit=1", app).status()).isEqualTo(200);
            assertThat(c.get("/api/v1/me/team", app).status()).isEqualTo(200);
            assertThat(c.withdraw(app, "log-1", 2345, ACCOUNT, NAME).status()).isEqualTo(201);
            assertThat(c.withdraw(app, "log-1", 2345, ACCOUNT, NAME).status()).isEqualTo(200);
            assertThat(c.withdraw(app, "log-1", 2346, ACCOUNT, NAME).status()).isEqualTo(422);
            assertThat(c.withdraw(app, "log-2", 999_999, ACCOUNT, NAME).status()).isEqualTo(409);
            assertThat(c.withdraw(app, "log-3", 100, ACCOUNT.replace(".", ","), NAME).status()).isEqualTo(422);
            assertThat(c.post("/api/v1/me/withdrawals", app, Map.of("Idempotency-Key", "log-4", "Content-Type",
                    "application/json"), "{\"amount_fen\":100,\"payee_account\":\"" + ACCOUNT + "\",\"payee_name\":\""
                    + NAME + "\"").status()).isEqualTo(400);
            assertThat(c.get("/api/v1/me/withdrawals", app).status()).isEqualTo(200);
            assertThat(c.get("/api/v1/me/rebates?cursor=" + app.substring(0, 40), app).reason())
                    .isEqualTo("INVALID_CURSOR");
            assertThat(c.get("/api/v1/admin/users/" + user + "/balance", admin).status()).isEqualTo(200);
            assertThat(c.get("/api/v1/admin/job-executions", admin).status()).isEqualTo(200);
            assertThat(c.get("/api/v1/admin/reports?date=2026-02-30", admin).status()).isEqualTo(400);
            for (String bad : tokens.subList(2, tokens.size())) {
                assertThat(c.get("/api/v1/me/balance", bad).status()).as("%s", bad).isIn(401, 403);
                assertThat(c.withdraw(bad, "log-5", 100, ACCOUNT, NAME).status()).isIn(401, 403);
            }
            assertThat(c.get("/api/v1/me/balance", "garbage." + secret).status()).isEqualTo(401);
        }
        String log = Files.readString(logFile, StandardCharsets.UTF_8);
        assertThat(log).as("the cycle is in this log file").contains("withdrawal accepted id=")
                .contains("withdrawal refused user=" + Users.LOGGED);
        assertThat(log).as("the secret").doesNotContain(secret);
        for (String token : tokens) {
            assertThat(log).as("a token").doesNotContain(token);
            String signature = token.substring(token.lastIndexOf('.') + 1);
            if (!signature.isEmpty()) {
                assertThat(log).as("a token's signature").doesNotContain(signature);
            }
            assertThat(log).as("a token's claims").doesNotContain(token.split("\\.")[1]);
        }
        assertThat(log).as("payee data in clear").doesNotContain(ACCOUNT).doesNotContain("wang.xiaoming")
                .doesNotContain(NAME);
        assertThat(log.lines().filter(l -> l.contains(" ERROR ")).toList()).as("errors logged by the cycle").isEmpty();
        System.out.printf("[%s] RestApiLogIT: %d log lines checked for %d tokens, the secret and the payee%n",
                shared.name, log.lines().count(), tokens.size());
    }
}
