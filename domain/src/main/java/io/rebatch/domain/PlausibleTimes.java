package io.rebatch.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The range of instants a row's times may plausibly fall in (SPEC §9 "plausible dates"): a paid time in 1970 (an
 * epoch 0 turned into a date) or in 2099 is a broken value, not an order, and its row is quarantined. Either bound
 * may be null (open); {@link #ANY} has none. Both bounds are inclusive.
 *
 * <p>The nightly run and imports use {@link #forRunAt}: 2015-01-01 (Asia/Shanghai) up to one day after now.
 */
public record PlausibleTimes(Instant earliest, Instant latest) {
    /** No limits: every time is plausible. */
    public static final PlausibleTimes ANY = new PlausibleTimes(null, null);

    /** No affiliate report rebatch reads predates this business date. */
    public static final LocalDate FIRST_PLAUSIBLE_DATE = LocalDate.of(2015, 1, 1);

    /** How far ahead of the clock a platform's time may be (clock skew, time-zone slips). */
    public static final Duration AHEAD = Duration.ofDays(1);

    public PlausibleTimes {
        if (earliest != null && latest != null && latest.isBefore(earliest)) {
            throw new IllegalArgumentException("plausible range ends (" + latest + ") before it starts (" + earliest + ")");
        }
    }

    /** 2015-01-01 00:00 Asia/Shanghai .. {@code now} + 1 day: the range the jobs pass. */
    public static PlausibleTimes forRunAt(Instant now) {
        return new PlausibleTimes(BusinessTime.startOf(FIRST_PLAUSIBLE_DATE), now.plus(AHEAD));
    }

    public boolean contains(Instant t) {
        return (earliest == null || !t.isBefore(earliest)) && (latest == null || !t.isAfter(latest));
    }

    /**
     * @return null when {@code t} is null or plausible, else the reason, e.g.
     * {@code "paid_at 1970-01-01 08:00:00 is outside the plausible range 2015-01-01 .. 2026-12-03"}
     * (times and bounds in Asia/Shanghai local time; a bound at midnight shows as its date)
     */
    public String check(String label, Instant t) {
        if (t == null || contains(t)) {
            return null;
        }
        return label + " " + BusinessTime.formatLocal(t) + " is outside the plausible range "
                + bound(earliest, "…") + " .. " + bound(latest, "…");
    }

    /** Like {@link #check} but throws the reason as a {@link BadInputException}; returns {@code t}. */
    public Instant require(String label, Instant t) {
        String reason = check(label, t);
        if (reason != null) {
            throw new BadInputException(reason);
        }
        return t;
    }

    private static String bound(Instant b, String open) {
        if (b == null) {
            return open;
        }
        LocalDate d = BusinessTime.dateOf(b);
        return BusinessTime.startOf(d).equals(b) ? d.toString() : BusinessTime.formatLocal(b);
    }
}
