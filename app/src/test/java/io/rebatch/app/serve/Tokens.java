package io.rebatch.app.serve;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bearer tokens as an issuer (or an attacker) would make them, written out by hand so that every part can be wrong
 * on purpose: the {@code alg} (none, HS512), the key, the claims ({@code exp} missing or past, {@code nbf} ahead,
 * {@code sub} not a user id, another scope). Valid tokens are HS256 JWTs with {@code sub}, {@code scope} and an
 * {@code exp} ten minutes ahead, as SPEC 8 describes them.
 */
final class Tokens {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final byte[] secret;

    Tokens(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** A valid app token of the user. */
    String app(long userId) {
        return hs256(claims(Long.toString(userId), "app", Duration.ofMinutes(10)));
    }

    /** A valid admin token (its {@code sub} is the admin's own user id). */
    String admin() {
        return hs256(claims("1", "admin", Duration.ofMinutes(10)));
    }

    /** A valid token with another scope than the API knows. */
    String scope(long userId, Object scope) {
        Map<String, Object> c = claims(Long.toString(userId), null, Duration.ofMinutes(10));
        c.put("scope", scope);
        return hs256(c);
    }

    /** The claims of a valid token; {@code scope} null leaves the claim out. */
    static Map<String, Object> claims(String sub, String scope, Duration expiresIn) {
        Map<String, Object> c = new LinkedHashMap<>();
        if (sub != null) {
            c.put("sub", sub);
        }
        if (scope != null) {
            c.put("scope", scope);
        }
        Instant now = Instant.now();
        if (expiresIn != null) {
            // Issued an hour before it expires: an expired token is refused for its exp, not for exp before iat.
            c.put("iat", now.plus(expiresIn).minusSeconds(3600).getEpochSecond());
            c.put("exp", now.plus(expiresIn).getEpochSecond());
        } else {
            c.put("iat", now.getEpochSecond());
        }
        return c;
    }

    String hs256(Map<String, Object> claims) {
        return signed(Map.of("alg", "HS256", "typ", "JWT"), claims, "HmacSHA256", secret);
    }

    /** HS512 with the right secret: the API accepts HS256 only. */
    String hs512(Map<String, Object> claims) {
        return signed(Map.of("alg", "HS512", "typ", "JWT"), claims, "HmacSHA512", secret);
    }

    /** HS256 signed with another secret of the same length. */
    String wrongSecret(Map<String, Object> claims) {
        byte[] other = secret.clone();
        other[0] ^= 0x01;
        return signed(Map.of("alg", "HS256", "typ", "JWT"), claims, "HmacSHA256", other);
    }

    /** An unsecured JWT ({@code alg: none}, empty signature). */
    static String algNone(Map<String, Object> claims) {
        return part(Map.of("alg", "none", "typ", "JWT")) + "." + part(claims) + ".";
    }

    /** A valid token whose signature has one bit flipped. */
    String flippedSignature(Map<String, Object> claims) {
        String t = hs256(claims);
        int dot = t.lastIndexOf('.');
        byte[] sig = Base64.getUrlDecoder().decode(t.substring(dot + 1));
        sig[sig.length / 2] ^= 0x01;
        return t.substring(0, dot + 1) + B64.encodeToString(sig);
    }

    private static String signed(Map<String, Object> header, Map<String, Object> claims, String algorithm, byte[] key) {
        String input = part(header) + "." + part(claims);
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String part(Map<String, Object> json) {
        return B64.encodeToString(JSON.writeValueAsString(json).getBytes(StandardCharsets.UTF_8));
    }
}
