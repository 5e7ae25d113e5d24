package io.rebatch.readers.taobao;

import static io.rebatch.readers.api.Bodies.ok;
import static io.rebatch.readers.api.Bodies.topError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rebatch.domain.BusinessTime;
import io.rebatch.readers.api.FakeTime;
import io.rebatch.readers.api.Forms;
import io.rebatch.readers.api.PullException;
import io.rebatch.readers.api.PullRuntime;
import io.rebatch.readers.api.TimeWindow;
import io.rebatch.readers.api.WindowResult;
import io.rebatch.readers.report.ReportRow;
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

/** taobao.tbk.relation.refund: search_option, paging by page_no up to total_count, errors. */
class TaobaoRefundPullTest {
    static final TimeWindow DAY = new TimeWindow(BusinessTime.parseLocal("2026-10-31 00:00:00"), BusinessTime.parseLocal("2026-11-01 00:00:00"));

    @StartStop
    public final MockWebServer server = new MockWebServer();
    final FakeTime time = new FakeTime();
    final List<String> bodies = new ArrayList<>();
    final List<ReportRow> rows = new ArrayList<>();

    TaobaoRefundPull pull(List<Integer> bizTypes) {
        TaobaoSettings s = TaobaoSettingsBuilder.builder().endpoint(server.url("/router/rest").uri()).appKey("k").appSecret("s3cr3t-value")
                .refundPageSize(2).refundBizTypes(bizTypes).build();
        return new TaobaoRefundPull(s, time.runtime().clock(Clock.fixed(Instant.parse("2026-11-01T01:00:00Z"), ZoneOffset.UTC)).build());
    }

    static String refund(long tradeId, int status, String modified) {
        return "{\"tb_trade_id\":" + tradeId + ",\"tb_trade_parent_id\":6018434382747404311,\"refund_status\":" + status
                + ",\"tk_commission_fee_refund_pub\":\"39.4500\",\"tk_subsidy_fee_refund_pub\":\"0.0000\",\"modified_time\":\""
                + modified + "\",\"tk_refund_time\":\"" + modified + "\",\"refund_type\":1,\"tb_auction_title\":\"小米 手环8 NFC版\"}";
    }

    static String page(int pageNo, int total, String... refunds) {
        return "{\"tbk_relation_refund_response\":{\"result\":{\"result_code\":0,\"result_msg\":\"成功\",\"data\":{\"page_no\":\""
                + pageNo + "\",\"page_size\":\"2\",\"total_count\":\"" + total + "\",\"results\":{\"result\":["
                + String.join(",", refunds) + "]}}}}}";
    }

    @Test
    void pagesByPageNoUntilTotalCountIsRead() throws Exception {
        String p1 = page(1, 3, refund(6018434382747404331L, 4, "2026-10-31 01:00:00"), refund(6018434382747404331L, 2, "2026-10-31 02:00:00"));
        String p2 = page(2, 3, refund(8499116140863427139L, 15, "2026-10-31 03:00:00"));
        server.enqueue(ok(p1));
        server.enqueue(ok(p2));
        WindowResult r = pull(List.of(1)).pull(DAY, (b, p) -> {
            bodies.add(b);
            rows.addAll(p.rows());
        });
        assertThat(r.requests()).isEqualTo(2);
        assertThat(r.rows()).isEqualTo(3);
        assertThat(bodies).containsExactly(p1, p2);
        assertThat(rows).allMatch(x -> x instanceof ReportRow.RefundSnapshot);

        JsonMapper json = JsonMapper.builder().build();
        for (int i = 1; i <= 2; i++) {
            RecordedRequest req = server.takeRequest(1, TimeUnit.SECONDS);
            Map<String, String> q = Forms.params(req);
            assertThat(q).containsEntry("method", "taobao.tbk.relation.refund").containsKey("sign");
            assertThat(req.getBody().utf8()).doesNotContain("s3cr3t-value");
            JsonNode o = json.readTree(q.get("search_option"));
            assertThat(o.get("page_no").asInt()).isEqualTo(i);
            assertThat(o.get("page_size").asInt()).isEqualTo(2);
            assertThat(o.get("search_type").asInt()).isEqualTo(5);
            assertThat(o.get("refund_type").asInt()).isEqualTo(0);
            assertThat(o.get("biz_type").asInt()).isEqualTo(1);
            assertThat(o.get("start_time").asString()).isEqualTo("2026-10-31 00:00:00");
        }
    }

    @Test
    void anEmptyPageEndsTheFeed_eachBizTypeIsAPass() throws Exception {
        server.enqueue(ok(page(1, 0)));                                   // biz_type 1: nothing
        server.enqueue(ok(page(1, 0, refund(1L, 4, "2026-10-31 01:00:00"), refund(2L, 4, "2026-10-31 01:00:00")))); // no total given
        server.enqueue(ok(page(2, 0)));                                   // biz_type 2: empty page ends it
        WindowResult r = pull(List.of(1, 2)).pull(DAY, (b, p) -> bodies.add(b));
        assertThat(r.requests()).isEqualTo(3);
        assertThat(r.rows()).isEqualTo(2);
        assertThat(bodies).hasSize(3);
    }

    @Test
    void windowsAreADay_errorsAreTyped() {
        TaobaoRefundPull p = pull(List.of(1));
        Instant a = BusinessTime.parseLocal("2026-10-30 22:00:00");
        assertThat(p.windows(a, a.plus(Duration.ofHours(30)))).extracting(TimeWindow::length)
                .containsExactly(Duration.ofHours(24), Duration.ofHours(6));
        server.enqueue(ok("{\"tbk_relation_refund_response\":{\"result\":{\"result_code\":1,\"result_msg\":\"失败\",\"biz_error_code\":101,\"biz_error_desc\":\"参数错误\"}}}"));
        assertThatThrownBy(() -> p.pull(DAY, (b, pg) -> bodies.add(b))).isInstanceOfSatisfying(PullException.class, e -> {
            assertThat(e.kind()).isEqualTo(PullException.Kind.PROTOCOL);
            assertThat(e.getMessage()).contains("参数错误");
        });
        server.enqueue(ok(topError(7, "App Call Limited", "accesscontrol.limited-by-app-access-count", "This ban will last for 2 more seconds")));
        server.enqueue(ok(page(1, 1, refund(1L, 4, "2026-10-31 01:00:00"))));
        assertThat(p.pull(DAY, (b, pg) -> bodies.add(b)).throttled()).isEqualTo(1);
        assertThat(time.sleepsOfAtLeast(Duration.ofSeconds(2))).hasSize(1);
    }
}
