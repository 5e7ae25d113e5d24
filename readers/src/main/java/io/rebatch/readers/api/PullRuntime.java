package io.rebatch.readers.api;

import io.rebatch.domain.Platform;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import okhttp3.OkHttpClient;

/**
 * What every platform client shares: the one OkHttpClient (one connection pool), the clock that stamps request
 * timestamps, the {@link Sleeper} for back-off and throttling waits, the per-platform {@link RateLimiter}s and the
 * jitter source. Build one per process (or per test) and pass it to every pull.
 */
public final class PullRuntime {
    private final OkHttpClient http;
    private final Clock clock;
    private final Sleeper sleeper;
    private final LongSupplier nanoTime;
    private final SplittableRandom random;
    private final Map<Platform, RateLimiter> limiters = new java.util.HashMap<>();

    private PullRuntime(Builder b) {
        this.http = b.http != null ? b.http : b.httpSettings.newClient();
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.nanoTime = b.nanoTime;
        this.random = new SplittableRandom(b.seed);
    }

    /** Real time, real sleeping, a client with {@code http}'s timeouts. */
    public static PullRuntime create(HttpSettings http, Clock clock) {
        return builder().httpSettings(http).clock(clock).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public OkHttpClient http() {
        return http;
    }

    public Clock clock() {
        return clock;
    }

    public Sleeper sleeper() {
        return sleeper;
    }

    /**
     * The platform's limiter, created at the first request for it with {@code perSecond}; every pull of that
     * platform on this runtime shares it (Taobao orders and refunds count against one cap).
     */
    public synchronized RateLimiter rateLimiter(Platform platform, double perSecond) {
        return limiters.computeIfAbsent(platform, p -> new RateLimiter(perSecond, nanoTime, sleeper));
    }

    /** A number in [0, 1) for back-off jitter. */
    double jitter() {
        synchronized (random) {
            return random.nextDouble();
        }
    }

    public static final class Builder {
        private OkHttpClient http;
        private HttpSettings httpSettings = HttpSettings.DEFAULTS;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private LongSupplier nanoTime = System::nanoTime;
        private long seed = System.nanoTime();

        private Builder() {
        }

        /** Use this client (its timeouts win over {@link #httpSettings}). */
        public Builder httpClient(OkHttpClient client) {
            this.http = Objects.requireNonNull(client);
            return this;
        }

        public Builder httpSettings(HttpSettings settings) {
            this.httpSettings = Objects.requireNonNull(settings);
            return this;
        }

        /** Stamps request timestamps (TOP/JD GMT+8 local time, PDD epoch seconds). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** Waits for back-off, throttling and the rate cap; with {@link #nanoTime} for a fake time in tests. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper);
            return this;
        }

        /** The monotonic time the rate limiter measures with (default {@link System#nanoTime()}). */
        public Builder nanoTime(LongSupplier nanoTime) {
            this.nanoTime = Objects.requireNonNull(nanoTime);
            return this;
        }

        /** Seeds the back-off jitter (default: varies per run). */
        public Builder jitterSeed(long seed) {
            this.seed = seed;
            return this;
        }

        public PullRuntime build() {
            return new PullRuntime(this);
        }
    }
}
