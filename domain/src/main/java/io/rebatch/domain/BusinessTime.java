package io.rebatch.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * The business time zone (Asia/Shanghai) and the conversions every rule uses. Nothing in rebatch
 * may derive a date from the JVM's or the database's default zone; this class is the only place
 * that turns instants into business dates.
 */
public final class BusinessTime {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter LOCAL =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);

    private BusinessTime() {
    }

    /** date(t): the business date of instant t. */
    public static LocalDate dateOf(Instant t) {
        return t.atZone(ZONE).toLocalDate();
    }

    /** The start of business date D (D 00:00 Asia/Shanghai). */
    public static Instant startOf(LocalDate d) {
        return d.atStartOfDay(ZONE).toInstant();
    }

    /** "The end of D": D+1 00:00 Asia/Shanghai. */
    public static Instant endOf(LocalDate d) {
        return d.plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    /** Parses a platform time {@code yyyy-MM-dd HH:mm:ss} given without offset, which is Asia/Shanghai local time. */
    public static Instant parseLocal(String text) {
        if (text == null) {
            throw new BadInputException("time is missing");
        }
        try {
            return LocalDateTime.parse(text.trim(), LOCAL).atZone(ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadInputException("bad time '" + text + "' (expected yyyy-MM-dd HH:mm:ss)");
        }
    }

    /** Formats an instant as Asia/Shanghai local time, the platforms' request format. */
    public static String formatLocal(Instant t) {
        return LOCAL.format(t.atZone(ZONE));
    }
}
