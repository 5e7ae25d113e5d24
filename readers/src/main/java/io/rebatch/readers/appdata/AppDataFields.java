package io.rebatch.readers.appdata;

import io.rebatch.domain.BadInputException;
import io.rebatch.domain.Platform;
import io.rebatch.readers.report.CsvRecords;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Opening an app data CSV with its exact header, and reading its values (SPEC §2.2). Messages name the column and
 * show the value, since they become quarantine reasons.
 */
final class AppDataFields {
    private AppDataFields() {
    }

    /**
     * Opens {@code csv} and checks that its header row is exactly {@code columns} (in any order).
     *
     * @throws BadInputException naming the file, the expected and the found header
     */
    static CsvRecords open(Path file, List<String> columns) {
        CsvRecords csv = CsvRecords.open(file, null);
        List<String> found = csv.header();
        if (found.size() != columns.size() || !found.containsAll(columns)) {
            csv.close();
            throw new BadInputException(csv.source() + ": the header row must be " + String.join(",", columns)
                    + ", found " + String.join(",", found));
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

    static long positiveId(String column, String value) {
        String t = required(column, value);
        long id;
        try {
            id = Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new BadInputException(column + " '" + t + "' is not a whole number");
        }
        if (id <= 0) {
            throw new BadInputException(column + " " + id + " is not a positive id");
        }
        return id;
    }

    static Instant instantWithOffset(String column, String value) {
        String t = required(column, value);
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadInputException(column + " '" + t + "' is not an ISO-8601 time with offset (e.g. 2026-11-01T08:00:00+08:00)");
        }
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
