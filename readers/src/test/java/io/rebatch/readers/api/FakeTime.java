package io.rebatch.readers.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A monotonic clock that only moves when something sleeps on it: tests see every wait (back-off, throttling, the
 * rate cap) and spend none of them.
 */
public final class FakeTime implements Sleeper, LongSupplier {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final List<Duration> sleeps = new ArrayList<>();

    @Override
    public synchronized void sleep(Duration d) {
        sleeps.add(d);
        nanos.addAndGet(d.toNanos());
    }

    @Override
    public long getAsLong() {
        return nanos.get();
    }

    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    public synchronized Duration total() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }

    /** Waits of at least {@code min} (throttling and back-off, as opposed to the rate cap's short spacing). */
    public synchronized List<Duration> sleepsOfAtLeast(Duration min) {
        return sleeps.stream().filter(d -> d.compareTo(min) >= 0).toList();
    }

    public PullRuntime.Builder runtime() {
        return PullRuntime.builder().sleeper(this).nanoTime(this).jitterSeed(7);
    }
}
