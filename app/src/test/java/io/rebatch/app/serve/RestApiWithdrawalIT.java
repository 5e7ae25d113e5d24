package io.rebatch.app.serve;

import io.rebatch.app.Parallel;
import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.app.LedgerInvariants;
import io.rebatch.domain.Money;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Withdrawals over REST (SPEC 7, 8) on H2 and MariaDB, with the clock at 10:00 on 2026-11-26 and that day's cap of
 * 200.00 yuan: 201 for a new one with the payee in clear, 200 and the same body for a replayed key, 422 for the key
 * reused with another amount or payee, each refusal with its status and reason (409 INSUFFICIENT_BALANCE,
 * DAILY_LIMIT, NEGATIVE_BALANCE; 422 BELOW_MINIMUM), malformed requests 400/422 without moving money; and many
 * concurrent requests with distinct keys (plus one key sent by every thread at once) never overdraw nor pass the
 * cap: accepted = available taken = withdrawing added = the withdrawal rows, balance rows = ledger.
 */
@ExtendWith(ApiServers.class)
class RestApiWithdrawalIT {
    static final int THREADS = 8;
    static final int PER_THREAD = 12;
    static final String ACCOUNT = "13700001234";
    static final String NAME = "取款人";

    record Balance(long availableFen, long withdrawingFen) {
        static Balance of(ApiServer server, long user) {
            String[] f = LedgerInvariants.rows(server.jdbcUrl, "SELECT available_fen, withdrawing_fen FROM user_balance"
                    + " WHERE user_id = " + user).get(0).split("\\|");
            return new Balance(Long.parseLong(f[0]), Long.parseLong(f[1]));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.rebatch.app.serve.ApiServers#databases")
    void replaysAnswerTheSameWithdrawalAndEachRefusalHasItsStatusAndReason(String database) {
        ApiServer server = ApiServers.get(database);
        ApiClient c = server.client();
        long user = Users.WITHDRAWER;
        String token = server.tokens.app(user);
        Balance before = Balance.of(server, user);
        assertThat(before).isEqualTo(new Balance(8208, 0));

        ApiClient.Reply created = c.withdraw(token, "w-1", 1234, ACCOUNT, NAME);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        JsonNode w = created.json();
        long id = w.get("id").asLong();
        assertThat(w.get("serial").asString()).isEqualTo(String.format("W%012d", id));
        assertThat(w.get("status").asString()).isEqualTo("REQUESTED");
        assertThat(w.get("amount_fen").asLong()).isEqualTo(1234);
        assertThat(w.get("amount_yuan").asString()).isEqualTo("12.34");
        assertThat(w.get("payee_account").asString()).as("the payee in clear to its requester").isEqualTo(ACCOUNT);
        assertThat(w.get("payee_name").asString()).isEqualTo(NAME);
        assertThat(w.get("requested_at").asString()).as("Shanghai time of the clock").startsWith("2026-11-26T10:0")
                .endsWith("+08:00");
        assertThat(w.get("batch_no").isNull()).isTrue();

        for (int i = 0; i < 3; i++) {
            ApiClient.Reply replay = c.withdraw(token, "w-1", 1234, ACCOUNT, NAME);
            assertThat(replay.status()).as("replay %d: %s", i, replay).isEqualTo(200);
            assertThat(replay.body()).as("replay %d: the same body", i).isEqualTo(created.body());
        }
        assertThat(Balance.of(server, user)).as("moved once").isEqualTo(new Balance(8208 - 1234, 1234));

        SoftAssertions soft = new SoftAssertions();
        expect(soft, c.withdraw(token, "w-1", 1235, ACCOUNT, NAME), 422, "IDEMPOTENCY_KEY_REUSED");
        expect(soft, c.withdraw(token, "w-1", 1234, "13700009999", NAME), 422, "IDEMPOTENCY_KEY_REUSED");
        expect(soft, c.withdraw(token, "w-1", 1234, ACCOUNT, "另一人"), 422, "IDEMPOTENCY_KEY_REUSED");
        expect(soft, c.withdraw(token, "w-2", 99, ACCOUNT, NAME), 422, "BELOW_MINIMUM");
        expect(soft, c.withdraw(token, "w-3", 8208 - 1234 + 1, ACCOUNT, NAME), 409, "INSUFFICIENT_BALANCE");
        // Malformed: 400 when the request cannot be read, 422 when it reads but is not a request.
        String json = "application/json";
        expect(soft, c.post("/api/v1/me/withdrawals", token, Map.of("Content-Type", json),
                "{\"amount_fen\":100,\"payee_account\":\"" + ACCOUNT + "\",\"payee_name\":\"x\"}"), 400, "INVALID_REQUEST");
        for (String body : List.of("{\"amount_fen\":100", "[]", "{\"amount_fen\":\"lots\",\"payee_account\":\"a\","
                + "\"payee_name\":\"b\"}", "{\"amount_fen\":1e40,\"payee_account\":\"a\",\"payee_name\":\"b\"}", "",
                // Fen are whole: 100.7 fen is not a request for 100 fen.
                "{\"amount_fen\":100.7,\"payee_account\":\"" + ACCOUNT + "\",\"payee_name\":\"x\"}")) {
            expect(soft, c.post("/api/v1/me/withdrawals", token, Map.of("Idempotency-Key", "w-4", "Content-Type", json),
                    body), 400, "INVALID_REQUEST");
        }
        for (String body : List.of("{\"amount_fen\":100,\"payee_account\":\"" + ACCOUNT + "\"}",
                "{\"payee_account\":\"" + ACCOUNT + "\",\"payee_name\":\"x\"}")) { // a required field missing
            expect(soft, c.post("/api/v1/me/withdrawals", token, Map.of("Idempotency-Key", "w-6", "Content-Type", json),
                    body), 400, "INVALID_REQUEST");
        }
        for (String body : List.of("{\"amount_fen\":100,\"payee_account\":\"" + ACCOUNT + "\",\"payee_name\":null}",
                "{\"amount_fen\":null,\"payee_account\":\"" + ACCOUNT + "\",\"payee_name\":\"x\"}",
                "{\"amount_fen\":0,\"payee_account\":\"" + ACCOUNT + "\",\"payee_name\":\"x\"}",
                "{\"amount_fen\":-100,\"payee_account\":\"" + ACCOUNT + "\",\"payee_name\":\"x\"}",
                "{\"amount_fen\":1000000000001,\"payee_account\":\"" + ACCOUNT + "\",\"payee_name\":\"x\"}",
                "{\"amount_fen\":100,\"payee_account\":\"=HYPERLINK(1)\",\"payee_name\":\"x\"}",
                "{\"amount_fen\":100,\"payee_account\":\"a,b\",\"payee_name\":\"x\"}",
                "{\"amount_fen\":100,\"payee_account\":\"" + ACCOUNT + "\",\"payee_name\":\"" + "名".repeat(65) + "\"}")) {
            expect(soft, c.post("/api/v1/me/withdrawals", token, Map.of("Idempotency-Key", "w-5", "Content-Type", json),
                    body), 422, "INVALID_REQUEST");
        }
        expect(soft, c.withdraw(token, "k".repeat(65), 100, ACCOUNT, NAME), 422, "INVALID_REQUEST");
        expect(soft, c.withdraw(token, "bad key", 100, ACCOUNT, NAME), 422, "INVALID_REQUEST");
        soft.assertAll();
        assertThat(Balance.of(server, user)).as("no refusal moved money").isEqualTo(new Balance(8208 - 1234, 1234));

        // A refusal stores nothing: its key may carry the request once it can be met.
        ApiClient.Reply again = c.withdraw(token, "w-3", 5000, ACCOUNT, NAME);
        assertThat(again.status()).as("%s", again).isEqualTo(201);
        ApiClient.Reply list = c.get("/api/v1/me/withdrawals", token);
        assertThat(list.json().size()).isEqualTo(2);
        assertThat(list.json().get(0).get("id").asLong()).as("newest first").isEqualTo(again.json().get("id").asLong());
        for (JsonNode item : list.json()) {
            assertThat(item.get("payee_account").asString()).as("masked in the list").isEqualTo("137****1234");
            assertThat(item.get("payee_name").asString()).isEqualTo("取**");
        }
        assertThat(list.body()).doesNotContain(ACCOUNT).doesNotContain(NAME);
        JsonNode balance = c.get("/api/v1/me/balance", token).json();
        assertThat(balance.get("available_fen").asLong()).isEqualTo(8208 - 1234 - 5000);
        assertThat(balance.get("withdrawing_fen").asLong()).isEqualTo(1234 + 5000);
        assertThat(balance.get("withdrawing_yuan").asString()).isEqualTo("62.34");
        LedgerInvariants.assertHold(server.jdbcUrl);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.rebatch.app.serve.ApiServers#databases")
    void theDailyCapAndANegativeBalanceRefuse(String database) {
        ApiServer server = ApiServers.get(database);
        ApiClient c = server.client();
        String capped = server.tokens.app(Users.CAPPED);
        assertThat(Balance.of(server, Users.CAPPED).availableFen()).isGreaterThan(ApiServer.CAP_FEN);
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(c.withdraw(capped, "cap-1", 15_000, ACCOUNT, NAME).status()).isEqualTo(201);
        expect(soft, c.withdraw(capped, "cap-2", 6_000, ACCOUNT, NAME), 409, "DAILY_LIMIT");
        soft.assertThat(c.withdraw(capped, "cap-3", 5_000, ACCOUNT, NAME).status()).as("exactly at the cap").isEqualTo(201);
        expect(soft, c.withdraw(capped, "cap-4", 100, ACCOUNT, NAME), 409, "DAILY_LIMIT");

        seedNegativeBalance(server);
        String negative = server.tokens.app(Users.NEGATIVE);
        expect(soft, c.withdraw(negative, "neg-1", 100, ACCOUNT, NAME), 409, "NEGATIVE_BALANCE");
        expect(soft, c.withdraw(negative, "neg-2", 50, ACCOUNT, NAME), 409, "NEGATIVE_BALANCE");
        JsonNode b = c.get("/api/v1/me/balance", negative).json();
        soft.assertThat(b.get("available_fen").asLong()).isEqualTo(-500);
        soft.assertThat(b.get("available_yuan").asString()).isEqualTo("-5.00");
        soft.assertAll();
        LedgerInvariants.assertHold(server.jdbcUrl);
    }

    /** A clawback that left the synthetic user at −5.00 yuan available: both legs and the balance row. */
    private static synchronized void seedNegativeBalance(ApiServer server) {
        if (!LedgerInvariants.rows(server.jdbcUrl, "SELECT COUNT(*) FROM user_balance WHERE user_id = " + Users.NEGATIVE)
                .equals(List.of("0"))) {
            return;
        }
        try (Connection conn = DriverManager.getConnection(server.jdbcUrl); Statement s = conn.createStatement()) {
            conn.setAutoCommit(false);
            String cols = "INSERT INTO ledger_entry (entry_key, leg, account, user_id, bucket, amount_fen, ref_type,"
                    + " business_date, posted_at) VALUES ";
            s.executeUpdate(cols + "('IT:CLAWBACK:" + Users.NEGATIVE + "', 1, 'USER', " + Users.NEGATIVE
                    + ", 'AVAILABLE', -500, 'IT', '2026-11-25', '2026-11-25 02:00:00.000')");
            s.executeUpdate(cols + "('IT:CLAWBACK:" + Users.NEGATIVE + "', 2, 'PLATFORM:TAOBAO', NULL, NULL, 500, 'IT',"
                    + " '2026-11-25', '2026-11-25 02:00:00.000')");
            s.executeUpdate("INSERT INTO user_balance (user_id, pending_fen, available_fen, withdrawing_fen, paid_fen)"
                    + " VALUES (" + Users.NEGATIVE + ", 0, -500, 0, 0)");
            conn.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void expect(SoftAssertions soft, ApiClient.Reply r, int status, String reason) {
        soft.assertThat(r.status()).as("%s", r).isEqualTo(status);
        soft.assertThat(r.reason()).as("%s", r).isEqualTo(reason);
        soft.assertThat(r.contentType()).as("%s", r).startsWith("application/problem+json");
        soft.assertThat(r.body()).as("%s: payee echoed", r).doesNotContain(ACCOUNT).doesNotContain(NAME);
    }

    // ------------------------------------------------------------------------------------------------------------

    /** One request of the concurrent case. */
    record Attempt(long user, long amountFen, String key) {
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.rebatch.app.serve.ApiServers#databases")
    void concurrentRequestsNeverOverdrawNorPassTheCapAndOneKeyMakesOneWithdrawal(String database) throws Exception {
        ApiServer server = ApiServers.get(database);
        long seed = Long.getLong("rebatch.test.api.seed", 20261203L);
        Random random = new Random(seed);
        long drained = Users.CONCURRENT_DRAINED;
        long capped = Users.CONCURRENT_CAPPED;
        Map<Long, Balance> before = Map.of(drained, Balance.of(server, drained), capped, Balance.of(server, capped));
        assertThat(before.get(drained).availableFen()).isLessThan(ApiServer.CAP_FEN);
        assertThat(before.get(capped).availableFen()).isGreaterThan(ApiServer.CAP_FEN);
        List<List<Attempt>> plan = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            List<Attempt> list = new ArrayList<>();
            for (int n = 0; n < PER_THREAD; n++) {
                int kind = random.nextInt(10);
                long amount = kind == 0 ? 1 + random.nextInt(99) : kind == 1 ? ApiServer.CAP_FEN + 1 + random.nextInt(9000)
                        : 100 + random.nextInt(2901);
                list.add(new Attempt(random.nextBoolean() ? drained : capped, amount, "c" + t + "-" + n));
            }
            plan.add(list);
        }
        Map<Long, Map<Long, Long>> accepted = new TreeMap<>(Map.of(drained, new TreeMap<>(), capped, new TreeMap<>()));
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> sameKey = new ConcurrentLinkedQueue<>();
        Map<String, Integer> refusals = new TreeMap<>();
        long started = System.nanoTime();
        Parallel.inParallel(THREADS, t -> {
            // First every thread sends the same request under one key, all at once; then its own requests.
            ApiClient.Reply r = server.client().withdraw(server.tokens.app(capped), "same-key", 777, ACCOUNT, NAME);
            sameKey.add(r.status() + " " + (r.json() == null ? r.body() : r.json().path("id").asString()));
            for (Attempt a : plan.get(t)) {
                ApiClient.Reply reply;
                try {
                    reply = server.client().withdraw(server.tokens.app(a.user()), a.key(), a.amountFen(), ACCOUNT, NAME);
                } catch (RuntimeException | AssertionError e) {
                    problems.add(a + ": " + e);
                    continue;
                }
                synchronized (accepted) {
                    if (reply.status() == 201 && reply.json().get("amount_fen").asLong() == a.amountFen()) {
                        accepted.get(a.user()).put(reply.json().get("id").asLong(), a.amountFen());
                    } else if (reply.status() == 409 || reply.status() == 422) {
                        refusals.merge(reply.reason(), 1, Integer::sum);
                        Set<String> valid = a.amountFen() < ApiServer.MIN_FEN ? Set.of("BELOW_MINIMUM")
                                : Set.of("INSUFFICIENT_BALANCE", "DAILY_LIMIT");
                        if (!valid.contains(reply.reason())) {
                            problems.add(a + " refused with " + reply.reason());
                        }
                    } else {
                        problems.add(a + ": " + reply);
                    }
                }
            }
        });
        long same = sameKey.stream().map(s -> s.substring(s.indexOf(' ') + 1)).distinct().count();
        System.out.printf("[%s] RestApiWithdrawalIT concurrent: %d threads x %d requests + %d on one key in %.2f s;"
                        + " accepted %s, refused %s, problems %d; one key answered %s%n", server.name, THREADS,
                PER_THREAD, THREADS, (System.nanoTime() - started) / 1e9, accepted.values().stream()
                        .map(m -> m.size() + " (" + Money.formatYuan(m.values().stream().mapToLong(Long::longValue).sum())
                                + " yuan)").toList(), refusals, problems.size(), sameKey);

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(problems).as("answers that are neither an acceptance nor a valid refusal").isEmpty();
        soft.assertThat(sameKey).as("one key sent by %d threads at once", THREADS).hasSize(THREADS)
                .allMatch(s -> s.startsWith("201 ") || s.startsWith("200 "));
        soft.assertThat(sameKey.stream().filter(s -> s.startsWith("201 ")).count()).as("created once").isEqualTo(1);
        soft.assertThat(same).as("one withdrawal id for the key").isEqualTo(1);
        for (long user : List.of(drained, capped)) {
            long sameKeyFen = user == capped ? 777 : 0;
            long acceptedFen = accepted.get(user).values().stream().mapToLong(Long::longValue).sum() + sameKeyFen;
            Balance now = Balance.of(server, user);
            Balance was = before.get(user);
            soft.assertThat(acceptedFen).as("accepted of user %d within what was available", user)
                    .isLessThanOrEqualTo(was.availableFen());
            soft.assertThat(was.availableFen() - now.availableFen()).as("available taken from %d", user)
                    .isEqualTo(acceptedFen);
            soft.assertThat(now.withdrawingFen() - was.withdrawingFen()).as("withdrawing added to %d", user)
                    .isEqualTo(acceptedFen);
            soft.assertThat(lowestAvailable(server, user, was.availableFen())).as("lowest available of %d", user)
                    .isNotNegative();
            Map<Long, Long> rows = new TreeMap<>();
            for (String row : LedgerInvariants.rows(server.jdbcUrl, "SELECT withdrawal_id, amount_fen FROM withdrawal"
                    + " WHERE user_id = " + user + " AND idempotency_key <> 'same-key'")) {
                String[] f = row.split("\\|");
                rows.put(Long.parseLong(f[0]), Long.parseLong(f[1]));
            }
            soft.assertThat(rows).as("withdrawal rows of %d = the 201 answers", user).isEqualTo(accepted.get(user));
        }
        soft.assertThat(LedgerInvariants.rows(server.jdbcUrl, "SELECT user_id, requested_on, SUM(amount_fen) FROM"
                + " withdrawal GROUP BY user_id, requested_on HAVING SUM(amount_fen) > " + ApiServer.CAP_FEN))
                .as("days above the cap").isEmpty();
        // The limits were reached: the drained user has less left than a request, the capped one is near the cap.
        soft.assertThat(Balance.of(server, drained).availableFen()).isLessThan(3000);
        soft.assertThat(ApiServer.CAP_FEN - accepted.get(capped).values().stream().mapToLong(Long::longValue).sum() - 777)
                .isLessThan(3000);
        soft.assertAll();
        LedgerInvariants.assertHold(server.jdbcUrl);
    }

    /** The lowest available balance after each withdrawal posting of the user (the row lock orders them). */
    private static long lowestAvailable(ApiServer server, long user, long startFen) {
        long balance = startFen;
        long lowest = startFen;
        for (String amount : LedgerInvariants.rows(server.jdbcUrl, "SELECT amount_fen FROM ledger_entry WHERE user_id = "
                + user + " AND ref_type = 'WDR' AND bucket = 'AVAILABLE' ORDER BY entry_id")) {
            balance += Long.parseLong(amount);
            lowest = Math.min(lowest, balance);
        }
        return lowest;
    }
}
