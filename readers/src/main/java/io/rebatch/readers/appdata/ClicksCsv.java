package io.rebatch.readers.appdata;

import io.rebatch.domain.Attribution;
import io.rebatch.domain.BadInputException;
import io.rebatch.domain.FieldLimits;
import io.rebatch.domain.PlausibleTimes;
import io.rebatch.readers.report.CsvRecords;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads {@code clicks.csv} (SPEC §2.2): header {@code click_id,user_id,platform,item_id,pid,clicked_at}; click and
 * user ids positive longs; item_id and pid non-empty strings (compared as strings, never as numbers); clicked_at
 * ISO-8601 with an offset. The records are the domain's {@link Attribution.Click}. Duplicate click ids are left to
 * the loader's upsert (the same click).
 */
public final class ClicksCsv {
    public static final List<String> COLUMNS = List.of("click_id", "user_id", "platform", "item_id", "pid", "clicked_at");

    private ClicksCsv() {
    }

    /** {@link #open(Path, PlausibleTimes)} with no limit on clicked_at. */
    public static AppDataCursor<Attribution.Click> open(Path file) {
        return open(file, PlausibleTimes.ANY);
    }

    /**
     * @param times the plausible range of clicked_at; a click outside it is Rejected
     * @throws BadInputException if the header row is not exactly {@link #COLUMNS}, or the file is UTF-16
     */
    public static AppDataCursor<Attribution.Click> open(Path file, PlausibleTimes times) {
        CsvRecords csv = AppDataFields.open(file, COLUMNS);
        int[] at = AppDataFields.positions(csv, COLUMNS);
        return new AppDataCursor<>(csv, v -> parse(v.get(at[0]), v.get(at[1]), v.get(at[2]), v.get(at[3]),
                v.get(at[4]), v.get(at[5]), times));
    }

    static Attribution.Click parse(String clickId, String userId, String platform, String itemId, String pid, String clickedAt) {
        return parse(clickId, userId, platform, itemId, pid, clickedAt, PlausibleTimes.ANY);
    }

    static Attribution.Click parse(String clickId, String userId, String platform, String itemId, String pid,
                                   String clickedAt, PlausibleTimes times) {
        return new Attribution.Click(
                AppDataFields.positiveId("click_id", clickId),
                AppDataFields.positiveId("user_id", userId),
                AppDataFields.platform("platform", platform),
                AppDataFields.requiredPlatformId("item_id", itemId, FieldLimits.CLICK_ITEM_ID),
                AppDataFields.requiredPlatformId("pid", pid, FieldLimits.CLICK_PID),
                AppDataFields.instantWithOffset("clicked_at", clickedAt, times));
    }
}
