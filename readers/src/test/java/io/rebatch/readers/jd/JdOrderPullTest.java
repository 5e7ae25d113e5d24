package io.rebatch.readers.jd;

import static io.rebatch.readers.api.Bodies.jdGatewayError;
import static io.rebatch.readers.api.Bodies.jdPage;
import static io.rebatch.readers.api.Bodies.jdRow;
import static io.rebatch.readers.api.Bodies.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rebatch.domain.BusinessTime;
import io.rebatch.readers.api.Bodies;
import io.rebatch.readers.api.FakeTime;
import io.rebatch.readers.api.Forms;
import io.rebatch.readers.api.PullException;
import io.rebatch.readers.api.TimeWindow;
import io.rebatch.readers.api.WindowResult;
import io.rebatch.readers.report.ReportRow;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** jd.union.open.order.row.query against mockwebserver3. */
class JdOrderPullTest {
    static final String SECRET = "jd-SECRET-fedcba9876543210";
    static final TimeWindow HOUR = new TimeWindow(BusinessTime.parseLocal("2026-11-24 13:00:00"), BusinessTime.parseLocal("2026-11-24 14:00:00"));

    @StartStop
    public final MockWebServer server = new MockWebServer();
    final FakeTime time = new FakeTime();
    final List<String> bodies = new ArrayList<>();
    final List<ReportRow> rows = new ArrayList<>();

    JdOrderPull pull() {
        JdSettings s = JdSettingsBuilder.builder().endpoint(server.url("/routerjson").uri()).appKey("jd-key").appSecret(SECRET).build();
        return new JdOrderPull(s, time.runtime().clock(Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneOffset.UTC)).build());
    }

    WindowResult run(JdOrderPull p) {
        return p.pull(HOUR, (b, page) -> {
            bodies.add(b);
            rows.addAll(page.rows());
        });
    }

    @Test
    void bothEnvelopeSpellingsAndNullDataArePages_pagingWhileHasMore() throws Exception {
        String p1 = jdPage("responce", true, "[" + jdRow("901829635483013120") + "," + jdRow("901829635483013121") + "]");
        String p2 = jdPage("response", true, "[" + jdRow("901829635483013122") + "]");
        String p3 = jdPage("responce", false, null);                  // data: null on the last, empty page
        server.enqueue(ok(p1));
        server.enqueue(ok(p2));
        server.enqueue(ok(p3));
        WindowResult r = run(pull());
        assertThat(bodies).containsExactly(p1, p2, p3);
        assertThat(r.rows()).isEqualTo(3);
        assertThat(rows).allMatch(x -> x instanceof ReportRow.Snapshot);

        JsonMapper json = JsonMapper.builder().build();
        for (int i = 1; i <= 3; i++) {
            RecordedRequest req = server.takeRequest(1, TimeUnit.SECONDS);
            assertThat(req.getBody().utf8() + req.getTarget() + req.getHeaders()).doesNotContain(SECRET);
            Map<String, String> q = Forms.params(req);
            assertThat(q).containsEntry("method", "jd.union.open.order.row.query").containsEntry("app_key", "jd-key")
                    .containsEntry("timestamp", "2026-11-25 10:00:00").containsEntry("format", "json")
                    .containsEntry("v", "1.0").containsEntry("sign_method", "md5");
            JsonNode req1 = json.readTree(q.get("360buy_param_json")).get("orderReq");
            assertThat(req1.get("pageIndex").asInt()).isEqualTo(i);
            assertThat(req1.get("pageSize").asInt()).isEqualTo(500);
            assertThat(req1.get("type").asInt()).isEqualTo(3);
            Instant a = BusinessTime.parseLocal(req1.get("startTime").asString());
            Instant b = BusinessTime.parseLocal(req1.get("endTime").asString());
            assertThat(Duration.between(a, b)).isLessThanOrEqualTo(Duration.ofHours(1)).isPositive();
            assertThat(q.get("sign")).isEqualTo(Forms.md5Wrapped(q, SECRET));
        }
    }

    @Test
    void anEmptyWindowWithoutData() {
        String empty = "{\"jd_union_open_order_row_query_responce\":{\"code\":\"0\",\"queryResult\":\"{\\\"code\\\":200,\\\"message\\\":\\\"success\\\",\\\"hasMore\\\":false}\"}}";
        server.enqueue(ok(empty));
        WindowResult r = run(pull());
        assertThat(r.pages()).isEqualTo(1);
        assertThat(r.rows()).isZero();
    }

    @Test
    void gatewayThrottlingAnd5xxAreRetried() {
        String good = jdPage("responce", false, "[" + jdRow("901829635483013120") + "]");
        server.enqueue(ok(jdGatewayError("2", "调用次数超过限制", "App Call Limited")));
        server.enqueue(Bodies.html(504, Bodies.PROXY_502));
        server.enqueue(ok(good));
        WindowResult r = run(pull());
        assertThat(r.requests()).isEqualTo(3);
        assertThat(r.throttled()).isEqualTo(1);
        assertThat(bodies).containsExactly(good);
        assertThat(time.sleepsOfAtLeast(Duration.ofMillis(100))).hasSize(2);
    }

    @Test
    void badSignatureAndAppKeyFailFast() {
        server.enqueue(ok(jdGatewayError("12", "无效签名", "Invalid Signature")));
        assertThatThrownBy(() -> run(pull())).isInstanceOfSatisfying(PullException.class, e -> {
            assertThat(e.kind()).isEqualTo(PullException.Kind.CONFIGURATION);
            assertThat(e.getMessage()).contains("JD error 12").contains("rebatch.platforms.jd.app-secret").doesNotContain(SECRET);
        });
        server.enqueue(ok(jdGatewayError("19", "无效的app_key", "Invalid app_key")));
        assertThatThrownBy(() -> run(pull())).isInstanceOfSatisfying(PullException.class,
                e -> assertThat(e.getMessage()).contains("rebatch.platforms.jd.app-key"));
        String business = "{\"jd_union_open_order_row_query_responce\":{\"code\":\"0\",\"queryResult\":\"{\\\"code\\\":400,\\\"message\\\":\\\"参数错误: pageSize取值范围1-500\\\"}\"}}";
        server.enqueue(ok(business));
        assertThatThrownBy(() -> run(pull())).isInstanceOfSatisfying(PullException.class, e -> {
            assertThat(e.kind()).isEqualTo(PullException.Kind.PROTOCOL);
            assertThat(e.getMessage()).contains("pageSize取值范围1-500");
        });
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void windowsAreAnHour() {
        Instant d = BusinessTime.parseLocal("2026-11-24 00:00:00");
        assertThat(pull().windows(d.minus(Duration.ofMinutes(90)), d.plus(Duration.ofDays(1))))
                .hasSize(26).allMatch(w -> w.length().compareTo(Duration.ofHours(1)) <= 0);
    }
}
