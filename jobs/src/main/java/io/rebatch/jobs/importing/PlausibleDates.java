package io.rebatch.jobs.importing;

import io.rebatch.domain.BusinessTime;
import io.rebatch.domain.PlausibleTimes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * The range of times an imported row may carry (SPEC 9 "plausible dates"): not before {@code earliest} (the start of
 * {@code rebatch.input.earliest-date} in Asia/Shanghai) and not after {@code latest} ({@code now +
 * rebatch.input.max-ahead}, now from the injected clock). One instance is fixed per scan, so every row of a file is
 * judged against the same "now" however long the scan takes.
 *
 * <p>A jobs-side stand-in for the readers' {@code PlausibleTimes}, applied after parsing; it never throws for a bad
 * value, it names it.
 */
public record PlausibleDates(Instant earliest, Instant latest) {
    /** No bounds (used where no check is wanted, e.g. tests of other rules). */
    public static final PlausibleDates ANY = new PlausibleDates(Instant.MIN, Instant.MAX);

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss xxx");

    public static PlausibleDates of(LocalDate earliestDate, Duration maxAhead, Clock clock) {
        return new PlausibleDates(BusinessTime.startOf(earliestDate), clock.instant().plus(maxAhead));
    }

    /** The same range for the readers' own check (what the API pulls apply to pulled rows). */
    public PlausibleTimes asTimes() {
        return new PlausibleTimes(earliest, latest);
    }

    /** Null when {@code t} is absent or plausible, else the quarantine reason naming {@code label} and the value. */
    public String check(String label, Instant t) {
        if (t == null) {
            return null;
        }
        if (t.isBefore(earliest)) {
            return label + " " + shown(t) + " is before the earliest plausible date " + BusinessTime.dateOf(earliest)
                    + " (rebatch.input.earliest-date)";
        }
        if (t.isAfter(latest)) {
            return label + " " + shown(t) + " is in the future (later than " + shown(latest)
                    + ", rebatch.input.max-ahead)";
        }
        return null;
    }

    /**
     * Only the lower bound: for times that may legitimately lie ahead, such as JD's settlement date, which is the
     * {@code payMonth} the platform plans to pay on (platforms.md), not a moment that has happened.
     */
    public String checkNotBefore(String label, Instant t) {
        return t == null || !t.isBefore(earliest) ? null : check(label, t);
    }

    /** The first failing check of {@code label, time} pairs, or null. */
    public String checkAll(Object... labelsAndTimes) {
        for (int i = 0; i + 1 < labelsAndTimes.length; i += 2) {
            String r = check((String) labelsAndTimes[i], (Instant) labelsAndTimes[i + 1]);
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    private static String shown(Instant t) {
        return t.atZone(BusinessTime.ZONE).format(SHOWN);
    }
}
