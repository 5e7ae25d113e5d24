package io.rebatch.sandbox.server;

import io.rebatch.domain.Platform;
import io.rebatch.sandbox.generator.ScenarioGenerator;
import io.rebatch.sandbox.generator.ScenarioSpec;
import io.rebatch.sandbox.pdd.PddGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signatures computed by hand from a written-out string-to-sign are accepted; anything else gets
 * the platform's own error.
 */
class SignatureTest {
    static SandboxServer server;
    static TestClient client;

    @BeforeAll
    static void start() {
        server = SandboxServer.builder().port(0).scenario(new ScenarioGenerator(ScenarioSpec.builder().seed(1)
                .orders(300).from(LocalDate.of(2026, 11, 18)).to(LocalDate.of(2026, 11, 24)).build())).build().start();
        client = new TestClient(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String md5(String s) throws Exception {
        return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    static String mac(String alg, String key, String s) throws Exception {
        Mac mac = Mac.getInstance(alg);
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), alg));
        return HexFormat.of().withUpperCase().formatHex(mac.doFinal(s.getBytes(StandardCharsets.UTF_8)));
    }

    static Map<String, String> topParams(String signMethod) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("method", "taobao.tbk.order.details.get");
        p.put("app_key", "tb-key");
        p.put("timestamp", "2026-11-25 10:00:00");
        p.put("format", "json");
        p.put("v", "2.0");
        p.put("sign_method", signMethod);
        p.put("start_time", "2026-11-20 00:00:00");
        p.put("end_time", "2026-11-20 03:00:00");
        p.put("query_type", "4");
        p.put("page_size", "20");
        p.put("member_type", ""); // empty values are left out of the signature
        return p;
    }

    static String topQuery(String signMethod) {
        return "app_keytb-key" + "end_time2026-11-20 03:00:00" + "formatjson" + "methodtaobao.tbk.order.details.get"
                + "page_size20" + "query_type4" + "sign_method" + signMethod + "start_time2026-11-20 00:00:00"
                + "timestamp2026-11-25 10:00:00" + "v2.0";
    }

    static JsonNode error(HttpResponse<String> r) {
        return TestClient.json(r).get("error_response");
    }

    @Test
    void topAcceptsMd5HmacAndHmacSha256SignedByHand() throws Exception {
        Map<String, String> md5 = topParams("md5");
        md5.put("sign", md5("tb-secret" + topQuery("md5") + "tb-secret"));
        assertThat(TestClient.json(client.post(server.url(Platform.TAOBAO), md5)).has("tbk_order_details_get_response")).isTrue();

        Map<String, String> hmac = topParams("hmac");
        hmac.put("sign", mac("HmacMD5", "tb-secret", topQuery("hmac")));
        assertThat(TestClient.json(client.post(server.url(Platform.TAOBAO), hmac)).has("tbk_order_details_get_response")).isTrue();

        Map<String, String> sha = topParams("hmac-sha256");
        sha.put("sign", mac("HmacSHA256", "tb-secret", topQuery("hmac-sha256")));
        assertThat(TestClient.json(client.get(server.url(Platform.TAOBAO), sha)).has("tbk_order_details_get_response")).isTrue();
    }

    @Test
    void topRejectsABadSignatureAnUnknownAppKeyAndABadTimestamp() throws Exception {
        Map<String, String> wrongSecret = topParams("md5");
        wrongSecret.put("sign", md5("other-secret" + topQuery("md5") + "other-secret"));
        JsonNode e = error(client.post(server.url(Platform.TAOBAO), wrongSecret));
        assertThat(e.get("code").asInt()).isEqualTo(25);
        assertThat(e.get("request_id").asString()).isNotEmpty();

        Map<String, String> hmacSignedAsMd5 = topParams("hmac");
        hmacSignedAsMd5.put("sign", md5("tb-secret" + topQuery("hmac") + "tb-secret"));
        assertThat(error(client.post(server.url(Platform.TAOBAO), hmacSignedAsMd5)).get("code").asInt()).isEqualTo(25);

        Map<String, String> lowercase = topParams("md5");
        lowercase.put("sign", md5("tb-secret" + topQuery("md5") + "tb-secret").toLowerCase());
        assertThat(error(client.post(server.url(Platform.TAOBAO), lowercase)).get("code").asInt()).isEqualTo(25);

        Map<String, String> unknownApp = topParams("md5");
        unknownApp.put("app_key", "nobody");
        unknownApp.put("sign", "00");
        assertThat(error(client.post(server.url(Platform.TAOBAO), unknownApp)).get("code").asInt()).isEqualTo(29);

        Map<String, String> badTime = topParams("md5");
        badTime.put("timestamp", "2026/11/25 10:00");
        badTime.put("sign", md5("tb-secret" + topQuery("md5").replace("timestamp2026-11-25 10:00:00",
                "timestamp2026/11/25 10:00") + "tb-secret"));
        assertThat(error(client.post(server.url(Platform.TAOBAO), badTime)).get("code").asInt()).isEqualTo(31);
        assertThat(server.counters(io.rebatch.domain.Platform.TAOBAO).rejected()).isGreaterThanOrEqualTo(5);
    }

    static final String JD_PARAM = "{\"orderReq\":{\"pageIndex\":1,\"pageSize\":100,\"type\":3,"
            + "\"startTime\":\"2026-11-20 10:00:00\",\"endTime\":\"2026-11-20 11:00:00\"}}";

    static Map<String, String> jdParams(String timestamp) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("method", "jd.union.open.order.row.query");
        p.put("app_key", "jd-key");
        p.put("timestamp", timestamp);
        p.put("format", "json");
        p.put("v", "1.0");
        p.put("sign_method", "md5");
        p.put("360buy_param_json", JD_PARAM);
        return p;
    }

    static String jdString(String timestamp) {
        return "jd-secret" + "360buy_param_json" + JD_PARAM + "app_keyjd-key" + "formatjson"
                + "methodjd.union.open.order.row.query" + "sign_methodmd5" + "timestamp" + timestamp + "v1.0" + "jd-secret";
    }

    @Test
    void jdAcceptsAHandSignedRequestAndAnswersGatewayErrorsOtherwise() throws Exception {
        Map<String, String> ok = jdParams("2026-11-25 10:00:00");
        ok.put("sign", md5(jdString("2026-11-25 10:00:00")));
        JsonNode body = TestClient.json(client.post(server.url(Platform.JD), ok));
        JsonNode resp = body.get("jd_union_open_order_row_query_responce");
        assertThat(resp.get("code").asString()).isEqualTo("0");
        assertThat(io.rebatch.sandbox.TestJson.parse(resp.get("queryResult").asString()).get("code").asInt()).isEqualTo(200);

        Map<String, String> bad = jdParams("2026-11-25 10:00:00");
        bad.put("sign", md5(jdString("2026-11-25 10:00:00")).substring(1) + "0");
        assertThat(error(client.post(server.url(Platform.JD), bad)).get("code").asString()).isEqualTo("12");

        Map<String, String> unknownApp = jdParams("2026-11-25 10:00:00");
        unknownApp.put("app_key", "nobody");
        unknownApp.put("sign", md5(jdString("2026-11-25 10:00:00")));
        assertThat(error(client.post(server.url(Platform.JD), unknownApp)).get("code").asString()).isEqualTo("19");

        Map<String, String> badTime = jdParams("1795572000");
        badTime.put("sign", md5(jdString("1795572000")));
        assertThat(error(client.post(server.url(Platform.JD), badTime)).get("code").asString()).isEqualTo("8");
    }

    static Map<String, String> pddParams(String timestamp) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("type", "pdd.ddk.order.list.increment.get");
        p.put("client_id", "pdd-client");
        p.put("timestamp", timestamp);
        p.put("data_type", "JSON");
        p.put("version", "V1");
        p.put("start_update_time", "1795190400"); // 2026-11-21 00:00:00 +08:00
        p.put("end_update_time", "1795276800");
        p.put("page", "1");
        p.put("page_size", "50");
        return p;
    }

    static String pddString(String timestamp) {
        return "pdd-secret" + "client_idpdd-client" + "data_typeJSON" + "end_update_time1795276800" + "page1"
                + "page_size50" + "start_update_time1795190400" + "timestamp" + timestamp
                + "typepdd.ddk.order.list.increment.get" + "versionV1" + "pdd-secret";
    }

    @Test
    void pddAcceptsAHandSignedRequestAndAnswersErrorCodesOtherwise() throws Exception {
        Map<String, String> ok = pddParams("1795572000");
        ok.put("sign", md5(pddString("1795572000")));
        JsonNode body = TestClient.json(client.post(server.url(Platform.PDD), ok));
        assertThat(body.get("order_list_get_response").get("total_count").asLong()).isPositive();

        Map<String, String> bad = pddParams("1795572000");
        bad.put("sign", md5("pdd-secret" + pddString("1795572000")));
        assertThat(error(client.post(server.url(Platform.PDD), bad)).get("error_code").asInt()).isEqualTo(PddGateway.INVALID_SIGN);

        Map<String, String> unknown = pddParams("1795572000");
        unknown.put("client_id", "nobody");
        unknown.put("sign", md5(pddString("1795572000")));
        assertThat(error(client.post(server.url(Platform.PDD), unknown)).get("error_code").asInt()).isEqualTo(PddGateway.INVALID_CLIENT_ID);

        Map<String, String> badTime = pddParams("2026-11-25 10:00:00");
        badTime.put("sign", md5(pddString("2026-11-25 10:00:00")));
        JsonNode e = error(client.post(server.url(Platform.PDD), badTime));
        assertThat(e.get("error_code").asInt()).isEqualTo(10000);
        assertThat(e.get("error_msg").asString()).contains("timestamp");
    }

    @Test
    void aConfiguredToleranceRejectsStaleTimestamps() throws Exception {
        java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2026-11-25T02:00:00Z"), java.time.ZoneOffset.UTC);
        try (SandboxServer strict = SandboxServer.builder().scenario(server.generator())
                .timestampTolerance(clock, java.time.Duration.ofMinutes(10)).build().start()) {
            TestClient c = new TestClient(strict);
            Map<String, String> fresh = topParams("md5"); // 2026-11-25 10:00:00 +08:00 = the clock
            fresh.put("sign", md5("tb-secret" + topQuery("md5") + "tb-secret"));
            assertThat(TestClient.json(c.post(strict.url(Platform.TAOBAO), fresh)).has("tbk_order_details_get_response")).isTrue();
            Map<String, String> stale = topParams("md5");
            stale.put("timestamp", "2026-11-25 09:49:59");
            stale.put("sign", md5("tb-secret" + topQuery("md5").replace("10:00:00", "09:49:59") + "tb-secret"));
            assertThat(error(c.post(strict.url(Platform.TAOBAO), stale)).get("code").asInt()).isEqualTo(31);
        }
    }
}
