package io.rebatch.readers.api;

import java.time.Duration;

/**
 * How a request is retried after a rate-limit answer, HTTP 5xx/408/429, a timeout, a broken connection or an
 * unreadable body: bounded exponential back-off {@code min(maxDelay, baseDelay × 2^(n-1))} with jitter (a random
 * point in its upper half), or the wait the server asked for (TOP's "N more seconds", HTTP {@code Retry-After}) when
 * that is longer. A server-given wait longer than {@code maxServerWait} is not waited out: the pull fails as
 * THROTTLED at once (a TOP ban of hours would otherwise burn the attempts for nothing).
 *
 * @param maxAttempts   requests per page, the first included (default 8)
 * @param baseDelay     first back-off (default 500 ms)
 * @param maxDelay      back-off ceiling (default 30 s)
 * @param maxServerWait longest server-given wait honoured (default 2 min)
 */
public record RetrySettings(Integer maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxServerWait) {

    public static final RetrySettings DEFAULTS =
            new RetrySettings(8, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(2));

    /** Bound from {@code rebatch.platforms.<p>.retry.*}: what is not set (null) takes its default. */
    public RetrySettings {
        maxAttempts = maxAttempts == null ? 8 : maxAttempts;
        baseDelay = baseDelay == null ? Duration.ofMillis(500) : baseDelay;
        maxDelay = maxDelay == null ? Duration.ofSeconds(30) : maxDelay;
        maxServerWait = maxServerWait == null ? Duration.ofMinutes(2) : maxServerWait;
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("retry max-attempts must be at least 1, was " + maxAttempts);
        }
        if (baseDelay.isNegative() || maxDelay.isNegative() || maxServerWait.isNegative()) {
            throw new IllegalArgumentException("retry delays must not be negative");
        }
        if (maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("retry max-delay " + maxDelay + " is shorter than base-delay " + baseDelay);
        }
    }

    /** The back-off before attempt {@code failedAttempt + 1}; {@code unit} in [0, 1) picks the jitter. */
    public Duration backoff(int failedAttempt, double unit) {
        long base = baseDelay.toMillis();
        long ceiling = maxDelay.toMillis();
        long exp = base;
        for (int i = 1; i < failedAttempt && exp < ceiling; i++) {
            exp *= 2;
        }
        exp = Math.min(exp, ceiling);
        long half = exp / 2;
        return Duration.ofMillis(exp - half + (long) (half * unit));
    }
}
