package io.rebatch.readers.api;

import java.time.Duration;

/** Waits. Injected so tests can record waits (throttling, back-off, the rate cap) instead of spending them. */
@FunctionalInterface
public interface Sleeper {

    Sleeper SYSTEM = d -> {
        if (!d.isNegative() && !d.isZero()) {
            Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
        }
    };

    void sleep(Duration duration) throws InterruptedException;
}
