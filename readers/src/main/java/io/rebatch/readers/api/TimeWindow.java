package io.rebatch.readers.api;

import io.rebatch.domain.BusinessTime;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A half-open update-time window {@code [start, end)} asked of a platform's order API. Platforms take times to the
 * second, so windows built by {@link #split} are whole seconds; {@link #toString()} shows Asia/Shanghai local time,
 * the form the platforms and finance read.
 */
public record TimeWindow(Instant start, Instant end) {

    public TimeWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("window end " + end + " is not after its start " + start);
        }
    }

    /**
     * A window written {@code start/end}, each ISO-8601 with an offset (how promotion periods are configured:
     * {@code rebatch.platforms.taobao.promotion-periods}).
     */
    public static TimeWindow valueOf(String text) {
        String[] p = text == null ? new String[0] : text.split("/");
        try {
            if (p.length == 2) {
                return new TimeWindow(OffsetDateTime.parse(p[0].trim()).toInstant(),
                        OffsetDateTime.parse(p[1].trim()).toInstant());
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + text + "' is not start/end (ISO-8601 with offset)");
    }

    public Duration length() {
        return Duration.between(start, end);
    }

    public boolean overlaps(TimeWindow other) {
        return start.isBefore(other.end) && end.isAfter(other.start);
    }

    public boolean contains(Instant t) {
        return !t.isBefore(start) && t.isBefore(end);
    }

    /**
     * {@code [from, to)} widened to whole seconds (start rounded down, end up) so no instant of it is lost when
     * the platform reads second-precision times.
     */
    public static TimeWindow wholeSeconds(Instant from, Instant to) {
        Instant a = from.truncatedTo(ChronoUnit.SECONDS);
        Instant b = to.truncatedTo(ChronoUnit.SECONDS);
        if (b.isBefore(to)) {
            b = b.plusSeconds(1);
        }
        return new TimeWindow(a, b);
    }

    /**
     * Cuts {@code [from, to)} (widened to whole seconds) into consecutive windows of at most {@code max}; empty when
     * {@code from} is not before {@code to}.
     */
    public static List<TimeWindow> split(Instant from, Instant to, Duration max) {
        return split(from, to, max, List.of(), max);
    }

    /**
     * Like {@link #split(Instant, Instant, Duration)}, but a window that touches one of the {@code narrow} periods is
     * at most {@code narrowMax} long (Taobao's 20 minutes during big promotions). Windows end where a period starts,
     * so a window outside the periods never touches one.
     */
    public static List<TimeWindow> split(Instant from, Instant to, Duration max, List<TimeWindow> narrow, Duration narrowMax) {
        requirePositiveSeconds(max, "max window");
        requirePositiveSeconds(narrowMax, "narrow max window");
        List<TimeWindow> out = new ArrayList<>();
        if (!from.isBefore(to)) {
            return out;
        }
        TimeWindow all = wholeSeconds(from, to);
        Instant t = all.start;
        while (t.isBefore(all.end)) {
            Instant end = t.plus(max);
            boolean inside = false;
            for (TimeWindow p : narrow) {
                if (p.contains(t)) {
                    inside = true;
                } else if (p.start.isAfter(t) && p.start.isBefore(end)) {
                    end = p.start;
                }
            }
            if (inside) {
                Instant capped = t.plus(narrowMax);
                end = capped.isBefore(end) ? capped : end;
            }
            if (end.isAfter(all.end)) {
                end = all.end;
            }
            // a period starting at a fractional second must not produce a sub-second window
            Instant whole = end.truncatedTo(ChronoUnit.SECONDS);
            end = whole.isAfter(t) ? whole : t.plusSeconds(1);
            out.add(new TimeWindow(t, end));
            t = end;
        }
        return out;
    }

    /** The two halves of this window, split at a whole second; null when it is one second or shorter. */
    public TimeWindow[] halves() {
        long seconds = length().getSeconds();
        if (seconds < 2) {
            return null;
        }
        Instant mid = start.plusSeconds(seconds / 2).truncatedTo(ChronoUnit.SECONDS);
        if (!mid.isAfter(start) || !mid.isBefore(end)) {
            return null;
        }
        return new TimeWindow[]{new TimeWindow(start, mid), new TimeWindow(mid, end)};
    }

    static void requirePositiveSeconds(Duration d, String what) {
        if (d == null || d.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException(what + " must be at least one second, was " + d);
        }
    }

    /** {@code 2026-11-11 00:00:00..2026-11-11 03:00:00} (Asia/Shanghai). */
    @Override
    public String toString() {
        return BusinessTime.formatLocal(start) + ".." + BusinessTime.formatLocal(end);
    }
}
