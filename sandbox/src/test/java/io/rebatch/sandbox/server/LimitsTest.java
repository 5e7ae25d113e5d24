package io.rebatch.sandbox.server;

import io.rebatch.domain.BusinessTime;
import io.rebatch.domain.Platform;
import io.rebatch.sandbox.generator.ScenarioGenerator;
import io.rebatch.sandbox.generator.ScenarioSpec;
import io.rebatch.sandbox.jd.JdGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Over-long windows and over-large pages get each platform's own error. */
class LimitsTest {
    static SandboxServer server;
    static TestClient client;
    static final Instant T0 = BusinessTime.parseLocal("2026-11-20 08:00:00");

    @BeforeAll
    static void start() {
        server = SandboxServer.builder().scenario(new ScenarioGenerator(ScenarioSpec.builder().seed(2).orders(200)
                        .from(LocalDate.of(2026, 11, 5)).to(LocalDate.of(2026, 11, 22)).build()))
                .promotionPeriod(LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 11))
                .build().start();
        client = new TestClient(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode topError(JsonNode body) {
        return body.get("error_response");
    }

    @Test
    void taobaoWindowsLongerThanThreeHoursOrTwentyMinutesInAPromotionAreError2007() {
        assertThat(client.taobaoOrders(T0, T0.plusSeconds(3 * 3600), 1, 20, null, 1).has("tbk_order_details_get_response")).isTrue();
        JsonNode e = topError(client.taobaoOrders(T0, T0.plusSeconds(3 * 3600 + 1), 1, 20, null, 1));
        assertThat(e.get("code").asInt()).isEqualTo(15);
        assertThat(e.get("sub_code").asString()).isEqualTo("2007");

        Instant promo = BusinessTime.parseLocal("2026-11-11 00:00:00");
        assertThat(client.taobaoOrders(promo, promo.plusSeconds(20 * 60), 1, 20, null, 1).has("tbk_order_details_get_response")).isTrue();
        assertThat(topError(client.taobaoOrders(promo, promo.plusSeconds(21 * 60), 1, 20, null, 1)).get("sub_code").asString())
                .isEqualTo("2007");
        // a window that only touches the promotion's start is limited too
        Instant before = BusinessTime.parseLocal("2026-11-09 23:30:00");
        assertThat(topError(client.taobaoOrders(before, before.plusSeconds(3600), 1, 20, null, 1)).get("sub_code").asString())
                .isEqualTo("2007");
    }

    @Test
    void taobaoPageSizeAbove100AndBadArgumentsAreRejected() {
        assertThat(client.taobaoOrders(T0, T0.plusSeconds(3600), 1, 100, null, 1).has("tbk_order_details_get_response")).isTrue();
        JsonNode e = topError(client.taobaoOrders(T0, T0.plusSeconds(3600), 1, 101, null, 1));
        assertThat(e.get("code").asInt()).isEqualTo(41);
        assertThat(e.get("sub_code").asString()).startsWith("isv.invalid-parameter");
        assertThat(topError(client.taobaoOrders(T0, T0.plusSeconds(3600), 2, 20, "not-a-cursor", 1)).get("sub_code").asString())
                .isEqualTo("1008");
        assertThat(topError(client.taobaoOrders(T0.plusSeconds(60), T0, 1, 20, null, 1)).get("sub_code").asString())
                .isEqualTo("2002");
        Map<String, String> missing = new LinkedHashMap<>();
        missing.put("end_time", "2026-11-20 09:00:00");
        JsonNode m = TestClient.json(client.post(server.url(Platform.TAOBAO), client.top("taobao.tbk.order.details.get", missing)));
        assertThat(m.get("error_response").get("code").asInt()).isEqualTo(40);
        JsonNode unknown = TestClient.json(client.post(server.url(Platform.TAOBAO), client.top("taobao.tbk.item.get", Map.of())));
        assertThat(unknown.get("error_response").get("code").asInt()).isEqualTo(22);
    }

    @Test
    void jdWindowsLongerThanAnHourAndPagesAbove500AreBusinessErrorsInsideQueryResult() {
        assertThat(client.jdOrders(T0, T0.plusSeconds(3600), 1, 500).get("code").asInt()).isEqualTo(200);
        JsonNode tooLong = client.jdOrders(T0, T0.plusSeconds(3601), 1, 100);
        assertThat(tooLong.get("code").asInt()).isEqualTo(JdGateway.PARAM_ERROR);
        assertThat(tooLong.get("message").asString()).contains("1小时");
        assertThat(tooLong.has("data")).isFalse();
        JsonNode tooBig = client.jdOrders(T0, T0.plusSeconds(600), 1, 501);
        assertThat(tooBig.get("code").asInt()).isEqualTo(JdGateway.PARAM_ERROR);
        assertThat(tooBig.get("message").asString()).contains("pageSize");
        // the gateway itself said "0": the error is a business one
        String raw = client.post(server.url(Platform.JD), client.jd(TestClient.jdOrderReq(T0, T0.plusSeconds(3601), 1, 100))).body();
        assertThat(TestClient.json(client.post(server.url(Platform.JD), client.jd(TestClient.jdOrderReq(T0, T0.plusSeconds(3601), 1, 100))))
                .get("jd_union_open_order_row_query_responce").get("code").asString()).isEqualTo("0");
        assertThat(raw).contains("jd_union_open_order_row_query_responce");
    }

    @Test
    void pddWindowsLongerThan24HoursAndPageSizesOutside10To100AreError10000() {
        assertThat(client.pddOrders(T0, T0.plusSeconds(86_400), 1, 10).has("order_list_get_response")).isTrue();
        assertThat(client.pddOrders(T0, T0.plusSeconds(86_400), 1, 100).has("order_list_get_response")).isTrue();
        JsonNode tooLong = client.pddOrders(T0, T0.plusSeconds(86_401), 1, 50).get("error_response");
        assertThat(tooLong.get("error_code").asInt()).isEqualTo(10000);
        assertThat(tooLong.get("sub_msg").asString()).contains("24");
        assertThat(client.pddOrders(T0, T0.plusSeconds(3600), 1, 9).get("error_response").get("error_code").asInt()).isEqualTo(10000);
        assertThat(client.pddOrders(T0, T0.plusSeconds(3600), 1, 101).get("error_response").get("error_code").asInt()).isEqualTo(10000);
        assertThat(server.counters(Platform.PDD).rejected()).isGreaterThanOrEqualTo(3);
    }
}
