package io.rebatch.readers.taobao;

import static io.rebatch.readers.api.Bodies.html;
import static io.rebatch.readers.api.Bodies.ok;
import static io.rebatch.readers.api.Bodies.taobaoOrders;
import static io.rebatch.readers.api.Bodies.taobaoPage;
import static io.rebatch.readers.api.Bodies.topError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rebatch.domain.BusinessTime;
import io.rebatch.readers.api.Bodies;
import io.rebatch.readers.api.FakeTime;
import io.rebatch.readers.api.Forms;
import io.rebatch.readers.api.HttpSettings;
import io.rebatch.readers.api.PullException;
import io.rebatch.readers.api.PullRuntime;
import io.rebatch.readers.api.RetrySettings;
import io.rebatch.readers.api.Sleeper;
import io.rebatch.readers.api.TimeWindow;
import io.rebatch.readers.api.TopSignMethod;
import io.rebatch.readers.api.WindowResult;
import io.rebatch.readers.report.ReportRow;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** taobao.tbk.order.details.get against mockwebserver3: protocol corner cases, retries, fail-fast errors. */
class TaobaoOrderPullTest {
    static final String SECRET = "tb-SECRET-0123456789abcdef";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneOffset.UTC);
    static final TimeWindow WINDOW = new TimeWindow(BusinessTime.parseLocal("2026-11-24 09:00:00"),
            BusinessTime.parseLocal("2026-11-24 12:00:00"));

    @StartStop
    public final MockWebServer server = new MockWebServer();
    final FakeTime time = new FakeTime();
    final List<String> bodies = new ArrayList<>();
    final List<ReportRow> rows = new ArrayList<>();

    TaobaoSettingsBuilder settings() {
        return TaobaoSettingsBuilder.builder().endpoint(server.url("/router/rest").uri()).appKey("tb-key").appSecret(SECRET)
                .rateCapPerSecond(1000);
    }

    PullRuntime runtime(HttpSettings http) {
        return time.runtime().clock(CLOCK).httpSettings(http).build();
    }

    TaobaoOrderPull pull(TaobaoSettings s) {
        return new TaobaoOrderPull(s, runtime(new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5))));
    }

    WindowResult run(TaobaoOrderPull p, TimeWindow w) {
        return p.pull(w, (body, page) -> {
            bodies.add(body);
            rows.addAll(page.rows());
        });
    }

    List<Map<String, String>> requests() throws InterruptedException {
        List<Map<String, String>> out = new ArrayList<>();
        for (int i = server.getRequestCount(); i > 0; i--) {
            RecordedRequest r = server.takeRequest(1, TimeUnit.SECONDS);
            if (r != null) {
                assertThat(r.getMethod()).isEqualTo("POST");
                assertThat(r.getHeaders().get("Content-Type")).isEqualTo("application/x-www-form-urlencoded;charset=utf-8");
                String all = r.getTarget() + "\n" + r.getHeaders() + "\n" + r.getBody().utf8();
                assertThat(all).as("the secret never travels").doesNotContain(SECRET);
                out.add(Forms.params(r));
            }
        }
        return out;
    }

    static String md5(String text) throws Exception {
        return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The TOP md5 signature recomputed here, by the rule, from the request as received. */
    static String expectedSign(Map<String, String> received) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(received).entrySet()) {
            if (!e.getKey().equals("sign") && !e.getValue().isEmpty()) {
                sb.append(e.getKey()).append(e.getValue());
            }
        }
        return md5(SECRET + sb + SECRET);
    }

    @Test
    void pagesWithPositionIndexUntilHasNextIsFalse_emptyPagesMayOmitResults() throws Exception {
        String p1 = taobaoPage(taobaoOrders("2284346265955921414", "2284346265955921415"), true, 1, "1795999000_aa|1795999001_bb");
        String p2 = taobaoPage(null, true, 2, "1795999002_cc|1795999003_dd");            // no "results" at all
        String p3 = taobaoPage("{}", false, 3, "1795999002_cc|1795999003_dd");           // results without publisher_order_dto
        server.enqueue(ok(p1));
        server.enqueue(ok(p2));
        server.enqueue(ok(p3));

        WindowResult r = run(pull(settings().build()), WINDOW);

        assertThat(bodies).containsExactly(p1, p2, p3);
        assertThat(r.pages()).isEqualTo(3);
        assertThat(r.requests()).isEqualTo(3);
        assertThat(r.rows()).isEqualTo(2);
        assertThat(rows).allMatch(x -> x instanceof ReportRow.Snapshot);
        List<Map<String, String>> req = requests();
        assertThat(req).hasSize(3);
        for (int i = 0; i < 3; i++) {
            Map<String, String> q = req.get(i);
            assertThat(q).containsEntry("method", "taobao.tbk.order.details.get").containsEntry("app_key", "tb-key")
                    .containsEntry("format", "json").containsEntry("v", "2.0").containsEntry("sign_method", "md5")
                    .containsEntry("timestamp", "2026-11-25 10:00:00")                // GMT+8 of the injected clock
                    .containsEntry("query_type", "4").containsEntry("jump_type", "1")
                    .containsEntry("page_size", "100").containsEntry("page_no", Integer.toString(i + 1))
                    .containsEntry("start_time", "2026-11-24 09:00:00").containsEntry("end_time", "2026-11-24 12:00:00");
            Duration window = Duration.between(BusinessTime.parseLocal(q.get("start_time")), BusinessTime.parseLocal(q.get("end_time")));
            assertThat(window).isLessThanOrEqualTo(Duration.ofHours(3));
            assertThat(q.get("sign")).matches("[0-9A-F]{32}").isEqualTo(expectedSign(q));
        }
        assertThat(req.get(0)).doesNotContainKey("position_index");
        assertThat(req.get(1)).containsEntry("position_index", "1795999000_aa|1795999001_bb");
        assertThat(req.get(2)).containsEntry("position_index", "1795999002_cc|1795999003_dd");
    }

    @Test
    void hmacSha256SignMethodIsSentAndUsed() throws Exception {
        server.enqueue(ok(taobaoPage(null, false, 1, "")));
        run(pull(settings().signMethod(TopSignMethod.HMAC_SHA256).build()), WINDOW);
        Map<String, String> q = requests().get(0);
        assertThat(q).containsEntry("sign_method", "hmac-sha256");
        StringBuilder s = new StringBuilder();
        new TreeMap<>(q).forEach((k, v) -> {
            if (!k.equals("sign")) {
                s.append(k).append(v);
            }
        });
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(q.get("sign")).isEqualTo(HexFormat.of().withUpperCase().formatHex(mac.doFinal(s.toString().getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void anEmptyWindowIsOnePage() {
        String empty = taobaoPage(null, false, 1, "");
        server.enqueue(ok(empty));
        WindowResult r = run(pull(settings().build()), WINDOW);
        assertThat(r.pages()).isEqualTo(1);
        assertThat(r.rows()).isZero();
        assertThat(bodies).containsExactly(empty);
    }

    @Test
    void htmlErrorPageFromAProxyIsRetriedThenFailsWithTheStartOfTheBody() {
        RetrySettings retry = new RetrySettings(4, Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofMinutes(1));
        for (int i = 0; i < 4; i++) {
            server.enqueue(html(200, Bodies.PROXY_502));
        }
        assertThatThrownBy(() -> run(pull(settings().retry(retry).build()), WINDOW))
                .isInstanceOfSatisfying(PullException.class, e -> {
                    assertThat(e.kind()).isEqualTo(PullException.Kind.TRANSIENT);
                    assertThat(e.attempts()).isEqualTo(4);
                    assertThat(e.page()).isEqualTo(1);
                    assertThat(e.getMessage())
                            .contains("TAOBAO taobao.tbk.order.details.get window 2026-11-24 09:00:00..2026-11-24 12:00:00 page 1")
                            .contains("gave up after 4 attempts")
                            .contains("body starts '<html> <head><title>502 Bad Gateway</title></head> <body> <center><h1>502 Bad Ga'")
                            .contains("not valid JSON").doesNotContain("body starts with")
                            .contains("run again later")
                            .doesNotContain(SECRET);
                });
        assertThat(server.getRequestCount()).isEqualTo(4);
        assertThat(bodies).isEmpty();
        // three back-offs, exponential with jitter in the upper half, bounded by max-delay
        List<Duration> waits = time.sleepsOfAtLeast(Duration.ofMillis(50));
        assertThat(waits).hasSize(3);
        assertThat(waits.get(0)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(waits.get(1)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
        assertThat(waits.get(2)).isBetween(Duration.ofMillis(400), Duration.ofMillis(800));
    }

    @Test
    void nonJsonAndTruncatedBodiesAreRetried() {
        String good = taobaoPage(taobaoOrders("2284346265955921414"), false, 1, "x");
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/plain").body("Service Unavailable").build());
        server.enqueue(ok(good.substring(0, good.length() / 2)));
        server.enqueue(ok(good));
        WindowResult r = run(pull(settings().build()), WINDOW);
        assertThat(r.requests()).isEqualTo(3);
        assertThat(r.pages()).isEqualTo(1);
        assertThat(bodies).containsExactly(good);
    }

    @Test
    void aResponseSlowerThanTheReadTimeoutIsRetried() {
        String good = taobaoPage(taobaoOrders("2284346265955921414"), false, 1, "x");
        server.enqueue(new MockResponse.Builder().code(200).body(good).headersDelay(3, TimeUnit.SECONDS).build());
        server.enqueue(ok(good));
        TaobaoOrderPull p = new TaobaoOrderPull(settings().build(),
                runtime(new HttpSettings(Duration.ofSeconds(1), Duration.ofMillis(300), Duration.ofSeconds(2))));
        long t0 = System.nanoTime();
        WindowResult r = run(p, WINDOW);
        assertThat(r.requests()).isEqualTo(2);
        assertThat(bodies).containsExactly(good);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aCallSlowerThanTheCallTimeoutEverytimeFailsAsTransient() {
        RetrySettings retry = new RetrySettings(2, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofMinutes(1));
        String good = taobaoPage(null, false, 1, "x");
        for (int i = 0; i < 2; i++) {
            server.enqueue(new MockResponse.Builder().code(200).body(good).bodyDelay(2, TimeUnit.SECONDS).build());
        }
        TaobaoOrderPull p = new TaobaoOrderPull(settings().retry(retry).build(),
                runtime(new HttpSettings(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMillis(400))));
        assertThatThrownBy(() -> run(p, WINDOW)).isInstanceOfSatisfying(PullException.class, e -> {
            assertThat(e.kind()).isEqualTo(PullException.Kind.TRANSIENT);
            assertThat(e.getMessage()).contains("timeout");
        });
    }

    @Test
    void throttlingWithNMoreSecondsIsWaitedOutThenRetried() {
        String good = taobaoPage(taobaoOrders("2284346265955921414"), false, 1, "x");
        server.enqueue(ok(topError(7, "App Call Limited", "accesscontrol.limited-by-app-access-count",
                "This ban will last for 17 more seconds")));
        server.enqueue(ok(topError(15, "Remote service error", "9100", "账号限流")));
        server.enqueue(ok(good));
        WindowResult r = run(pull(settings().build()), WINDOW);
        assertThat(r.requests()).isEqualTo(3);
        assertThat(r.throttled()).isEqualTo(2);
        assertThat(bodies).containsExactly(good);                           // error pages never reach the sink
        assertThat(time.sleepsOfAtLeast(Duration.ofMillis(100))).hasSize(2)
                .first().isEqualTo(Duration.ofSeconds(17));
    }

    @Test
    void aBanLongerThanMaxServerWaitFailsAtOnce() {
        server.enqueue(ok(topError(7, "App Call Limited", "accesscontrol.limited-by-api-access-count",
                "This ban will last for 31062 more seconds")));
        assertThatThrownBy(() -> run(pull(settings().build()), WINDOW)).isInstanceOfSatisfying(PullException.class, e -> {
            assertThat(e.kind()).isEqualTo(PullException.Kind.THROTTLED);
            assertThat(e.platformError().code()).isEqualTo("7");
            assertThat(e.getMessage()).contains("31062 s").contains("rebatch.platforms.taobao.retry.max-server-wait");
        });
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(time.sleepsOfAtLeast(Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    void http5xxIsRetriedHonouringRetryAfter() {
        String good = taobaoPage(taobaoOrders("2284346265955921414"), false, 1, "x");
        server.enqueue(html(502, Bodies.PROXY_502));
        server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "9").body("busy").build());
        server.enqueue(ok(good));
        WindowResult r = run(pull(settings().build()), WINDOW);
        assertThat(r.requests()).isEqualTo(3);
        assertThat(bodies).containsExactly(good);
        assertThat(time.sleepsOfAtLeast(Duration.ofMillis(100))).hasSize(2).last().isEqualTo(Duration.ofSeconds(9));
    }

    @Test
    void badSignatureFailsFastWithoutRetry() {
        server.enqueue(ok(topError(25, "Invalid signature", null, null)));
        server.enqueue(ok(taobaoPage(null, false, 1, "")));   // would succeed if (wrongly) retried
        assertThatThrownBy(() -> run(pull(settings().build()), WINDOW)).isInstanceOfSatisfying(PullException.class, e -> {
            assertThat(e.kind()).isEqualTo(PullException.Kind.CONFIGURATION);
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.getMessage()).contains("TAOBAO error 25: Invalid signature")
                    .contains("rebatch.platforms.taobao.app-secret").contains("sign-method").doesNotContain(SECRET);
        });
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(time.sleepsOfAtLeast(Duration.ofMillis(1))).isEmpty();
    }

    @Test
    void invalidAppKeyAndWindowTooLongAreConfigurationErrors() {
        server.enqueue(ok(topError(29, "Invalid app Key", null, null)));
        assertThatThrownBy(() -> run(pull(settings().build()), WINDOW)).isInstanceOfSatisfying(PullException.class, e -> {
            assertThat(e.kind()).isEqualTo(PullException.Kind.CONFIGURATION);
            assertThat(e.getMessage()).contains("rebatch.platforms.taobao.app-key");
        });
        server.enqueue(ok(topError(15, "Remote service error", "2007", "大促期间查询时间跨度不能超过20分钟")));
        assertThatThrownBy(() -> run(pull(settings().build()), WINDOW)).isInstanceOfSatisfying(PullException.class, e -> {
            assertThat(e.kind()).isEqualTo(PullException.Kind.CONFIGURATION);
            assertThat(e.getMessage()).contains("promotion-periods");
        });
        server.enqueue(ok(topError(41, "Invalid arguments:page_size", "isv.invalid-parameter:page_size", null)));
        assertThatThrownBy(() -> run(pull(settings().build()), WINDOW)).isInstanceOfSatisfying(PullException.class,
                e -> assertThat(e.kind()).isEqualTo(PullException.Kind.PROTOCOL));
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void missingCredentialsFailBeforeAnyRequest() {
        assertThatThrownBy(() -> run(pull(settings().appSecret("").build()), WINDOW))
                .isInstanceOfSatisfying(PullException.class, e -> {
                    assertThat(e.kind()).isEqualTo(PullException.Kind.CONFIGURATION);
                    assertThat(e.getMessage()).contains("REBATCH_PLATFORMS_TAOBAO_APP_SECRET");
                });
        assertThatThrownBy(() -> run(pull(settings().appKey(" ").build()), WINDOW))
                .hasMessageContaining("rebatch.platforms.taobao.app-key");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void redirectsAndNotFoundAreConfigurationErrors() {
        server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "https://eco.taobao.com/router/rest?x=1").build());
        assertThatThrownBy(() -> run(pull(settings().build()), WINDOW)).isInstanceOfSatisfying(PullException.class, e -> {
            assertThat(e.kind()).isEqualTo(PullException.Kind.CONFIGURATION);
            assertThat(e.getMessage()).contains("redirect to https://eco.taobao.com:443/router/rest").doesNotContain("x=1");
        });
        server.enqueue(html(404, "<html><body>Not Found</body></html>"));
        assertThatThrownBy(() -> run(pull(settings().build()), WINDOW)).isInstanceOfSatisfying(PullException.class, e -> {
            assertThat(e.kind()).isEqualTo(PullException.Kind.CONFIGURATION);
            assertThat(e.getMessage()).contains("HTTP 404").contains("rebatch.platforms.taobao.endpoint");
        });
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void pastTheLastPageNoThePullGoesOnFromTheLastModifiedTime() throws Exception {
        String o = "{\"publisher_order_dto\":[%s,%s]}";
        server.enqueue(ok(taobaoPage(o.formatted(Bodies.taobaoOrder("1", "2026-11-24 09:10:00"), Bodies.taobaoOrder("2", "2026-11-24 09:20:00")), true, 1, "a|b")));
        server.enqueue(ok(taobaoPage(o.formatted(Bodies.taobaoOrder("3", "2026-11-24 09:20:00"), Bodies.taobaoOrder("4", "2026-11-24 09:40:05")), true, 2, "c|d")));
        server.enqueue(ok(taobaoPage(o.formatted(Bodies.taobaoOrder("4", "2026-11-24 09:40:05"), Bodies.taobaoOrder("5", "2026-11-24 11:00:00")), false, 1, "e|f")));
        WindowResult r = run(pull(settings().maxPageNo(2).build()), WINDOW);
        assertThat(r.requests()).isEqualTo(3);
        assertThat(r.window()).isEqualTo(WINDOW);
        List<Map<String, String>> req = requests();
        assertThat(req.get(2)).containsEntry("start_time", "2026-11-24 09:40:05").containsEntry("end_time", "2026-11-24 12:00:00")
                .containsEntry("page_no", "1").doesNotContainKey("position_index");
    }

    @Test
    void pastTheLastPageNoWithoutTimeOrderTheWindowIsPulledAgainAsTwoHalves() throws Exception {
        server.enqueue(ok(taobaoPage(taobaoOrders("1"), true, 1, "a|b")));
        server.enqueue(ok(taobaoPage(taobaoOrders("2"), true, 2, "c|d")));
        server.enqueue(ok(taobaoPage(taobaoOrders("1"), false, 1, "e|f")));
        server.enqueue(ok(taobaoPage(taobaoOrders("2", "3"), false, 1, "g|h")));
        WindowResult r = run(pull(settings().maxPageNo(2).build()), WINDOW);
        assertThat(r.requests()).isEqualTo(4);
        assertThat(r.rows()).isEqualTo(5);
        List<Map<String, String>> req = requests();
        assertThat(req.get(2)).containsEntry("start_time", "2026-11-24 09:00:00").containsEntry("end_time", "2026-11-24 10:30:00")
                .containsEntry("page_no", "1").doesNotContainKey("position_index");
        assertThat(req.get(3)).containsEntry("start_time", "2026-11-24 10:30:00").containsEntry("end_time", "2026-11-24 12:00:00");
    }

    @Test
    void endlessEmptyPagesWithHasNextAreAProtocolError() {
        server.enqueue(ok(taobaoPage(null, true, 1, "a|b")));
        server.enqueue(ok(taobaoPage(null, true, 2, "a|b")));
        assertThatThrownBy(() -> run(pull(settings().maxPageNo(2).build()), WINDOW)).isInstanceOfSatisfying(PullException.class, e -> {
            assertThat(e.kind()).isEqualTo(PullException.Kind.PROTOCOL);
            assertThat(e.getMessage()).contains("held no rows");
        });
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void theRateCapSpacesRequestsInRealTime() {
        for (int i = 1; i <= 10; i++) {
            server.enqueue(ok(taobaoPage(null, i < 10, i, "p" + i)));
        }
        PullRuntime real = PullRuntime.builder().clock(CLOCK).sleeper(Sleeper.SYSTEM).build();
        TaobaoOrderPull p = new TaobaoOrderPull(settings().rateCapPerSecond(20).build(), real);
        long t0 = System.nanoTime();
        WindowResult r = run(p, WINDOW);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertThat(r.requests()).isEqualTo(10);
        assertThat(took).as("10 requests at 20/s need 9 gaps of 50 ms").isGreaterThanOrEqualTo(Duration.ofMillis(450));
    }

    @Test
    void windowsAreThreeHoursAndTwentyMinutesInsidePromotions() {
        Instant d = BusinessTime.parseLocal("2026-11-10 00:00:00");
        TaobaoOrderPull plain = pull(settings().build());
        List<TimeWindow> day = plain.windows(d, d.plus(Duration.ofDays(1)));
        assertThat(day).hasSize(8).allMatch(w -> w.length().equals(Duration.ofHours(3)));

        TimeWindow double11 = new TimeWindow(BusinessTime.parseLocal("2026-11-11 00:00:00"), BusinessTime.parseLocal("2026-11-12 00:00:00"));
        TaobaoOrderPull promo = pull(settings().promotionPeriod(double11).build());
        List<TimeWindow> ws = promo.windows(BusinessTime.parseLocal("2026-11-10 22:00:00"), BusinessTime.parseLocal("2026-11-12 01:00:00"));
        assertThat(ws.get(0)).hasToString("2026-11-10 22:00:00..2026-11-11 00:00:00");
        assertThat(ws.subList(1, ws.size() - 1)).hasSize(72).allMatch(w -> w.length().equals(Duration.ofMinutes(20)));
        assertThat(ws.get(ws.size() - 1)).hasToString("2026-11-12 00:00:00..2026-11-12 01:00:00");
        for (int i = 1; i < ws.size(); i++) {
            assertThat(ws.get(i).start()).isEqualTo(ws.get(i - 1).end());
        }
    }

    @Test
    void settingsPrintWithoutTheSecretAndRejectLimitsBeyondThePlatforms() {
        TaobaoSettings s = settings().build();
        assertThat(s.toString()).doesNotContain(SECRET).contains("appSecret=******").contains("appKey=tb-key");
        assertThat(pull(s).toString()).doesNotContain(SECRET);
        assertThatThrownBy(() -> settings().maxWindow(Duration.ofHours(4)).build()).hasMessageContaining("rebatch.platforms.taobao.window");
        assertThatThrownBy(() -> settings().pageSize(101).build()).hasMessageContaining("page-size");
        assertThat(TaobaoSettings.defaults().endpoint()).hasToString("https://eco.taobao.com/router/rest");
    }
}
