package io.rebatch.sandbox.server;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The parameters of a gateway request: the URL query plus, for a POST, the
 * {@code application/x-www-form-urlencoded} body (the gateways accept both; the body wins on a
 * clash). The first value of a repeated name counts.
 */
final class RequestParams {
    private RequestParams() {
    }

    static Map<String, String> of(HttpExchange exchange) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        if (rawQuery != null) {
            parse(rawQuery, StandardCharsets.UTF_8, params);
        }
        if ("POST".equalsIgnoreCase(exchange.getRequestMethod())) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            Charset cs = charset(contentType);
            if (body.length > 0 && (contentType == null
                    || contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded"))) {
                Map<String, String> form = new LinkedHashMap<>();
                parse(new String(body, cs), cs, form);
                params.putAll(form);
            }
        }
        return params;
    }

    private static Charset charset(String contentType) {
        if (contentType != null) {
            for (String part : contentType.split(";")) {
                String p = part.trim();
                if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                    try {
                        return Charset.forName(p.substring(8).trim().replace("\"", ""));
                    } catch (RuntimeException e) {
                        return StandardCharsets.UTF_8;
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static void parse(String text, Charset cs, Map<String, String> into) {
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), cs);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), cs);
            into.putIfAbsent(k, v);
        }
    }
}
