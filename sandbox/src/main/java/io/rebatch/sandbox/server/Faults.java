package io.rebatch.sandbox.server;

import io.rebatch.domain.Platform;
import io.rebatch.sandbox.generator.SeedMath;

import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

/**
 * Seeded fault injection: per platform, one {@link Random} decides for each request whether it
 * gets an HTTP 5xx (rate {@code errorRate}) or, once authenticated, a throttling answer (rate
 * {@code throttleRate}), and which kind. Two draws per request, always, so a sequential client
 * sees the same faults on every run with the same seed.
 */
final class Faults {
    private final double throttleRate;
    private final double errorRate;
    private final Map<Platform, Random> randoms = new EnumMap<>(Platform.class);

    Faults(long seed, double throttleRate, double errorRate) {
        this.throttleRate = throttleRate;
        this.errorRate = errorRate;
        for (Platform p : Platform.values()) {
            randoms.put(p, new Random(SeedMath.mix(seed, 0xFA17, p.ordinal())));
        }
    }

    /** What happens to one request. {@code kind} picks among the platform's error or throttle styles. */
    record Decision(boolean serverError, boolean throttle, int kind) {
    }

    Decision next(Platform p) {
        Random r = randoms.get(p);
        synchronized (r) {
            double e = r.nextDouble();
            double t = r.nextDouble();
            int kind = r.nextInt(100);
            return new Decision(e < errorRate, t < throttleRate, kind);
        }
    }
}
