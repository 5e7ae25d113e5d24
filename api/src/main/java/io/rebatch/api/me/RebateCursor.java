package io.rebatch.api.me;

import io.rebatch.api.problem.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The opaque page cursor of {@code GET /api/v1/me/rebates}: the keyset position of the last record served
 * ({@code created_at}, platform, order line, role) bound to the user and the status filter it was issued for, and
 * an HMAC-SHA256 over all of it with a key derived from the API secret. A cursor that was altered, forged, or issued
 * to another user or for another filter is refused (400 {@code INVALID_CURSOR}) — it can never move a page into
 * someone else's records. Stateless: any replica with the same secret verifies it.
 */
public final class RebateCursor {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final int MAX_LENGTH = 600;

    /** A keyset position: the sort key of the last record of a page. */
    public record Position(Instant createdAt, String platform, String orderLineId, String role) {
    }

    private final SecretKeySpec key;

    public RebateCursor(byte[] apiSecret) {
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(apiSecret, "HmacSHA256"),
                "rebatch rebate cursor v1".getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
    }

    public String encode(long userId, String status, Position p) {
        String payload = "v1|" + userId + "|" + (status == null ? "" : status) + "|" + p.createdAt().toEpochMilli()
                + "|" + p.platform() + "|" + p.role() + "|" + p.orderLineId();
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return B64.encodeToString(bytes) + "." + B64.encodeToString(hmac(key, bytes));
    }

    public Position decode(String cursor, long userId, String status) {
        if (cursor.length() > MAX_LENGTH) {
            throw invalid();
        }
        int dot = cursor.indexOf('.');
        if (dot < 0) {
            throw invalid();
        }
        byte[] payload;
        byte[] mac;
        try {
            payload = B64D.decode(cursor.substring(0, dot));
            mac = B64D.decode(cursor.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!MessageDigest.isEqual(mac, hmac(key, payload))) {
            throw invalid();
        }
        String[] f = new String(payload, StandardCharsets.UTF_8).split("\\|", 7);
        if (f.length != 7 || !f[0].equals("v1") || !f[1].equals(Long.toString(userId))
                || !f[2].equals(status == null ? "" : status)) {
            throw invalid();
        }
        try {
            return new Position(Instant.ofEpochMilli(Long.parseLong(f[3])), f[4], f[6], f[5]);
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    private static ApiException invalid() {
        return ApiException.badRequest("INVALID_CURSOR", "the cursor is not one this API issued for this request;"
                + " start again without a cursor");
    }

    private static byte[] hmac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
