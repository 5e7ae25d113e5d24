package io.rebatch.sandbox.server;

import java.util.concurrent.atomic.AtomicLong;

/** Mutable per-platform counters behind {@link CounterSnapshot}. */
final class Counters {
    final AtomicLong requests = new AtomicLong();
    final AtomicLong pagesServed = new AtomicLong();
    final AtomicLong snapshotsServed = new AtomicLong();
    final AtomicLong throttled = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong injectedUpdates = new AtomicLong();

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
