package io.rebatch.readers.report;

import io.rebatch.domain.BadInputException;
import io.rebatch.domain.BusinessTime;
import io.rebatch.domain.FieldLimits;
import io.rebatch.domain.Money;
import io.rebatch.domain.PlausibleTimes;
import io.rebatch.domain.Rates;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * Reading one field of a platform row under the common rules of platforms.md part A: "missing" is null, {@code ""},
 * {@code "--"} or absent (and {@code 0} for a time); ids are strings; money goes through {@link Money}, rates
 * through {@link Rates}, local times through {@link BusinessTime}. Every failure is a {@link BadInputException}
 * whose message starts with the field's label and shows the offending value: it becomes the quarantine reason.
 */
public final class Values {
    /** Epoch seconds beyond 2100-01-01 are not a platform time but a broken number. */
    private static final long MAX_EPOCH_SECONDS = 4_102_444_800L;
    private static final DateTimeFormatter YYYYMMDD =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private Values() {
    }

    public static boolean missing(String text) {
        if (text == null) {
            return true;
        }
        String t = text.strip();
        return t.isEmpty() || t.equals("--");
    }

    /** A tracking or order id as exported: blanks, one leading tab or {@code '} removed; missing → null. */
    public static String cleanId(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (t.startsWith("'")) {
            t = t.substring(1).strip();
        }
        return missing(t) ? null : t;
    }

    public static String optText(RowFields r, String field) {
        String t = r.text(field);
        return missing(t) ? null : t.strip();
    }

    /**
     * A required id: present, not spreadsheet damage ({@link IdText}), at most {@code limit} characters
     * ({@link FieldLimits}).
     */
    public static String requiredId(RowFields r, String field, int limit) {
        String id = id(r, field, limit);
        if (id == null) {
            throw new BadInputException(r.label(field) + " is missing");
        }
        return id;
    }

    /** An optional id (null when missing), checked like {@link #requiredId}. */
    public static String id(RowFields r, String field, int limit) {
        String id = r.id(field);
        IdText.require(r.label(field), id, IdText.FROM_PLATFORM);
        return FieldLimits.check(r.label(field), id, limit);
    }

    /**
     * An optional tracking id the platform issues (Taobao adzone, relation and special id; JD positionId; PDD p_id):
     * {@code 0} means absent (SPEC §9), otherwise checked like {@link #id}.
     */
    public static String trackingId(RowFields r, String field, int limit) {
        return zeroIsAbsent(id(r, field, limit));
    }

    /**
     * An optional tracking value the app itself chose (JD subUnionId, PDD custom uid): free text, so only its length
     * is checked; {@code 0} means absent as for every optional id.
     */
    public static String trackingText(String label, String value, int limit) {
        return FieldLimits.check(label, zeroIsAbsent(value), limit);
    }

    private static String zeroIsAbsent(String id) {
        return id == null || id.equals("0") ? null : id;
    }

    /** An item title: free text, cut to {@link FieldLimits#ITEM_TITLE} (titles carry no money; README). */
    public static String title(RowFields r, String field) {
        return FieldLimits.cut(optText(r, field), FieldLimits.ITEM_TITLE);
    }

    /** {@code t} (may be null) when plausible; otherwise bad input naming the field. */
    public static Instant plausible(Instant t, RowFields r, String field, PlausibleTimes times) {
        return times.require(r.label(field), t);
    }

    public static String required(RowFields r, String field) {
        String t = r.text(field);
        if (missing(t)) {
            throw new BadInputException(r.label(field) + " is missing");
        }
        return t.strip();
    }

    /**
     * More integer digits than any amount or rate can have. Checked before the domain's conversions, which scale
     * the number to fen or bp: {@code 1e999999999} would otherwise be expanded to a billion digits.
     */
    private static final int MAX_INTEGER_DIGITS = 20;

    private static void checkMagnitude(String text, String label, String limit) {
        BigDecimal v;
        try {
            v = new BigDecimal(text);
        } catch (NumberFormatException e) {
            return; // the domain names a non-number in its own words
        }
        if (v.signum() != 0 && v.precision() - v.scale() > MAX_INTEGER_DIGITS) {
            throw new BadInputException(label + ": " + limit.replace("%s", text));
        }
    }

    /** A yuan amount with at most two decimals, exactly to fen. */
    public static long yuan(RowFields r, String field) {
        String t = required(r, field);
        checkMagnitude(t, r.label(field), "amount '%s' exceeds " + Money.MAX_FEN + " fen");
        try {
            return Money.yuanToFen(t);
        } catch (BadInputException e) {
            throw new BadInputException(r.label(field) + ": " + e.getMessage());
        }
    }

    /** A yuan amount with up to {@code maxDecimals} decimals, rounded half-up to fen (Taobao refunds). */
    public static long yuanHalfUp(RowFields r, String field, int maxDecimals) {
        String t = required(r, field);
        checkMagnitude(t, r.label(field), "amount '%s' exceeds " + Money.MAX_FEN + " fen");
        try {
            return Money.yuanToFenHalfUp(t, maxDecimals);
        } catch (BadInputException e) {
            throw new BadInputException(r.label(field) + ": " + e.getMessage());
        }
    }

    /** An integer fen amount (Pinduoduo). */
    public static long fen(RowFields r, String field) {
        String t = required(r, field);
        long v = wholeNumber(t, r.label(field));
        return Money.fen(v, r.label(field));
    }

    /** A percent rate; a trailing {@code %} (as a spreadsheet may show it) is allowed. */
    public static int percentBps(RowFields r, String field) {
        String t = required(r, field);
        if (t.endsWith("%")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        checkMagnitude(t, r.label(field), "rate '%s' % exceeds 100 %");
        try {
            return Rates.percentToBps(t);
        } catch (BadInputException e) {
            throw new BadInputException(r.label(field) + ": " + e.getMessage());
        }
    }

    public static int perMilleBps(RowFields r, String field) {
        long perMille = wholeNumber(required(r, field), r.label(field));
        try {
            return Rates.perMilleToBps(perMille);
        } catch (BadInputException e) {
            throw new BadInputException(r.label(field) + ": " + e.getMessage());
        }
    }

    public static int requiredInt(RowFields r, String field) {
        String t = required(r, field);
        long v = wholeNumber(t, r.label(field));
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new BadInputException(r.label(field) + " '" + t + "' is out of range");
        }
        return (int) v;
    }

    public static int quantity(RowFields r, String field) {
        int q = requiredInt(r, field);
        if (q < 0) {
            throw new BadInputException(r.label(field) + " " + q + " is negative");
        }
        return q;
    }

    /** A whole number written as {@code 12}, {@code "12"} or {@code 12.0}; anything else is bad input naming the label. */
    public static long wholeNumber(String text, String label) {
        String t = text.strip();
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            try {
                return new BigDecimal(t).longValueExact();
            } catch (NumberFormatException | ArithmeticException e2) {
                throw new BadInputException(label + " '" + text + "' is not a whole number (or is out of range)");
            }
        }
    }

    /** A local Asia/Shanghai time {@code yyyy-MM-dd HH:mm:ss}; missing (or {@code 0}) → null. */
    public static Instant localTime(RowFields r, String field) {
        String t = r.text(field);
        if (missing(t) || t.strip().equals("0")) {
            return null;
        }
        try {
            return BusinessTime.parseLocal(t);
        } catch (BadInputException e) {
            throw new BadInputException(r.label(field) + ": " + e.getMessage());
        }
    }

    /** Epoch seconds (Pinduoduo); missing or {@code 0} → null. */
    public static Instant epochSeconds(RowFields r, String field) {
        String t = r.text(field);
        if (missing(t)) {
            return null;
        }
        long s;
        try {
            s = Long.parseLong(t.strip());
        } catch (NumberFormatException e) {
            throw new BadInputException(r.label(field) + " '" + t + "' is not a time in epoch seconds");
        }
        if (s == 0) {
            return null;
        }
        if (s < 0 || s > MAX_EPOCH_SECONDS) {
            throw new BadInputException(r.label(field) + " " + s + " is not a plausible time in epoch seconds");
        }
        return Instant.ofEpochSecond(s);
    }

    /** A date {@code yyyyMMdd} (JD payMonth), as text or number; missing or {@code 0} → null. */
    public static LocalDate yyyymmdd(RowFields r, String field) {
        String t = r.text(field);
        if (missing(t) || t.strip().equals("0")) {
            return null;
        }
        try {
            return LocalDate.parse(t.strip(), YYYYMMDD);
        } catch (DateTimeParseException e) {
            throw new BadInputException(r.label(field) + " '" + t + "' is not a date yyyyMMdd");
        }
    }

    public static Instant requireTime(Instant t, RowFields r, String field) {
        if (t == null) {
            throw new BadInputException(r.label(field) + " is missing");
        }
        return t;
    }

    /** The latest of the times present: modified_at of a row that does not give one. */
    public static Instant latest(Instant... times) {
        Instant max = null;
        for (Instant t : times) {
            if (t != null && (max == null || t.isAfter(max))) {
                max = t;
            }
        }
        return max;
    }
}
