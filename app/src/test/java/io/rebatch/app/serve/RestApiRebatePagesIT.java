package io.rebatch.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.api.me.RebateCursor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/me/rebates} pages (SPEC 8: newest first, opaque tamper-proof cursor, limit 1–100) on H2 and
 * MariaDB, over records seeded for synthetic users with 0, 1, {@value #L}, {@value #L}+1 and 120–200 records
 * (a third of them sharing their created_at with another, so the keyset's tie-breaks are exercised): every record
 * exactly once across the pages, in order, with and without a status filter; a cursor altered in any byte, made up,
 * issued to another user or for another filter is 400 INVALID_CURSOR; limit 0, 101 or not a number is 400.
 */
@ExtendWith(ApiServers.class)
class RestApiRebatePagesIT {
    static final int L = 7;
    private static final long NONE = Users.PAGES_FIRST;
    private static final long ONE = Users.PAGES_FIRST + 1;
    private static final long EXACTLY_L = Users.PAGES_FIRST + 2;
    private static final long L_PLUS_ONE = Users.PAGES_FIRST + 3;
    private static final long MANY = Users.PAGES_FIRST + 4;
    private static final long OTHER = Users.PAGES_FIRST + 5;

    /** Seeds the users' records once per database; returns every record seeded. */
    private static synchronized List<Records.Rec> seed(ApiServer server) {
        Random random = new Random(Long.getLong("rebatch.test.api.seed", 20261203L) + 7);
        Map<Long, Integer> counts = new LinkedHashMap<>();
        counts.put(NONE, 0);
        counts.put(ONE, 1);
        counts.put(EXACTLY_L, L);
        counts.put(L_PLUS_ONE, L + 1);
        counts.put(MANY, 120 + random.nextInt(80));
        counts.put(OTHER, 30);
        List<Records.Rec> all = new ArrayList<>();
        counts.forEach((user, n) -> all.addAll(Records.buyer(random, user, n)));
        if (!Records.seeded(server.jdbcUrl, MANY)) {
            Records.insert(server.jdbcUrl, all);
        }
        return all;
    }

    /** A walk through all pages: the items in order, the page sizes, the cursors. */
    record Walk(List<String> items, List<Integer> sizes, List<String> cursors) {
    }

    static Walk walk(ApiServer server, long user, String status, Integer limit) {
        String token = server.tokens.app(user);
        List<String> items = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        List<String> cursors = new ArrayList<>();
        String cursor = null;
        do {
            ApiClient.Reply page = server.client().get(query(status, limit, cursor), token);
            assertThat(page.status()).as("%s", page).isEqualTo(200);
            JsonNode json = page.json();
            sizes.add(json.get("items").size());
            for (JsonNode item : json.get("items")) {
                items.add(ApiClient.JSON.writeValueAsString(item));
            }
            cursor = json.get("next_cursor").isNull() ? null : json.get("next_cursor").asString();
            cursors.add(cursor);
            assertThat(sizes.size()).as("pages for user %d", user).isLessThan(1000);
        } while (cursor != null);
        return new Walk(items, sizes, cursors);
    }

    static String query(String status, Integer limit, String cursor) {
        StringBuilder q = new StringBuilder("/api/v1/me/rebates");
        char sep = '?';
        if (status != null) {
            q.append(sep).append("status=").append(status);
            sep = '&';
        }
        if (limit != null) {
            q.append(sep).append("limit=").append(limit);
            sep = '&';
        }
        if (cursor != null) {
            q.append(sep).append("cursor=").append(cursor);
        }
        return q.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.rebatch.app.serve.ApiServers#databases")
    void everyRecordExactlyOnceNewestFirstWithAndWithoutAStatusFilter(String database) {
        ApiServer server = ApiServers.get(database);
        List<Records.Rec> all = seed(server);
        SoftAssertions soft = new SoftAssertions();
        int pages = 0;
        List<String> statuses = new ArrayList<>();
        statuses.add(null);
        statuses.addAll(Records.STATUSES);
        for (long user : List.of(NONE, ONE, EXACTLY_L, L_PLUS_ONE, MANY)) {
            for (String status : statuses) {
                // Pages of one record only unfiltered: a walk of a few hundred pages is enough once.
                List<Integer> limits = user != MANY ? List.of(L) : status == null ? java.util.Arrays.asList(1, L, 13, 100, null)
                        : java.util.Arrays.asList(L, 13, 100, null);
                for (Integer limit : limits) {
                    int size = limit == null ? 20 : limit;
                    List<String> expected = Records.expected(all, user, status).stream().map(Records.Rec::expectedJson)
                            .toList();
                    Walk w = walk(server, user, status, limit);
                    pages += w.sizes().size();
                    String what = "user " + user + " status " + status + " limit " + limit;
                    soft.assertThat(w.items()).as("%s: every record once, newest first", what)
                            .containsExactlyElementsOf(expected);
                    int fullPages = expected.size() / size;
                    List<Integer> sizes = new ArrayList<>();
                    for (int i = 0; i < fullPages; i++) {
                        sizes.add(size);
                    }
                    if (expected.size() % size != 0 || expected.isEmpty()) {
                        sizes.add(expected.size() % size);
                    }
                    soft.assertThat(w.sizes()).as("%s: page sizes (next_cursor null on the last page only)", what)
                            .containsExactlyElementsOf(sizes);
                }
            }
        }
        // The boundary users, spelled out: L records fit one page; L + 1 need a second page of one.
        soft.assertThat(walk(server, EXACTLY_L, null, L).sizes()).containsExactly(L);
        soft.assertThat(walk(server, L_PLUS_ONE, null, L).sizes()).containsExactly(L, 1);
        soft.assertThat(walk(server, NONE, null, L).sizes()).containsExactly(0);
        System.out.printf("[%s] RestApiRebatePagesIT: %d pages walked, %d records of user %d%n", server.name, pages,
                Records.expected(all, MANY, null).size(), MANY);
        soft.assertAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.rebatch.app.serve.ApiServers#databases")
    void alteredForeignOrCrossFilterCursorsAreRefused(String database) {
        ApiServer server = ApiServers.get(database);
        List<Records.Rec> all = seed(server);
        String many = server.tokens.app(MANY);
        String cursor = first(server, many, null, 5);
        String pendingCursor = first(server, many, "PENDING", 5);
        String otherCursor = first(server, server.tokens.app(OTHER), null, 5);
        // Controls: the cursor as issued is accepted, twice, with the same answer.
        ApiClient.Reply second = server.client().get(query(null, 5, cursor), many);
        assertThat(second.status()).isEqualTo(200);
        assertThat(server.client().get(query(null, 5, cursor), many).body()).isEqualTo(second.body());

        SoftAssertions soft = new SoftAssertions();
        int tried = 0;
        int dot = cursor.indexOf('.');
        byte[] payload = Base64.getUrlDecoder().decode(cursor.substring(0, dot));
        byte[] mac = Base64.getUrlDecoder().decode(cursor.substring(dot + 1));
        for (int i = 0; i < payload.length; i++) {
            byte[] p = payload.clone();
            p[i] ^= 0x01;
            tried += refused(soft, server, many, null, b64(p) + "." + b64(mac), "payload byte " + i + " flipped");
        }
        for (int i = 0; i < mac.length; i++) {
            byte[] m = mac.clone();
            m[i] ^= (byte) 0x80;
            tried += refused(soft, server, many, null, b64(payload) + "." + b64(m), "MAC byte " + i + " flipped");
        }
        String text = new String(payload, StandardCharsets.UTF_8);
        String otherUser = text.replace("|" + MANY + "|", "|" + OTHER + "|");
        soft.assertThat(otherUser).isNotEqualTo(text);
        Map<String, String> made = new LinkedHashMap<>();
        made.put("payload naming another user, old MAC", b64(otherUser.getBytes(StandardCharsets.UTF_8)) + "."
                + b64(mac));
        made.put("MAC cut short", cursor.substring(0, cursor.length() - 3));
        made.put("no MAC", cursor.substring(0, dot + 1));
        made.put("no dot", cursor.replace(".", ""));
        made.put("payload only", cursor.substring(0, dot));
        made.put("not base64", cursor.substring(0, dot) + ".!!!");
        made.put("empty parts", ".");
        made.put("garbage", "abc");
        made.put("over-long", cursor + "A".repeat(700));
        made.put("MAC with the API secret itself (no derived key)", b64(payload) + "."
                + b64(hmac(server.secret.getBytes(StandardCharsets.UTF_8), payload)));
        for (Map.Entry<String, String> e : made.entrySet()) {
            tried += refused(soft, server, many, null, e.getValue(), e.getKey());
        }
        tried += refused(soft, server, many, null, otherCursor, "another user's cursor");
        tried += refused(soft, server, server.tokens.app(OTHER), null, cursor, "a cursor issued to another user");
        tried += refused(soft, server, many, null, pendingCursor, "a PENDING cursor without the filter");
        tried += refused(soft, server, many, "AVAILABLE", pendingCursor, "a PENDING cursor with AVAILABLE");
        tried += refused(soft, server, many, "PENDING", cursor, "an unfiltered cursor with PENDING");
        soft.assertAll();

        // The positive control of the MAC: a cursor made as the API makes them (the secret's derived key, the
        // position of the 9th record) is accepted and continues right after that record.
        List<Records.Rec> expected = Records.expected(all, MANY, null);
        Records.Rec ninth = expected.get(8);
        String forged = new RebateCursor(server.secret.getBytes(StandardCharsets.UTF_8)).encode(MANY, null,
                new RebateCursor.Position(ninth.createdAt(), ninth.platform(), ninth.orderLineId(), ninth.role()));
        ApiClient.Reply after = server.client().get(query(null, 3, forged), many);
        assertThat(after.status()).as("%s", after).isEqualTo(200);
        List<String> items = new ArrayList<>();
        after.json().get("items").forEach(i -> items.add(ApiClient.JSON.writeValueAsString(i)));
        assertThat(items).containsExactlyElementsOf(expected.subList(9, 12).stream().map(Records.Rec::expectedJson)
                .toList());
        System.out.printf("[%s] RestApiRebatePagesIT: %d altered or foreign cursors refused%n", server.name, tried);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.rebatch.app.serve.ApiServers#databases")
    void limitsOutsideOneToHundredAndUnknownStatusesAreRefused(String database) {
        ApiServer server = ApiServers.get(database);
        seed(server);
        String token = server.tokens.app(MANY);
        String admin = server.tokens.admin();
        SoftAssertions soft = new SoftAssertions();
        for (String limit : List.of("0", "101", "-1", "abc", "1.5", "99999999999")) {
            for (String path : List.of("/api/v1/me/rebates?limit=", "/api/v1/me/withdrawals?limit=",
                    "/api/v1/admin/job-executions?limit=")) {
                ApiClient.Reply r = server.client().get(path + limit, path.contains("admin") ? admin : token);
                soft.assertThat(r.status()).as("%s", r).isEqualTo(400);
                soft.assertThat(r.reason()).as("%s", r).isEqualTo("INVALID_REQUEST");
            }
        }
        for (String status : List.of("pending", "PAID", "SETTLED", "x")) {
            ApiClient.Reply r = server.client().get("/api/v1/me/rebates?status=" + status, token);
            soft.assertThat(r.status()).as("%s", r).isEqualTo(400);
            soft.assertThat(r.reason()).as("%s", r).isEqualTo("INVALID_REQUEST");
        }
        soft.assertThat(server.client().get("/api/v1/me/rebates?limit=1", token).json().get("items").size()).isEqualTo(1);
        soft.assertThat(server.client().get("/api/v1/me/rebates?limit=100", token).json().get("items").size())
                .isEqualTo(100);
        soft.assertThat(server.client().get("/api/v1/me/rebates", token).json().get("items").size())
                .as("the default page").isEqualTo(20);
        soft.assertAll();
    }

    private static String first(ApiServer server, String token, String status, int limit) {
        ApiClient.Reply r = server.client().get(query(status, limit, null), token);
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        assertThat(r.json().get("next_cursor").isNull()).as("a next page for %s", r).isFalse();
        return r.json().get("next_cursor").asString();
    }

    private static int refused(SoftAssertions soft, ApiServer server, String token, String status, String cursor,
                               String what) {
        ApiClient.Reply r = server.client().get(query(status, 5, java.net.URLEncoder.encode(cursor,
                StandardCharsets.UTF_8)), token);
        soft.assertThat(r.status()).as("%s: %s", what, r).isEqualTo(400);
        soft.assertThat(r.reason()).as("%s: %s", what, r).isEqualTo("INVALID_CURSOR");
        soft.assertThat(r.body()).as("%s: the cursor echoed", what).doesNotContain(cursor);
        return 1;
    }

    private static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
