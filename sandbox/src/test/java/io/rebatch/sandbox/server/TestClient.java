package io.rebatch.sandbox.server;

import io.rebatch.domain.Platform;
import io.rebatch.domain.BusinessTime;
import io.rebatch.sandbox.TestJson;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A plain java.net.http client that signs requests the way each platform's SDK does. */
public final class TestClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final SandboxServer server;
    public static final String NOW = BusinessTime.formatLocal(Instant.parse("2026-11-25T02:00:00Z"));

    public TestClient(SandboxServer server) {
        this.server = server;
    }

    public static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public HttpResponse<String> post(URI uri, Map<String, String> params) {
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded;charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(form(params))).build();
        return send(req);
    }

    public HttpResponse<String> get(URI uri, Map<String, String> params) {
        return send(HttpRequest.newBuilder(URI.create(uri + "?" + form(params))).timeout(Duration.ofSeconds(20)).GET().build());
    }

    private HttpResponse<String> send(HttpRequest req) {
        try {
            return http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(HttpResponse<String> r) {
        return TestJson.parse(r.body());
    }

    public Map<String, String> top(String method, Map<String, String> business) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("method", method);
        p.put("app_key", server.credentials(io.rebatch.domain.Platform.TAOBAO).key());
        p.put("timestamp", NOW);
        p.put("format", "json");
        p.put("v", "2.0");
        p.put("sign_method", "md5");
        p.putAll(business);
        p.put("sign", Signatures.top(p, server.credentials(io.rebatch.domain.Platform.TAOBAO).secret(), "md5"));
        return p;
    }

    public JsonNode taobaoOrders(Instant start, Instant end, int pageNo, int pageSize, String positionIndex, int jumpType) {
        Map<String, String> b = new LinkedHashMap<>();
        b.put("query_type", "4");
        b.put("start_time", BusinessTime.formatLocal(start));
        b.put("end_time", BusinessTime.formatLocal(end));
        b.put("page_no", Integer.toString(pageNo));
        b.put("page_size", Integer.toString(pageSize));
        if (positionIndex != null) {
            b.put("position_index", positionIndex);
            b.put("jump_type", Integer.toString(jumpType));
        }
        return json(post(server.url(Platform.TAOBAO), top("taobao.tbk.order.details.get", b)));
    }

    public Map<String, String> jd(String paramJson) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("method", "jd.union.open.order.row.query");
        p.put("app_key", server.credentials(io.rebatch.domain.Platform.JD).key());
        p.put("timestamp", NOW);
        p.put("format", "json");
        p.put("v", "1.0");
        p.put("sign_method", "md5");
        p.put("360buy_param_json", paramJson);
        p.put("sign", Signatures.md5Wrapped(p, server.credentials(io.rebatch.domain.Platform.JD).secret()));
        return p;
    }

    public static String jdOrderReq(Instant start, Instant end, int pageIndex, int pageSize) {
        return "{\"orderReq\":{\"pageIndex\":" + pageIndex + ",\"pageSize\":" + pageSize + ",\"type\":3,\"startTime\":\""
                + BusinessTime.formatLocal(start) + "\",\"endTime\":\"" + BusinessTime.formatLocal(end) + "\"}}";
    }

    /** The parsed queryResult of a JD answer (or the gateway error_response). */
    public JsonNode jdOrders(Instant start, Instant end, int pageIndex, int pageSize) {
        JsonNode outer = json(post(server.url(Platform.JD), jd(jdOrderReq(start, end, pageIndex, pageSize))));
        JsonNode resp = outer.get("jd_union_open_order_row_query_responce");
        return resp == null ? outer : TestJson.parse(resp.get("queryResult").asString());
    }

    public Map<String, String> pdd(Map<String, String> business) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("type", "pdd.ddk.order.list.increment.get");
        p.put("client_id", server.credentials(io.rebatch.domain.Platform.PDD).key());
        p.put("timestamp", "1795572000");
        p.put("data_type", "JSON");
        p.put("version", "V1");
        p.putAll(business);
        p.put("sign", Signatures.md5Wrapped(p, server.credentials(io.rebatch.domain.Platform.PDD).secret()));
        return p;
    }

    public JsonNode pddOrders(Instant start, Instant end, int page, int pageSize) {
        Map<String, String> b = new LinkedHashMap<>();
        b.put("start_update_time", Long.toString(start.getEpochSecond()));
        b.put("end_update_time", Long.toString(end.getEpochSecond()));
        b.put("page", Integer.toString(page));
        b.put("page_size", Integer.toString(pageSize));
        return json(post(server.url(Platform.PDD), pdd(b)));
    }
}
