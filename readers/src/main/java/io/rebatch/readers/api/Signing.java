package io.rebatch.readers.api;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Request signatures, platforms.md §4: take every parameter except {@code sign}, drop empty values, sort the keys
 * (ASCII, i.e. by UTF-16 code unit, which is the same for the ASCII keys the platforms use), concatenate
 * key+value into the string to sign; then
 * <ul>
 *   <li>TOP {@code md5}: {@code MD5(secret + s + secret)}; {@code hmac}: {@code HmacMD5(key=secret, s)};
 *       {@code hmac-sha256}: {@code HmacSHA256(key=secret, s)};</li>
 *   <li>JD (JOS) and Pinduoduo: {@code MD5(secret + s + secret)};</li>
 * </ul>
 * all over UTF-8 bytes, as uppercase hex. This is the only place an app secret is read.
 */
public final class Signing {
    private Signing() {
    }

    /** The text that is signed: sorted {@code key+value} pairs, {@code sign} and empty values left out. */
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

    /** TOP (Taobao) {@code sign} for the given {@code sign_method}. */
    public static String top(Map<String, String> params, Secret secret, TopSignMethod method) {
        String s = stringToSign(params);
        return switch (method) {
            case MD5 -> md5Hex(secret.reveal() + s + secret.reveal());
            case HMAC -> hmacHex("HmacMD5", secret, s);
            case HMAC_SHA256 -> hmacHex("HmacSHA256", secret, s);
        };
    }

    /** JD and Pinduoduo {@code sign}: uppercase {@code MD5(secret + stringToSign + secret)}. */
    public static String md5Wrapped(Map<String, String> params, Secret secret) {
        return md5Hex(secret.reveal() + stringToSign(params) + secret.reveal());
    }

    private static String md5Hex(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            return HexFormat.of().withUpperCase().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is not available in this JVM", e);
        }
    }

    private static String hmacHex(String algorithm, Secret secret, String text) {
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("cannot sign with " + algorithm + ": the app secret is empty");
        }
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.reveal().getBytes(StandardCharsets.UTF_8), algorithm));
            return HexFormat.of().withUpperCase().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            // the cause's message can only name the algorithm or key length, never the key itself
            throw new IllegalStateException(algorithm + " is not available in this JVM", e);
        }
    }
}
