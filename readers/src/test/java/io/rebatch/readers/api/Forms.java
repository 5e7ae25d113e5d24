package io.rebatch.readers.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import mockwebserver3.RecordedRequest;

/** Reads a recorded form POST back into its parameters. */
public final class Forms {
    private Forms() {
    }

    public static Map<String, String> parse(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return out;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    public static Map<String, String> params(RecordedRequest r) {
        return parse(r.getBody() == null ? "" : r.getBody().utf8());
    }

    /**
     * The MD5 signature JD and PDD expect, computed here independently of the client: every parameter but
     * {@code sign}, sorted, key+value, wrapped in the secret, upper-case hex.
     */
    public static String md5Wrapped(Map<String, String> params, String secret) throws java.security.NoSuchAlgorithmException {
        StringBuilder s = new StringBuilder();
        new java.util.TreeMap<>(params).forEach((k, v) -> {
            if (!k.equals("sign")) {
                s.append(k).append(v);
            }
        });
        return java.util.HexFormat.of().withUpperCase().formatHex(java.security.MessageDigest.getInstance("MD5")
                .digest((secret + s + secret).getBytes(StandardCharsets.UTF_8)));
    }
}
