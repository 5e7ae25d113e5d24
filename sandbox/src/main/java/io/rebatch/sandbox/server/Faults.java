package io.rebatch.sandbox.server;

import io.rebatch.domain.Platform;
import io.rebatch.sandbox.PlatformSimulator;
import io.rebatch.sandbox.generator.SeedMath;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded fault injection: per platform (seeded with its simulator's order), one {@link Random} decides for each request whether it
 * gets an HTTP 5xx (rate {@code errorRate}) or, once authenticated, a throttling answer (rate
 * {@code throttleRate}), and which kind. Two draws per request, always, so a sequential client
 * sees the same faults on every run with the same seed.
 */
public final class Faults {
    private final double throttleRate;
    private final double errorRate;
    private final Map<Platform, Random> randoms = new HashMap<>();

    Faults(long seed, double throttleRate, double errorRate, List<PlatformSimulator> simulators) {
        this.throttleRate = throttleRate;
        this.errorRate = errorRate;
        for (PlatformSimulator sim : simulators) {
            randoms.put(sim.platform(), new Random(SeedMath.mix(seed, 0xFA17, sim.order())));
        }
    }

    /** What happens to one request. {@code kind} picks among the platform's error or throttle styles. */
    public record Decision(boolean serverError, boolean throttle, int kind) {
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
