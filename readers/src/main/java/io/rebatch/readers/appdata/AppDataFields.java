package io.rebatch.readers.appdata;

import io.rebatch.domain.BadInputException;
import io.rebatch.domain.FieldLimits;
import io.rebatch.domain.Platform;
import io.rebatch.domain.PlausibleTimes;
import io.rebatch.readers.report.CsvRecords;
import io.rebatch.readers.report.IdText;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Opening an app data CSV with its exact header, and reading its values (SPEC §2.2). Messages name the column and
 * show the value, since they become quarantine reasons.
 */
final class AppDataFields {
    private AppDataFields() {
    }

    /**
     * Opens {@code csv} and checks that its header row is exactly {@code columns} (in any order). An empty file (no
     * header, no records) passes: it yields nothing, and whether that is acceptable is the caller's decision.
     *
     * @throws BadInputException in one line: the file, the missing (or unexpected) columns, the expected and the
     *                           found header; or the file is UTF-16
     */
    static CsvRecords open(Path file, List<String> columns) {
        CsvRecords csv = CsvRecords.open(file, null);
        List<String> found = csv.header();
        if (csv.isEmpty()) {
            return csv;
        }
        if (found.size() != columns.size() || !found.containsAll(columns)) {
            csv.close();
            List<String> missing = new ArrayList<>(columns);
            missing.removeAll(found);
            List<String> extra = new ArrayList<>(found);
            extra.removeAll(columns);
            String what = !missing.isEmpty() ? "lacks required column(s) " + missing
                    : !extra.isEmpty() ? "has unexpected column(s) " + extra : "repeats a column";
            throw new BadInputException(csv.source() + ": the header row " + CsvRecords.oneLine(what)
                    + "; expected " + String.join(",", columns) + ", found " + CsvRecords.oneLine(String.join(",", found)));
        }
        return csv;
    }

    /** Resolves the columns' positions in this file's header. */
    static int[] positions(CsvRecords csv, List<String> columns) {
        int[] pos = new int[columns.size()];
        for (int i = 0; i < pos.length; i++) {
            pos[i] = csv.indexOf(columns.get(i));
        }
        return pos;
    }

    static String text(String value) {
        return value == null ? "" : value.strip();
    }

    static String required(String column, String value) {
        String t = text(value);
        if (t.isEmpty()) {
            throw new BadInputException(column + " is missing");
        }
        return t;
    }

    /**
     * A positive long id. Scientific notation or a fractional part is spreadsheet damage ({@link IdText}); digits
     * beyond a long are out of range.
     */
    static long positiveId(String column, String value) {
        String t = IdText.require(column, required(column, value), IdText.FROM_APP);
        long id;
        try {
            id = Long.parseLong(t);
        } catch (NumberFormatException e) {
            if (t.matches("[+-]?\\d+")) {
                throw new BadInputException(column + " " + shorten(t) + " is out of range (at most " + Long.MAX_VALUE + ")");
            }
            throw new BadInputException(column + " '" + shorten(t) + "' is not a whole number");
        }
        if (id <= 0) {
            throw new BadInputException(column + " " + id + " is not a positive id");
        }
        return id;
    }

    /** A required text value at most {@code limit} characters long. */
    static String requiredText(String column, String value, int limit) {
        return FieldLimits.check(column, required(column, value), limit);
    }

    /** A required platform id (item id, pid): no spreadsheet damage, at most {@code limit} characters. */
    static String requiredPlatformId(String column, String value, int limit) {
        return FieldLimits.check(column, IdText.require(column, required(column, value), IdText.FROM_APP), limit);
    }

    private static String shorten(String t) {
        return t.length() <= 40 ? t : t.substring(0, 40) + "…";
    }

    static Instant instantWithOffset(String column, String value, PlausibleTimes times) {
        String t = required(column, value);
        Instant instant;
        try {
            instant = OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadInputException(column + " '" + shorten(t) + "' is not an ISO-8601 time with offset (e.g. 2026-11-01T08:00:00+08:00)");
        }
        return times.require(column, instant);
    }

    static Platform platform(String column, String value) {
        String t = required(column, value);
        try {
            return Platform.parse(t);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(column + ": " + e.getMessage());
        }
    }
}
