package io.rebatch.app.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rebatch.app.LedgerInvariants;
import io.rebatch.domain.Invitees;
import io.rebatch.domain.Money;
import io.rebatch.jobs.common.Operations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The REST API against its own document and against the rest of rebatch, on H2 and MariaDB, for the multi-week
 * sample: the served OpenAPI document names every operation of SPEC 8 with its answers (errors included), and
 * every answer of these ITs keeps it ({@link OpenApiContract}: no undocumented status, media type or field); every
 * user's balance equals {@code export balances}; admin reads equal the tables; the sample's rebate records agree
 * with its settled lines (expected/lines.csv) and with the ledger; a team is the sum of its invitees' records.
 */
@ExtendWith(ApiServers.class)
class RestApiContractIT {

    static final Set<String> SPEC_8 = Set.of("GET /api/v1/me/balance", "GET /api/v1/me/rebates", "GET /api/v1/me/team",
            "GET /api/v1/me/withdrawals", "POST /api/v1/me/withdrawals", "GET /api/v1/admin/users/{id}/balance",
            "GET /api/v1/admin/job-executions", "GET /api/v1/admin/reports");

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.rebatch.app.serve.ApiServers#databases")
    void theServedDocumentDescribesEveryOperationOfSpec8WithItsErrors(String database) {
        ApiServer server = ApiServers.get(database);
        JsonNode doc = server.contract().document();
        assertThat(server.contract().operations()).containsExactlyInAnyOrderElementsOf(SPEC_8);
        SoftAssertions soft = new SoftAssertions();
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String name = op.getKey() + " " + path.getKey();
                JsonNode responses = op.getValue().get("responses");
                soft.assertThat(responses.propertyNames()).as("%s", name).contains("401", "403", "500");
                soft.assertThat(op.getValue().path("security").toString()).as("%s", name).contains("bearer");
                for (Map.Entry<String, JsonNode> r : responses.properties()) {
                    JsonNode response = r.getValue().has("$ref")
                            ? doc.at(r.getValue().get("$ref").asString().substring(1)) : r.getValue();
                    String media = r.getKey().startsWith("2") ? "application/json" : "application/problem+json";
                    soft.assertThat(response.path("content").propertyNames()).as("%s %s", name, r.getKey())
                            .containsExactly(media);
                    if (!r.getKey().startsWith("2")) {
                        soft.assertThat(response.at("/content/application~1problem+json/schema/$ref").asString())
                                .as("%s %s", name, r.getKey()).isEqualTo("#/components/schemas/Problem");
                    }
                }
            }
        }
        // Request bodies take amounts in fen only; everything the API answers has the yuan string beside.
        Set<String> requestBodies = new TreeSet<>();
        doc.get("paths").forEach(p -> p.forEach(op -> op.path("requestBody").path("content").forEach(m -> {
            String ref = m.path("schema").path("$ref").asString("");
            requestBodies.add(ref.substring(ref.lastIndexOf('/') + 1));
        })));
        soft.assertThat(requestBodies).containsExactly("WithdrawalBody");
        JsonNode problem = doc.at("/components/schemas/Problem");
        soft.assertThat(problem.get("required").toString()).contains("\"reason\"");
        for (Map.Entry<String, JsonNode> schema : doc.at("/components/schemas").properties()) {
            JsonNode properties = schema.getValue().path("properties");
            Set<String> names = new TreeSet<>(properties.propertyNames());
            for (String field : names) {
                soft.assertThat(field).as("%s: snake_case as in the CSV exports", schema.getKey())
                        .matches("[a-z][a-z0-9_]*");
                if (field.endsWith("_fen") && !requestBodies.contains(schema.getKey())) {
                    String yuan = field.substring(0, field.length() - 4) + "_yuan";
                    soft.assertThat(names).as("%s.%s: every amount in fen has its yuan string beside it",
                            schema.getKey(), field).contains(yuan);
                }
            }
            if (!schema.getKey().equals("Problem")) {
                Set<String> required = new TreeSet<>();
                schema.getValue().path("required").forEach(n -> required.add(n.asString()));
                soft.assertThat(required).as("%s: every field is always sent", schema.getKey()).isEqualTo(names);
            }
        }
        soft.assertThat(doc.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
        soft.assertAll();
    }

    /**
     * Every documented answer but 500 actually given (success, 400, 401, 403, 404, 409, 415, 422), each checked
     * against the document by the client on the way.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.rebatch.app.serve.ApiServers#databases")
    void everyDocumentedAnswerButTheInternalErrorIsGivenAndKeepsTheDocument(String database) {
        ApiServer server = ApiServers.get(database);
        ApiClient c = server.client();
        Tokens t = server.tokens;
        String app = t.app(Users.CONTRACT);
        String admin = t.admin();
        String poor = t.app(Users.CONTRACT_POOR);
        Map<String, Integer> calls = new LinkedHashMap<>();
        record Call(String method, String path, String token, int status) {
        }
        List<Call> list = List.of(
                new Call("GET", "/api/v1/me/balance", app, 200), new Call("GET", "/api/v1/me/team", app, 200),
                new Call("GET", "/api/v1/me/rebates", app, 200), new Call("GET", "/api/v1/me/rebates?limit=0", app, 400),
                new Call("GET", "/api/v1/me/withdrawals", app, 200),
                new Call("GET", "/api/v1/me/withdrawals?limit=x", app, 400),
                new Call("GET", "/api/v1/admin/users/" + Users.CONTRACT + "/balance", admin, 200),
                new Call("GET", "/api/v1/admin/users/abc/balance", admin, 400),
                new Call("GET", "/api/v1/admin/users/999999999/balance", admin, 404),
                new Call("GET", "/api/v1/admin/job-executions", admin, 200),
                new Call("GET", "/api/v1/admin/job-executions?limit=101", admin, 400),
                new Call("GET", "/api/v1/admin/reports?date=2031-01-01", admin, 200),
                new Call("GET", "/api/v1/admin/reports?date=2031-01-02", admin, 404),
                new Call("GET", "/api/v1/admin/reports?date=2031-13-01", admin, 400),
                new Call("GET", "/api/v1/admin/reports", admin, 400));
        seedReports(server);
        for (Call call : list) {
            for (String token : new String[] {call.token(), null, call.token().equals(admin) ? app : admin}) {
                ApiClient.Reply r = c.send(call.method(), call.path(), token, Map.of(), null);
                int want = token == null ? 401 : token.equals(call.token()) ? call.status() : 403;
                assertThat(r.status()).as("%s", r).isEqualTo(want);
            }
        }
        // POST: 201, 200 (replay), 409, 422 (below the minimum; another amount under the same key), 400, 415, 401, 403
        assertThat(c.withdraw(app, "contract-1", 1000, "13811112222", "合同").status()).isEqualTo(201);
        assertThat(c.withdraw(app, "contract-1", 1000, "13811112222", "合同").status()).isEqualTo(200);
        assertThat(c.withdraw(app, "contract-1", 1001, "13811112222", "合同").reason()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(c.withdraw(poor, "contract-2", 100, "13811112222", "合同").reason()).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(c.withdraw(poor, "contract-3", 50, "13811112222", "合同").reason()).isEqualTo("BELOW_MINIMUM");
        assertThat(c.post("/api/v1/me/withdrawals", app, Map.of("Idempotency-Key", "contract-4", "Content-Type",
                "application/json"), "{\"amount_fen\": 1").status()).isEqualTo(400);
        assertThat(c.post("/api/v1/me/withdrawals", app, Map.of("Idempotency-Key", "contract-5", "Content-Type",
                "text/plain"), "amount=1").status()).isEqualTo(415);
        assertThat(c.withdraw(null, "contract-6", 100, "13811112222", "合同").status()).isEqualTo(401);
        assertThat(c.withdraw(admin, "contract-7", 100, "13811112222", "合同").status()).isEqualTo(403);

        Set<String> seen = server.contract().seen();
        Set<String> documented = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : server.contract().document().get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                for (String status : op.getValue().get("responses").propertyNames()) {
                    if (!status.equals("500")) {
                        documented.add(op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey() + " " + status);
                    }
                }
            }
        }
        assertThat(seen).as("documented answers given and checked against the document").containsAll(documented);
        System.out.printf("[%s] RestApiContractIT: %d documented answers seen and valid: %s%n", server.name,
                seen.size(), seen);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.rebatch.app.serve.ApiServers#databases")
    void everyUsersBalanceEqualsExportBalances(String database, @TempDir Path tmp) throws IOException {
        ApiServer server = ApiServers.get(database);
        Path csv = tmp.resolve("balances.csv");
        long exported = server.bean(Operations.class).exportBalances(csv);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("user_id,pending_fen,available_fen,withdrawing_fen,paid_fen");
        assertThat(lines).hasSize((int) exported + 1);
        Map<String, long[]> expectedTotals = new HashMap<>();
        List<String> expectedLines = Files.readAllLines(server.scenario.resolve("expected/balances.csv"));
        for (String line : expectedLines.subList(1, expectedLines.size())) {
            String[] f = line.split(",");
            expectedTotals.put(f[0], new long[] {Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3])
                    + Long.parseLong(f[4])});
        }
        SoftAssertions soft = new SoftAssertions();
        String admin = server.tokens.admin();
        int users = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            long user = Long.parseLong(f[0]);
            for (boolean asAdmin : new boolean[] {false, true}) {
                ApiClient.Reply r = asAdmin ? server.client().get("/api/v1/admin/users/" + user + "/balance", admin)
                        : server.client().get("/api/v1/me/balance", server.tokens.app(user));
                assertThat(r.status()).as("%s", r).isEqualTo(200);
                JsonNode b = r.json();
                soft.assertThat(b.get("user_id").asLong() + "," + b.get("pending_fen").asLong() + ","
                        + b.get("available_fen").asLong() + "," + b.get("withdrawing_fen").asLong() + ","
                        + b.get("paid_fen").asLong()).as("%s", r).isEqualTo(line);
                for (String bucket : List.of("pending", "available", "withdrawing", "paid")) {
                    soft.assertThat(b.get(bucket + "_yuan").asString()).as("%s %s", r.path(), bucket)
                            .isEqualTo(Money.formatYuan(b.get(bucket + "_fen").asLong()));
                }
            }
            long[] total = expectedTotals.get(f[0]);
            if (total != null) { // withdrawals only move money between a user's buckets
                soft.assertThat(Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[4]))
                        .as("user %s: all four buckets = the sample's expected total", user).isEqualTo(total[0]);
            }
            users++;
        }
        assertThat(users).as("users exported").isGreaterThanOrEqualTo(39);
        soft.assertAll();
        System.out.printf("[%s] RestApiContractIT: %d users' balances equal export balances%n", server.name, users);
    }

    /**
     * The sample's rebate records as the app sees them agree with the sample's expected lines (an independent
     * computation: each attributed line's buyer has its BUYER record with buyer_fen; inviter and grand-inviter
     * records carry inviter_fen and grand_inviter_fen; the status follows the line's) and with the ledger (per user,
     * PENDING records sum to the user's LINE postings in pending, AVAILABLE ones to those in available).
     * Holds once the settle job maintains rebate_record; skipped while it does not.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.rebatch.app.serve.ApiServers#databases")
    void theSamplesRebateRecordsAgreeWithItsSettledLinesAndTheLedger(String database) throws IOException {
        ApiServer server = ApiServers.get(database);
        long records = Long.parseLong(LedgerInvariants.rows(server.jdbcUrl, "SELECT COUNT(*) FROM rebate_record"
                + " WHERE order_line_id NOT LIKE '" + Records.PREFIX + "%'").get(0));
        assumeTrue(records > 0, "rebate_record holds no record of the sample: the settle job does not maintain it yet"
                + " (another branch); this cross-check runs once it does");
        Map<String, Map<String, JsonNode>> byLine = new TreeMap<>(); // platform/line -> role -> record
        Map<String, Long> userOf = new HashMap<>();                  // platform/line/role -> user
        SoftAssertions soft = new SoftAssertions();
        List<String> users = LedgerInvariants.rows(server.jdbcUrl, "SELECT user_id FROM app_user ORDER BY user_id");
        for (String u : users) {
            long user = Long.parseLong(u);
            Map<String, Long> sums = new HashMap<>();
            for (JsonNode item : all(server, user)) {
                String line = item.get("platform").asString() + "/" + item.get("order_line_id").asString();
                if (item.get("order_line_id").asString().startsWith(Records.PREFIX)) {
                    continue;
                }
                String role = item.get("role").asString();
                byLine.computeIfAbsent(line, k -> new TreeMap<>()).put(role, item);
                soft.assertThat(userOf.put(line + "/" + role, user)).as("%s/%s held by two users", line, role).isNull();
                sums.merge(item.get("status").asString(), item.get("amount_fen").asLong(), Long::sum);
            }
            for (String bucket : List.of("PENDING", "AVAILABLE")) {
                long ledger = Long.parseLong(LedgerInvariants.rows(server.jdbcUrl, "SELECT COALESCE(SUM(amount_fen), 0)"
                        + " FROM ledger_entry WHERE ref_type = 'LINE' AND account = 'USER' AND user_id = " + user
                        + " AND bucket = '" + bucket + "'").get(0));
                soft.assertThat(sums.getOrDefault(bucket, 0L)).as("user %d: %s records = ledger", user, bucket)
                        .isEqualTo(ledger);
            }
        }
        int attributed = 0;
        for (String line : Files.readAllLines(server.scenario.resolve("expected/lines.csv")).subList(1,
                Files.readAllLines(server.scenario.resolve("expected/lines.csv")).size())) {
            String[] f = line.split(",", -1);
            String key = f[0] + "/" + f[1];
            Map<String, JsonNode> roles = byLine.getOrDefault(key, Map.of());
            if (f[3].isEmpty()) {
                soft.assertThat(roles).as("records of unattributed line %s", key).isEmpty();
                continue;
            }
            attributed++;
            JsonNode buyer = roles.get("BUYER");
            soft.assertThat(buyer).as("BUYER record of %s", key).isNotNull();
            if (buyer == null) {
                continue;
            }
            soft.assertThat(userOf.get(key + "/BUYER")).as("buyer of %s", key).isEqualTo(Long.parseLong(f[3]));
            soft.assertThat(buyer.get("amount_fen").asLong()).as("buyer_fen of %s", key).isEqualTo(Long.parseLong(f[6]));
            String status = f[2];
            for (JsonNode r : roles.values()) {
                String shown = r.get("status").asString();
                switch (status) {
                    case "INVALID" -> soft.assertThat(shown).as("%s %s", key, r).isEqualTo("INVALID");
                    case "PAID", "RECEIVED" -> soft.assertThat(shown).as("%s %s", key, r).isEqualTo("PENDING");
                    default -> soft.assertThat(shown).as("%s %s", key, r).isIn("PENDING", "AVAILABLE");
                }
            }
            checkShare(soft, roles, "INVITER", key, Long.parseLong(f[7]));
            checkShare(soft, roles, "GRAND_INVITER", key, Long.parseLong(f[8]));
        }
        soft.assertThat(byLine.keySet()).as("lines with records").hasSize(attributed);
        soft.assertAll();
        System.out.printf("[%s] RestApiContractIT: %d sample lines' records agree with expected/lines.csv and the"
                + " ledger%n", server.name, attributed);
    }

    private static void checkShare(SoftAssertions soft, Map<String, JsonNode> roles, String role, String line,
                                   long expectedFen) {
        JsonNode r = roles.get(role);
        if (expectedFen > 0) {
            soft.assertThat(r).as("%s record of %s (%d fen)", role, line, expectedFen).isNotNull();
        }
        if (r != null) {
            soft.assertThat(r.get("amount_fen").asLong()).as("%s share of %s", role, line).isEqualTo(expectedFen);
        }
    }

    /** All of a user's records through the API, pages of 100. */
    private static List<JsonNode> all(ApiServer server, long user) {
        List<JsonNode> out = new ArrayList<>();
        String token = server.tokens.app(user);
        String cursor = null;
        do {
            ApiClient.Reply r = server.client().get("/api/v1/me/rebates?limit=100"
                    + (cursor == null ? "" : "&cursor=" + cursor), token);
            assertThat(r.status()).as("%s", r).isEqualTo(200);
            r.json().get("items").forEach(out::add);
            cursor = r.json().get("next_cursor").isNull() ? null : r.json().get("next_cursor").asString();
        } while (cursor != null);
        return out;
    }

    /** A team as SPEC 8 describes it: per invitee and level, masked, with the inviter's share by status. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.rebatch.app.serve.ApiServers#databases")
    void aTeamIsTheInvitersRecordsPerInviteeAndLevel(String database) {
        ApiServer server = ApiServers.get(database);
        long inviter = Users.TEAM_INVITER;
        Random random = new Random(11);
        List<Records.Rec> seeded = new ArrayList<>();
        long[] invitees = {inviter + 1, inviter + 2, 12};       // 12: a short id, masked as 1***
        long grandInvitee = inviter + 3;                          // invited by invitees[0]
        for (long invitee : invitees) {
            for (Records.Rec r : Records.buyer(random, invitee, 4)) {
                seeded.add(Records.sameLine(r, "INVITER", inviter, 10 + random.nextInt(500)));
            }
        }
        for (Records.Rec r : Records.buyer(random, grandInvitee, 5)) {
            seeded.add(Records.sameLine(r, "GRAND_INVITER", inviter, 5 + random.nextInt(200)));
        }
        if (!Records.seeded(server.jdbcUrl, inviter)) {
            Records.insert(server.jdbcUrl, seeded);
        }
        ApiClient.Reply r = server.client().get("/api/v1/me/team", server.tokens.app(inviter));
        assertThat(r.status()).isEqualTo(200);
        // Expected: INVITER entries first (level 1) by buyer id, then GRAND_INVITER (level 2).
        StringBuilder entries = new StringBuilder();
        long[] totals = new long[4];
        for (String role : List.of("INVITER", "GRAND_INVITER")) {
            int level = role.equals("INVITER") ? 1 : 2;
            Map<Long, List<Records.Rec>> byBuyer = new TreeMap<>();
            seeded.stream().filter(x -> x.role().equals(role)).forEach(x -> byBuyer.computeIfAbsent(x.buyerId(),
                    k -> new ArrayList<>()).add(x));
            for (Map.Entry<Long, List<Records.Rec>> e : byBuyer.entrySet()) {
                long pending = e.getValue().stream().filter(x -> x.status().equals("PENDING"))
                        .mapToLong(Records.Rec::amountFen).sum();
                long available = e.getValue().stream().filter(x -> x.status().equals("AVAILABLE"))
                        .mapToLong(Records.Rec::amountFen).sum();
                long invalid = e.getValue().stream().filter(x -> x.status().equals("INVALID")).count();
                totals[(level - 1) * 2] += pending;
                totals[(level - 1) * 2 + 1] += available;
                entries.append(entries.length() == 0 ? "" : ",").append("{\"invitee\":\"")
                        .append(Invitees.maskUserId(e.getKey())).append("\",\"level\":").append(level)
                        .append(",\"line_count\":").append(e.getValue().size()).append(",\"pending_fen\":").append(pending)
                        .append(",\"pending_yuan\":\"").append(Money.formatYuan(pending)).append("\",\"available_fen\":")
                        .append(available).append(",\"available_yuan\":\"").append(Money.formatYuan(available))
                        .append("\",\"invalid_count\":").append(invalid).append("}");
            }
        }
        String expected = "{\"user_id\":" + inviter + ",\"level_1_pending_fen\":" + totals[0]
                + ",\"level_1_pending_yuan\":\"" + Money.formatYuan(totals[0]) + "\",\"level_1_available_fen\":" + totals[1]
                + ",\"level_1_available_yuan\":\"" + Money.formatYuan(totals[1]) + "\",\"level_2_pending_fen\":" + totals[2]
                + ",\"level_2_pending_yuan\":\"" + Money.formatYuan(totals[2]) + "\",\"level_2_available_fen\":" + totals[3]
                + ",\"level_2_available_yuan\":\"" + Money.formatYuan(totals[3]) + "\",\"invitees\":[" + entries + "]}";
        assertThat(r.json()).isEqualTo(ApiClient.JSON.readTree(expected));
        assertThat(r.body()).doesNotContain(Long.toString(inviter + 1)).doesNotContain(Long.toString(grandInvitee));
        // An invitee sees none of it: their own team is empty.
        ApiClient.Reply invitee = server.client().get("/api/v1/me/team", server.tokens.app(inviter + 1));
        assertThat(invitee.json().get("invitees").size()).isZero();
    }

    /** Admin reads equal the tables: job executions newest first with their identifying parameters; reports. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.rebatch.app.serve.ApiServers#databases")
    void adminReadsEqualTheTables(String database) {
        ApiServer server = ApiServers.get(database);
        seedReports(server);
        String admin = server.tokens.admin();
        ApiClient.Reply jobs = server.client().get("/api/v1/admin/job-executions?limit=100", admin);
        List<String> ids = LedgerInvariants.rows(server.jdbcUrl, "SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION"
                + " ORDER BY JOB_EXECUTION_ID DESC");
        List<String> served = new ArrayList<>();
        jobs.json().forEach(j -> served.add(j.get("job_execution_id").asString()));
        assertThat(served).containsExactlyElementsOf(ids.subList(0, Math.min(100, ids.size())));
        assertThat(ids).as("the sample's jobs").hasSizeGreaterThan(10);
        List<String> settles = new ArrayList<>();
        jobs.json().forEach(j -> {
            if (j.get("job_name").asString().equals("settle")) {
                settles.add(j.get("status").asString() + " " + j.get("parameters").toString());
            }
        });
        assertThat(settles).as("the sample's settles, newest first").hasSize(4).allMatch(s -> s.startsWith("COMPLETED"));
        assertThat(settles.get(0)).contains("2026-11-25");
        assertThat(server.client().get("/api/v1/admin/job-executions?limit=3", admin).json().size()).isEqualTo(3);

        ApiClient.Reply report = server.client().get("/api/v1/admin/reports?date=2031-01-01", admin);
        assertThat(report.json()).isEqualTo(ApiClient.JSON.readTree("{\"business_date\":\"2031-01-01\",\"run_label\":"
                + "\"it-run-2\",\"metrics\":[{\"platform\":\"JD\",\"metric\":\"lines_read\",\"value\":3},"
                + "{\"platform\":\"TAOBAO\",\"metric\":\"income_fen\",\"value\":123456},{\"platform\":\"TAOBAO\","
                + "\"metric\":\"lines_read\",\"value\":7}]}"));
        // The sample's last settle day: reported once settle writes run_report (another branch), else 404.
        ApiClient.Reply sample = server.client().get("/api/v1/admin/reports?date=2026-11-25", admin);
        long rows = Long.parseLong(LedgerInvariants.rows(server.jdbcUrl, "SELECT COUNT(*) FROM run_report WHERE"
                + " business_date = '2026-11-25'").get(0));
        if (rows == 0) {
            assertThat(sample.status()).isEqualTo(404);
            assertThat(sample.reason()).isEqualTo("REPORT_NOT_FOUND");
        } else {
            assertThat(sample.status()).isEqualTo(200);
            assertThat(sample.json().get("metrics").size()).isPositive();
        }
    }

    /** Two runs reported for 2031-01-01 (only the newest is served); run_report is otherwise the settle job's. */
    static synchronized void seedReports(ApiServer server) {
        if (!LedgerInvariants.rows(server.jdbcUrl, "SELECT COUNT(*) FROM run_report WHERE business_date = '2031-01-01'")
                .equals(List.of("0"))) {
            return;
        }
        try (var c = java.sql.DriverManager.getConnection(server.jdbcUrl); var s = c.createStatement()) {
            s.executeUpdate("INSERT INTO run_report (run_label, business_date, platform, metric, metric_value) VALUES"
                    + " ('it-run-1', '2031-01-01', 'TAOBAO', 'lines_read', 5),"
                    + " ('it-run-2', '2031-01-01', 'TAOBAO', 'lines_read', 7),"
                    + " ('it-run-2', '2031-01-01', 'TAOBAO', 'income_fen', 123456),"
                    + " ('it-run-2', '2031-01-01', 'JD', 'lines_read', 3)");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
