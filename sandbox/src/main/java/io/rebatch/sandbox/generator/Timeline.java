package io.rebatch.sandbox.generator;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;

/**
 * Appends snapshots to a line in time order: times are whole seconds, strictly increasing unless a
 * tie is asked for, and nothing is kept at or after the scenario horizon or after the line's
 * maximum lifetime. Once a snapshot falls beyond, the timeline is closed.
 */
public final class Timeline {
    private final GeneratedLine line;
    private final Instant horizonEnd;
    private Instant last;
    private boolean closed;

    Timeline(GeneratedLine line, Instant horizonEnd) {
        this.line = line;
        Instant lifetimeEnd = line.createdAt().plus(Duration.ofDays(ScenarioGenerator.MAX_LIFETIME_DAYS));
        this.horizonEnd = lifetimeEnd.isBefore(horizonEnd) ? lifetimeEnd : horizonEnd;
    }

    /** Adds a snapshot at t (moved to one second after the previous one if needed); false when beyond the horizon. */
    public boolean add(Instant t, Function<Instant, PlatformRow> rowAt) {
        return add(t, false, rowAt);
    }

    /** Adds a snapshot at exactly the previous snapshot's time (a deliberate tie). */
    public boolean addTie(Function<Instant, PlatformRow> rowAt) {
        return add(last, true, rowAt);
    }

    private boolean add(Instant t, boolean tie, Function<Instant, PlatformRow> rowAt) {
        if (closed) {
            return false;
        }
        Instant at = t.truncatedTo(ChronoUnit.SECONDS);
        if (last != null && !tie && !at.isAfter(last)) {
            at = last.plusSeconds(1);
        }
        if (!at.isBefore(horizonEnd)) {
            closed = true;
            return false;
        }
        line.addSnapshot(at, rowAt.apply(at));
        last = at;
        return true;
    }

    public boolean addRefund(Instant t, Function<Instant, PlatformRow> rowAt, Instant[] lastRefund) {
        Instant at = t.truncatedTo(ChronoUnit.SECONDS);
        if (lastRefund[0] != null && !at.isAfter(lastRefund[0])) {
            at = lastRefund[0].plusSeconds(1);
        }
        if (!at.isBefore(horizonEnd)) {
            return false;
        }
        line.addRefund(at, rowAt.apply(at));
        lastRefund[0] = at;
        return true;
    }

    public Instant last() {
        return last;
    }

    public boolean closed() {
        return closed;
    }
}
