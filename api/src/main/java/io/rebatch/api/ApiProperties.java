package io.rebatch.api;

import io.rebatch.domain.BadInputException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code rebatch.api.*}: the HS256 secret that app and admin tokens are signed with ({@code jwt-secret}, from the
 * environment {@code REBATCH_API_JWT_SECRET} in production, never from git) and the clock skew allowed on
 * {@code exp}/{@code nbf}. The same secret keys the rebate-page cursors' HMAC (under a separate derived key), so any
 * replica accepts a cursor another replica issued.
 */
@ConfigurationProperties("rebatch.api")
public record ApiProperties(String jwtSecret, Duration clockSkew) {
    /** HS256 needs a key of at least 256 bits (RFC 7518 §3.2). */
    public static final int MIN_SECRET_BYTES = 32;

    public ApiProperties {
        clockSkew = clockSkew == null ? Duration.ofSeconds(30) : clockSkew;
    }

    /** The secret's bytes, or a {@link BadInputException} (bad configuration: {@code serve} exits 2) saying what to set when it is missing or short. */
    public byte[] secretBytes() {
        if (jwtSecret == null || jwtSecret.isBlank()) {
            throw new BadInputException("rebatch.api.jwt-secret is not set: set REBATCH_API_JWT_SECRET to a"
                    + " random secret of at least " + MIN_SECRET_BYTES + " bytes");
        }
        byte[] bytes = jwtSecret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new BadInputException("rebatch.api.jwt-secret is " + bytes.length + " bytes; HS256 needs at least "
                    + MIN_SECRET_BYTES + " (set REBATCH_API_JWT_SECRET to a longer random secret)");
        }
        return bytes;
    }
}
