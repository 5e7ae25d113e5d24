package io.rebatch.domain.payout;

import io.rebatch.domain.BadInputException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A payout batch number (SPEC §7): {@code B} + the payout date yyyyMMdd + a 3-digit sequence
 * 001…999 within that date ({@code B20261126001}). The first batch of a date is 001; a date has at
 * most 999 batches. Anything else is refused. Ordered by date, then sequence.
 */
public record BatchNo(LocalDate date, int sequence) implements Comparable<BatchNo> {
    public static final int MAX_SEQUENCE = 999;
    private static final Pattern FORM = Pattern.compile("B(\\d{8})(\\d{3})");
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    private static final Comparator<BatchNo> ORDER =
            Comparator.comparing(BatchNo::date).thenComparingInt(BatchNo::sequence);

    public BatchNo {
        if (date == null) {
            throw new BadInputException("batch date is missing");
        }
        if (date.getYear() < 1000 || date.getYear() > 9999) {
            throw new BadInputException("batch date " + date + " does not have a 4-digit year");
        }
        if (sequence < 1 || sequence > MAX_SEQUENCE) {
            throw new BadInputException("batch sequence " + sequence + " is outside 1.." + MAX_SEQUENCE);
        }
    }

    /** The first batch of {@code date}: sequence 001. */
    public static BatchNo first(LocalDate date) {
        return new BatchNo(date, 1);
    }

    /** The batch after {@code latestOfDate} (null: none yet on {@code date}), on {@code date}. */
    public static BatchNo nextFor(LocalDate date, BatchNo latestOfDate) {
        if (latestOfDate == null) {
            return first(date);
        }
        if (!latestOfDate.date().equals(date)) {
            throw new IllegalArgumentException("latest batch " + latestOfDate + " is not of " + date);
        }
        return latestOfDate.next();
    }

    /** The next sequence on the same date; 999 has none. */
    public BatchNo next() {
        if (sequence == MAX_SEQUENCE) {
            throw new IllegalStateException("no batch after " + this + ": at most " + MAX_SEQUENCE + " batches a day");
        }
        return new BatchNo(date, sequence + 1);
    }

    /** Parses exactly {@code B} + yyyyMMdd (a real date) + 001…999; no white space, nothing more. */
    public static BatchNo parse(String text) {
        if (text == null) {
            throw new BadInputException("batch number is missing");
        }
        var m = FORM.matcher(text);
        if (!m.matches()) {
            throw new BadInputException("bad batch number '" + text + "' (expected B + yyyyMMdd + 3 digits, e.g. B20261126001)");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(m.group(1), DAY);
        } catch (DateTimeParseException e) {
            throw new BadInputException("bad batch number '" + text + "': " + m.group(1) + " is not a date");
        }
        int seq = Integer.parseInt(m.group(2));
        if (seq == 0) {
            throw new BadInputException("bad batch number '" + text + "': sequence 000 (batches start at 001)");
        }
        return new BatchNo(date, seq);
    }

    public String format() {
        return "B" + DAY.format(date) + String.format(Locale.ROOT, "%03d", sequence);
    }

    @Override
    public int compareTo(BatchNo other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return format();
    }
}
