package io.rebatch.sandbox.server;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Request signatures as the gateways compute them (platforms.md §4): take every parameter except
 * {@code sign}, drop empty values, sort the keys (ASCII), concatenate key+value, then
 * <ul>
 *   <li>TOP {@code md5}: {@code MD5(secret + query + secret)}; {@code hmac}: {@code HmacMD5(secret, query)};
 *       {@code hmac-sha256}: {@code HmacSHA256(secret, query)};</li>
 *   <li>JD and PDD: {@code MD5(secret + query + secret)};</li>
 * </ul>
 * UTF-8, uppercase hex. Dropping empty values follows TOP's published algorithm; the sandbox
 * applies the same rule to JD and PDD (their SDKs do so too).
 *
 * <p>Written apart from the client's {@code io.rebatch.readers.api.Signing} on purpose, though it computes the same:
 * the gateway is the test oracle of the client's signing, and one shared implementation would let a bug in it sign
 * and verify alike (the sandbox depends on nothing but the domain).
 */
public final class Signatures {
    private Signatures() {
    }

    /** The string the signature is computed over: sorted key+value pairs, empty values left out. */
    public static String stringToSign(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(params).entrySet()) {
            if (e.getKey().equals("sign") || e.getValue() == null || e.getValue().isEmpty()) {
                continue;
            }
            sb.append(e.getKey()).append(e.getValue());
        }
        return sb.toString();
    }

    /** TOP signature for {@code sign_method} md5, hmac or hmac-sha256; null for an unknown method. */
    public static String top(Map<String, String> params, String secret, String signMethod) {
        String query = stringToSign(params);
        String method = signMethod == null ? "md5" : signMethod.toLowerCase(Locale.ROOT);
        return switch (method) {
            case "md5" -> md5(secret + query + secret);
            case "hmac" -> hmac("HmacMD5", secret, query);
            case "hmac-sha256" -> hmac("HmacSHA256", secret, query);
            default -> null;
        };
    }

    /** JD (JOS) and Pinduoduo signature: uppercase MD5(secret + sorted k+v + secret). */
    public static String md5Wrapped(Map<String, String> params, String secret) {
        return md5(secret + stringToSign(params) + secret);
    }

    public static String md5(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            return HexFormat.of().withUpperCase().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is not available", e);
        }
    }

    public static String hmac(String algorithm, String secret, String text) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return HexFormat.of().withUpperCase().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }
}
