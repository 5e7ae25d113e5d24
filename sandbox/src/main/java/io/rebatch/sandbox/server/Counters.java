package io.rebatch.sandbox.server;

import java.util.concurrent.atomic.AtomicLong;

/** Mutable per-platform counters behind {@link CounterSnapshot}. */
public final class Counters {
    public final AtomicLong requests = new AtomicLong();
    public final AtomicLong pagesServed = new AtomicLong();
    public final AtomicLong snapshotsServed = new AtomicLong();
    public final AtomicLong throttled = new AtomicLong();
    public final AtomicLong errors = new AtomicLong();
    public final AtomicLong rejected = new AtomicLong();
    public final AtomicLong injectedUpdates = new AtomicLong();

    CounterSnapshot snapshot() {
        return new CounterSnapshot(requests.get(), pagesServed.get(), snapshotsServed.get(), throttled.get(),
                errors.get(), rejected.get(), injectedUpdates.get());
    }

    void reset() {
        for (AtomicLong a : new AtomicLong[]{requests, pagesServed, snapshotsServed, throttled, errors, rejected, injectedUpdates}) {
            a.set(0);
        }
    }
}
