package io.rebatch.readers.api;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Spaces the start of requests at least {@code 1 / perSecond} apart, so a platform never sees more than its
 * configured rate from this process. Shared by every pull of one platform ({@link PullRuntime#rateLimiter}).
 * Threads reserve their slot under a lock and wait outside it.
 */
public final class RateLimiter {
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final double perSecond;
    private long nextFree;
    private boolean started;

    public RateLimiter(double perSecond, LongSupplier nanoTime, Sleeper sleeper) {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("rate cap must be a positive number of requests per second, was " + perSecond);
        }
        this.perSecond = perSecond;
        this.intervalNanos = Math.max(1, (long) Math.ceil(1e9 / perSecond));
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    public double perSecond() {
        return perSecond;
    }

    /** Waits for the next free slot. */
    public void acquire() throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = nanoTime.getAsLong();
            long slot = !started || nextFree - now < 0 ? now : nextFree;
            started = true;
            nextFree = slot + intervalNanos;
            wait = slot - now;
        }
        if (wait > 0) {
            sleeper.sleep(Duration.ofNanos(wait));
        }
    }
}
