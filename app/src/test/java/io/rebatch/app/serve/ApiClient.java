package io.rebatch.app.serve;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The app's side of the wire: JDK {@link HttpClient} requests over a real socket to the served API. When built
 * with an {@link OpenApiContract}, every answer to an operation the document describes is checked against it
 * before the test sees it (status documented, media type, body valid with no undocumented field), so every REST
 * test is a contract test too.
 */
final class ApiClient {
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** One answer: status, headers, body text and the body parsed as JSON (null when it is not JSON). */
    record Reply(String method, String path, int status, Map<String, List<String>> headers, String body, JsonNode json) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }

        String contentType() {
            String ct = header("Content-Type");
            return ct == null ? "" : ct;
        }

        /** The problem's {@code reason}, or null when this is not a problem. */
        String reason() {
            return json == null || json.get("reason") == null ? null : json.get("reason").asString();
        }

        @Override
        public String toString() {
            return method + " " + path + " -> " + status + " " + body;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final OpenApiContract contract;

    ApiClient(URI base, OpenApiContract contract) {
        this.base = base;
        this.contract = contract;
    }

    URI base() {
        return base;
    }

    Reply get(String pathAndQuery, String token) {
        return send("GET", pathAndQuery, token, Map.of(), null);
    }

    Reply post(String pathAndQuery, String token, Map<String, String> headers, String jsonBody) {
        return send("POST", pathAndQuery, token, headers, jsonBody);
    }

    /** A withdrawal request as the app sends it. */
    Reply withdraw(String token, String idempotencyKey, long amountFen, String account, String name) {
        String body = JSON.writeValueAsString(Map.of("amount_fen", amountFen, "payee_account", account,
                "payee_name", name));
        return post("/api/v1/me/withdrawals", token, Map.of("Idempotency-Key", idempotencyKey,
                "Content-Type", "application/json"), body);
    }

    /** Sends a request; {@code token} null sends no Authorization header, otherwise {@code Bearer token}. */
    Reply send(String method, String pathAndQuery, String token, Map<String, String> headers, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::header);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        HttpResponse<String> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + pathAndQuery + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        String path = URI.create(pathAndQuery).getPath();
        JsonNode json = null;
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (type.contains("json") && !r.body().isEmpty()) {
            json = JSON.readTree(r.body());
        }
        Reply reply = new Reply(method, path, r.statusCode(), r.headers().map(), r.body(), json);
        if (contract != null) {
            contract.check(reply);
        }
        return reply;
    }
}
