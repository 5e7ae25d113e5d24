package io.rebatch.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.app.LedgerInvariants;
import io.rebatch.domain.Invitees;
import io.rebatch.domain.payout.Payee;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Who may call what (SPEC 8), over real sockets against {@code rebatch serve} on H2 and MariaDB:
 * <ul>
 *   <li>the matrix: every endpoint × {no token, garbage, wrong key, flipped signature, expired, {@code alg: none},
 *       HS512, no {@code exp}, {@code nbf} ahead, {@code sub} not a user id, wrong scope, user A, user B, admin}
 *       answers 401 / 403 / 200 as it should, and a user's token on {@code /me} answers that user's data only;</li>
 *   <li>the no-leak property: for random pairs of users A ≠ B with data (balances, rebate records, teams,
 *       withdrawals with payees of their own), nothing of B's appears in any answer to A.</li>
 * </ul>
 * Every answer to a documented operation is also checked against the served OpenAPI document ({@link ApiClient}).
 */
@ExtendWith(ApiServers.class)
class RestApiAuthorizationIT {
    private static final long A = Users.MATRIX_A;
    private static final long B = Users.MATRIX_B;

    enum Kind {
        /** /api/v1/me/**: scope app. */
        ME,
        /** /api/v1/admin/** and the Prometheus metrics: scope admin. */
        ADMIN,
        /** The OpenAPI document: any valid token. */
        DOCS,
        /** Health: no token needed. */
        HEALTH
    }

    record Endpoint(String method, String path, Kind kind) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** What a token case is: invalid (never authenticates), valid with a scope the API does not use, or a role. */
    enum Credential { NONE, INVALID, OTHER_SCOPE, USER_A, USER_B, ADMIN }

    record TokenCase(String label, Credential credential, Function<Tokens, String> token) {
    }

    static List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("GET", "/api/v1/me/balance", Kind.ME),
                new Endpoint("GET", "/api/v1/me/rebates?limit=3", Kind.ME),
                new Endpoint("GET", "/api/v1/me/team", Kind.ME),
                new Endpoint("GET", "/api/v1/me/withdrawals", Kind.ME),
                new Endpoint("POST", "/api/v1/me/withdrawals", Kind.ME),
                new Endpoint("GET", "/api/v1/admin/users/" + B + "/balance", Kind.ADMIN),
                new Endpoint("GET", "/api/v1/admin/job-executions?limit=5", Kind.ADMIN),
                new Endpoint("GET", "/api/v1/admin/reports?date=2031-01-01", Kind.ADMIN),
                new Endpoint("GET", "/actuator/prometheus", Kind.ADMIN),
                new Endpoint("GET", "/v3/api-docs", Kind.DOCS),
                new Endpoint("GET", "/actuator/health", Kind.HEALTH));
    }

    static List<TokenCase> tokenCases() {
        Map<String, Object> valid = Tokens.claims(Long.toString(A), "app", Duration.ofMinutes(10));
        return List.of(
                new TokenCase("no token", Credential.NONE, t -> null),
                new TokenCase("not a JWT", Credential.INVALID, t -> "not-a-jwt"),
                new TokenCase("signed with another key", Credential.INVALID, t -> t.wrongSecret(valid)),
                new TokenCase("signature flipped", Credential.INVALID, t -> t.flippedSignature(valid)),
                new TokenCase("expired 2 minutes ago", Credential.INVALID,
                        t -> t.hs256(Tokens.claims(Long.toString(A), "app", Duration.ofSeconds(-120)))),
                new TokenCase("alg none", Credential.INVALID, t -> Tokens.algNone(valid)),
                new TokenCase("HS512 with the right secret", Credential.INVALID, t -> t.hs512(valid)),
                new TokenCase("no exp", Credential.INVALID, t -> t.hs256(Tokens.claims(Long.toString(A), "app", null))),
                new TokenCase("nbf in 5 minutes", Credential.INVALID, t -> {
                    Map<String, Object> c = Tokens.claims(Long.toString(A), "app", Duration.ofMinutes(10));
                    c.put("nbf", Instant.now().plusSeconds(300).getEpochSecond());
                    return t.hs256(c);
                }),
                new TokenCase("sub not a number", Credential.INVALID,
                        t -> t.hs256(Tokens.claims("user-" + A, "app", Duration.ofMinutes(10)))),
                new TokenCase("sub 0", Credential.INVALID, t -> t.hs256(Tokens.claims("0", "app", Duration.ofMinutes(10)))),
                new TokenCase("no sub", Credential.INVALID, t -> t.hs256(Tokens.claims(null, "app", Duration.ofMinutes(10)))),
                new TokenCase("scope read", Credential.OTHER_SCOPE, t -> t.scope(A, "read")),
                new TokenCase("no scope", Credential.OTHER_SCOPE, t -> t.scope(A, null)),
                new TokenCase("user A (app)", Credential.USER_A, t -> t.app(A)),
                new TokenCase("user B (app, scope as a list, expired 10 s ago: within the skew)", Credential.USER_B,
                        t -> {
                            Map<String, Object> c = Tokens.claims(Long.toString(B), null, Duration.ofSeconds(-10));
                            c.put("scope", List.of("app"));
                            return t.hs256(c);
                        }),
                new TokenCase("admin", Credential.ADMIN, Tokens::admin));
    }

    /** The status the endpoint must answer a request with this credential. */
    static int expected(Endpoint e, Credential c) {
        if (c == Credential.INVALID) {
            return 401; // a bad token is never ignored, not even where none is needed
        }
        return switch (e.kind()) {
            case HEALTH -> 200;
            case DOCS -> c == Credential.NONE ? 401 : 200;
            case ME -> switch (c) {
                case NONE -> 401;
                case USER_A, USER_B -> 200;
                default -> 403;
            };
            case ADMIN -> switch (c) {
                case NONE -> 401;
                case ADMIN -> 200;
                default -> 403;
            };
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.rebatch.app.serve.ApiServers#databases")
    void everyEndpointAnswersEveryKindOfTokenAsItShould(String database) {
        ApiServer server = ApiServers.get(database);
        seedMatrixRecords(server);
        RestApiContractIT.seedReports(server);
        SoftAssertions soft = new SoftAssertions();
        int requests = 0;
        for (Endpoint e : endpoints()) {
            for (TokenCase tc : tokenCases()) {
                String token = tc.token().apply(server.tokens);
                ApiClient.Reply r = send(server, e, token);
                requests++;
                int want = expected(e, tc.credential());
                int got = e.method().equals("POST") && want == 200 && r.status() == 201 ? 200 : r.status();
                soft.assertThat(got).as("%s with %s: %s", e, tc.label(), r).isEqualTo(want);
                if (r.status() == 401) {
                    soft.assertThat(r.reason()).as("%s with %s", e, tc.label()).isEqualTo("UNAUTHENTICATED");
                    soft.assertThat(r.header("WWW-Authenticate")).as("%s with %s", e, tc.label()).startsWith("Bearer");
                    soft.assertThat(r.contentType()).startsWith("application/problem+json");
                } else if (r.status() == 403) {
                    soft.assertThat(r.reason()).as("%s with %s", e, tc.label()).isEqualTo("INSUFFICIENT_SCOPE");
                } else if (r.status() / 100 == 2 && e.kind() == Kind.ME
                        && (tc.credential() == Credential.USER_A || tc.credential() == Credential.USER_B)) {
                    long self = tc.credential() == Credential.USER_A ? A : B;
                    assertOwnData(soft, server, e, r, self, self == A ? B : A);
                }
                if (token != null) {
                    soft.assertThat(r.body()).as("the token echoed").doesNotContain(token);
                }
            }
        }
        System.out.printf("[%s] RestApiAuthorizationIT matrix: %d endpoints x %d token cases = %d requests%n",
                server.name, endpoints().size(), tokenCases().size(), requests);
        soft.assertAll();
        // The matrix's POSTs: one withdrawal for each user, replayed, never one made with the other's token.
        assertThat(LedgerInvariants.rows(server.jdbcUrl, "SELECT user_id, COUNT(*) FROM withdrawal WHERE user_id IN ("
                + A + ", " + B + ") GROUP BY user_id ORDER BY user_id")).containsExactly(A + "|1", B + "|1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.rebatch.app.serve.ApiServers#databases")
    void aTokenInTheQueryOrAnotherSchemeIsNotAccepted(String database) {
        ApiServer server = ApiServers.get(database);
        String token = server.tokens.app(A);
        ApiClient c = server.client();
        assertThat(c.get("/api/v1/me/balance?access_token=" + token, null).status()).isEqualTo(401);
        assertThat(c.send("GET", "/api/v1/me/balance", null, Map.of("Authorization", "Basic " + token), null).status())
                .isEqualTo(401);
        assertThat(c.send("GET", "/api/v1/me/balance", null, Map.of("Authorization", "Bearer"), null).status())
                .isEqualTo(401);
        ApiClient.Reply unknown = c.get("/api/v1/nothing-here", token);
        assertThat(unknown.status()).as("%s", unknown).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(c.get("/api/v1/nothing-here", null).status()).as("unknown paths need a token too").isEqualTo(401);
        assertThat(c.get("/error", null).status()).as("the error page is no public endpoint").isEqualTo(401);
    }

    private static ApiClient.Reply send(ApiServer server, Endpoint e, String token) {
        boolean documented = e.path().startsWith("/api/");
        ApiClient c = documented ? server.client() : server.raw();
        if (e.method().equals("POST")) {
            return c.withdraw(token, "matrix-1", 100, "13800000001", "矩阵");
        }
        return c.get(e.path(), token);
    }

    /** The answer is the token's user's own: their id, their rows, nothing of the other user's. */
    private static void assertOwnData(SoftAssertions soft, ApiServer server, Endpoint e, ApiClient.Reply r, long self,
                                      long other) {
        JsonNode json = r.json();
        String path = e.path().replaceAll("\\?.*", "");
        switch (path) {
            case "/api/v1/me/balance" -> {
                soft.assertThat(json.get("user_id").asLong()).as("%s user_id", e).isEqualTo(self);
                String row = LedgerInvariants.rows(server.jdbcUrl, "SELECT pending_fen, available_fen, withdrawing_fen,"
                        + " paid_fen FROM user_balance WHERE user_id = " + self).get(0);
                soft.assertThat(json.get("pending_fen").asLong() + "|" + json.get("available_fen").asLong() + "|"
                        + json.get("withdrawing_fen").asLong() + "|" + json.get("paid_fen").asLong())
                        .as("%s of user %d", e, self).isEqualTo(row);
            }
            case "/api/v1/me/rebates" -> {
                soft.assertThat(json.get("items").size()).as("%s of user %d", e, self).isEqualTo(3);
                for (JsonNode item : json.get("items")) {
                    soft.assertThat(LedgerInvariants.rows(server.jdbcUrl, "SELECT user_id FROM rebate_record WHERE"
                            + " platform = '" + item.get("platform").asString() + "' AND order_line_id = '"
                            + item.get("order_line_id").asString() + "' AND role = '" + item.get("role").asString()
                            + "'")).as("%s of user %d: %s", e, self, item).containsExactly(Long.toString(self));
                }
            }
            case "/api/v1/me/team" -> {
                soft.assertThat(json.get("user_id").asLong()).isEqualTo(self);
                List<String> invitees = new ArrayList<>();
                json.get("invitees").forEach(i -> invitees.add(i.get("invitee").asString()));
                soft.assertThat(invitees).as("%s of user %d", e, self).contains(Invitees.maskUserId(other));
            }
            case "/api/v1/me/withdrawals" -> {
                Set<Long> own = new HashSet<>();
                LedgerInvariants.rows(server.jdbcUrl, "SELECT withdrawal_id FROM withdrawal WHERE user_id = " + self)
                        .forEach(id -> own.add(Long.parseLong(id)));
                if (e.method().equals("POST")) {
                    soft.assertThat(own).as("%s answered %s", e, r.body()).contains(json.get("id").asLong());
                } else {
                    for (JsonNode w : json) {
                        soft.assertThat(own).as("%s of user %d", e, self).contains(w.get("id").asLong());
                    }
                }
            }
            default -> throw new IllegalArgumentException(path);
        }
        List<String> values = new ArrayList<>();
        scalars(json, values::add);
        soft.assertThat(values).as("%s of user %d names user %d", e, self, other).doesNotContain(Long.toString(other));
    }

    /**
     * A and B each have 5 rebate records of their own, and each earned as inviter on one of the other's lines, so
     * each one's team lists the other (masked).
     */
    private static void seedMatrixRecords(ApiServer server) {
        if (Records.seeded(server.jdbcUrl, A)) {
            return;
        }
        Random random = new Random(1);
        List<Records.Rec> a = Records.buyer(random, A, 5);
        List<Records.Rec> b = Records.buyer(random, B, 5);
        List<Records.Rec> all = new ArrayList<>(a);
        all.addAll(b);
        all.add(Records.sameLine(b.get(0), "INVITER", A, 77));
        all.add(Records.sameLine(a.get(0), "INVITER", B, 66));
        Records.insert(server.jdbcUrl, all);
    }

    // ------------------------------------------------------------------------------------------------------------
    // The no-leak property

    /** What a user owns that no one else may see: strings that must not appear in any answer to anyone else. */
    record Owned(long userId, Set<String> lineIds, Set<String> secrets, Set<Long> withdrawalIds) {
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.rebatch.app.serve.ApiServers#databases")
    void nothingOfAnotherUserAppearsInAnyAnswerToAUser(String database) {
        ApiServer server = ApiServers.get(database);
        long seed = Long.getLong("rebatch.test.api.seed", 20261203L);
        int rounds = Integer.getInteger("rebatch.test.api.leak-rounds", 40);
        Random random = new Random(seed);
        Map<Long, Owned> owned = seedLeakPool(server, random);
        List<Long> pool = new ArrayList<>(owned.keySet());
        SoftAssertions soft = new SoftAssertions();
        int requests = 0;
        for (int round = 1; round <= rounds; round++) {
            long a = pool.get(random.nextInt(pool.size()));
            long b;
            do {
                b = pool.get(random.nextInt(pool.size()));
            } while (b == a);
            List<ApiClient.Reply> answers = everythingOf(server, server.tokens.app(a), random);
            requests += answers.size();
            Owned mine = owned.get(a);
            Owned theirs = owned.get(b);
            String context = "round " + round + " (-Drebatch.test.api.seed=" + seed + "): user " + a + " and user " + b;
            for (ApiClient.Reply r : answers) {
                soft.assertThat(r.status()).as("%s: %s", context, r).isEqualTo(200);
                Set<String> found = new TreeSet<>();
                for (String s : theirs.secrets()) {
                    if (r.body().contains(s)) {
                        found.add(s);
                    }
                }
                for (String line : theirs.lineIds()) {
                    if (!mine.lineIds().contains(line) && r.body().contains("\"" + line + "\"")) {
                        found.add(line);
                    }
                }
                scalars(r.json(), v -> {
                    if (v.equals(Long.toString(theirs.userId()))) {
                        found.add("user id " + v);
                    }
                });
                soft.assertThat(found).as("%s: what of user %d's appears in %s", context, b, r).isEmpty();
                if (r.path().equals("/api/v1/me/withdrawals")) {
                    for (JsonNode w : r.json()) {
                        soft.assertThat(mine.withdrawalIds()).as("%s: withdrawal ids answered to %d", context, a)
                                .contains(w.get("id").asLong());
                    }
                }
            }
        }
        System.out.printf("[%s] RestApiAuthorizationIT no-leak: %d rounds over %d users, %d requests,"
                + " -Drebatch.test.api.seed=%d%n", server.name, rounds, pool.size(), requests, seed);
        soft.assertAll();
    }

    /** Everything the app can ask for a user: balance, every rebate page (random page size), team, withdrawals. */
    private static List<ApiClient.Reply> everythingOf(ApiServer server, String token, Random random) {
        ApiClient c = server.client();
        List<ApiClient.Reply> out = new ArrayList<>();
        out.add(c.get("/api/v1/me/balance", token));
        String status = random.nextInt(3) == 0 ? Records.STATUSES.get(random.nextInt(3)) : null;
        int limit = 1 + random.nextInt(6);
        String cursor = null;
        do {
            ApiClient.Reply page = c.get("/api/v1/me/rebates?limit=" + limit + (status == null ? "" : "&status=" + status)
                    + (cursor == null ? "" : "&cursor=" + cursor), token);
            out.add(page);
            cursor = page.status() == 200 && !page.json().get("next_cursor").isNull()
                    ? page.json().get("next_cursor").asString() : null;
        } while (cursor != null);
        out.add(c.get("/api/v1/me/team", token));
        out.add(c.get("/api/v1/me/withdrawals?limit=100", token));
        return out;
    }

    /**
     * The pool: sample users with money, each with one withdrawal to a payee of their own and seeded rebate
     * records, and synthetic users with records only; each user of the pool invited the next one (their INVITER
     * records share the invitee's lines) and is the grand-inviter of the one after.
     */
    private static Map<Long, Owned> seedLeakPool(ApiServer server, Random random) {
        List<Long> users = new ArrayList<>(Users.LEAK_POOL);
        for (int i = 0; i < Users.LEAK_SYNTHETIC_COUNT; i++) {
            users.add(Users.LEAK_SYNTHETIC_FIRST + i);
        }
        Map<Long, List<Records.Rec>> buys = new LinkedHashMap<>();
        List<Records.Rec> all = new ArrayList<>();
        for (long u : users) {
            List<Records.Rec> own = Records.buyer(random, u, 2 + random.nextInt(7));
            buys.put(u, own);
            all.addAll(own);
        }
        for (int i = 1; i < users.size(); i++) {
            for (Records.Rec r : buys.get(users.get(i))) {
                all.add(Records.sameLine(r, "INVITER", users.get(i - 1), r.amountFen() / 10));
                if (i >= 2) {
                    all.add(Records.sameLine(r, "GRAND_INVITER", users.get(i - 2), r.amountFen() / 20));
                }
            }
        }
        if (!Records.seeded(server.jdbcUrl, users.get(0))) {
            Records.insert(server.jdbcUrl, all);
        }
        Map<Long, Owned> owned = new LinkedHashMap<>();
        for (int i = 0; i < users.size(); i++) {
            long u = users.get(i);
            Set<String> lines = new HashSet<>();
            all.stream().filter(r -> r.userId() == u).forEach(r -> lines.add(r.orderLineId()));
            Set<String> secrets = new HashSet<>();
            Set<Long> withdrawals = new HashSet<>();
            if (Users.LEAK_POOL.contains(u)) {
                // A payee of the user's own: the account names the user (so its masked form is unique too), the
                // name starts with a character no other pool user's starts with.
                String account = "pay@u" + u + ".example";
                String name = new String(Character.toChars(0x4E00 + 37 * i)) + "某某";
                ApiClient.Reply w = server.client().withdraw(server.tokens.app(u), "leak-1", 100, account, name);
                assertThat(w.status()).as("the pool's withdrawal: %s", w).isIn(200, 201);
                withdrawals.add(w.json().get("id").asLong());
                secrets.addAll(List.of(account, name, Payee.maskAccount(account), Payee.maskName(name),
                        w.json().get("serial").asString()));
            }
            owned.put(u, new Owned(u, lines, secrets, withdrawals));
        }
        return owned;
    }

    /** Calls {@code sink} with every scalar value (number or string) in the JSON, as text. */
    private static void scalars(JsonNode node, java.util.function.Consumer<String> sink) {
        if (node == null) {
            return;
        }
        if (node.isContainer()) {
            for (JsonNode child : node.values()) {
                scalars(child, sink);
            }
        } else if (!node.isNull()) {
            sink.accept(node.asString());
        }
    }
}
