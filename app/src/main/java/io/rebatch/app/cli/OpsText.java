package io.rebatch.app.cli;

import io.rebatch.domain.BusinessTime;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * The value formats of the operator commands ({@code status}, {@code explain}): instants in Asia/Shanghai with
 * their offset, durations in seconds, and text values quoted only when they must be, so
 * every line stays {@code key=value} tokens that {@code grep} and {@code awk} can take apart.
 */
final class OpsText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx")
            .withZone(BusinessTime.ZONE);

    private OpsText() {
    }

    /** {@code 2026-11-25T02:30:00.123+08:00}, or {@code -} when null. */
    static String time(Instant t) {
        return t == null ? "-" : TIME.format(t);
    }

    /** {@code 1.234s} (milliseconds, no floating point), or {@code -} when either end is missing. */
    static String duration(Instant start, Instant end) {
        if (start == null || end == null) {
            return "-";
        }
        return BigDecimal.valueOf(Duration.between(start, end).toMillis(), 3).toPlainString() + "s";
    }

    /**
     * A text value as one token: as it is when it has no space, quote, backslash or '=' and is not empty; else in
     * double quotes with {@code "} and {@code \} escaped. Line breaks become spaces; {@code -} for null.
     */
    static String quote(String text) {
        if (text == null) {
            return "-";
        }
        String oneLine = text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
        boolean plain = !oneLine.isEmpty() && oneLine.chars().noneMatch(c -> Character.isWhitespace(c) || c == '"'
                || c == '\\' || c == '=');
        if (plain) {
            return oneLine;
        }
        return '"' + oneLine.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** The first line of a message, at most 200 characters, or null when there is none. */
    static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return null;
        }
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() <= 200 ? line : line.substring(0, 200) + "…";
    }

    /** {@code text} padded with spaces to {@code width}. */
    static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
