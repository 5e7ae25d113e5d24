package io.rebatch.app.cli;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo's closing act, the app's view (SPEC 8): {@code serve} is started on the demo database on a free port
 * with a throwaway secret, a token is minted for the user with the most money, and the app's calls are made over
 * HTTP — balance, the newest rebate records, withdrawals (payee masked) — plus the same call without a token (401)
 * and with that user's token on an admin endpoint (403). Then the server stops; the line printed last says how to
 * serve the demo database yourself.
 */
final class DemoServe {
    private final RebatchCommand root;

    DemoServe(RebatchCommand root) {
        this.root = root;
    }

    /** Runs the act; returns how many requests it made. */
    int run(PrintWriter out) throws IOException, InterruptedException, org.quartz.SchedulerException {
        List<Long> users = root.bean(JdbcTemplate.class).queryForList("SELECT user_id FROM user_balance"
                + " ORDER BY available_fen + pending_fen + withdrawing_fen + paid_fen DESC, user_id LIMIT 1",
                Long.class);
        if (users.isEmpty()) {
            return 0;
        }
        long user = users.get(0);
        byte[] secretBytes = new byte[32];
        new SecureRandom().nextBytes(secretBytes);
        String secret = HexFormat.of().formatHex(secretBytes);
        ConfigurableApplicationContext web = RebatchContext.startWeb(root.db, root.config,
                Map.of("server.port", 0, "rebatch.api.jwt-secret", secret, "rebatch.scheduler.enabled", "true",
                        "rebatch.scheduler.platforms", ""));
        try {
            String base = "http://127.0.0.1:" + web.getEnvironment().getProperty("local.server.port");
            String token = token(secret, user, "app");
            out.println("REST API (SPEC 8): serve on " + base + ", also a scheduler " + SchedulerCommand.describe(web));
            out.println("  token for user " + user + " (scope app):");
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String[][] calls = {{"/api/v1/me/balance", token}, {"/api/v1/me/rebates?limit=3", token},
                    {"/api/v1/me/withdrawals?limit=2", token}, {"/api/v1/me/balance", null},
                    {"/api/v1/admin/job-executions?limit=1", token}};
            for (String[] call : calls) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + call[0]))
                        .timeout(Duration.ofSeconds(10));
                if (call[1] != null) {
                    request.header("Authorization", "Bearer " + call[1]);
                }
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                String body = response.body();
                out.println("  GET " + call[0] + (call[1] == null ? " (no token)" : "") + " -> " + response.statusCode()
                        + " " + (body.length() > 400 ? body.substring(0, 400) + "…" : body));
            }
            int options = root.db.indexOf(';');
            out.println("  serve it yourself: REBATCH_API_JWT_SECRET=<32+ bytes> ./rebatch --db '"
                    + (options < 0 ? root.db : root.db.substring(0, options)) + "' serve --port 8080");
            out.flush();
            return calls.length;
        } finally {
            web.close();
        }
    }

    /** An HS256 token as the app's login service would mint it: sub = user id, scope, 10 minutes. */
    static String token(String secret, long userId, String scope) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
                    .subject(Long.toString(userId)).claim("scope", scope)
                    .expirationTime(Date.from(Instant.now().plusSeconds(600))).build());
            jwt.sign(new MACSigner(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the demo token", e);
        }
    }
}
