package io.rebatch.readers.appdata;

import io.rebatch.domain.BadInputException;
import io.rebatch.domain.Level;
import io.rebatch.domain.PlausibleTimes;
import io.rebatch.readers.report.CsvRecords;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads {@code users.csv} (SPEC §2.2): header {@code user_id,level,inviter_id,registered_at}; user and inviter ids
 * positive longs (inviter empty when none, never the user itself); level {@code NORMAL}, {@code VIP} or
 * {@code SVIP}; registered_at ISO-8601 with an offset. Encoding detected like every CSV (UTF-8 with or without BOM,
 * or GB18030).
 */
public final class UsersCsv {
    public static final List<String> COLUMNS = List.of("user_id", "level", "inviter_id", "registered_at");

    private UsersCsv() {
    }

    /** {@link #open(Path, PlausibleTimes)} with no limit on registered_at. */
    public static AppDataCursor<UserRow> open(Path file) {
        return open(file, PlausibleTimes.ANY);
    }

    /**
     * @param times the plausible range of registered_at; a user registered outside it is Rejected
     * @throws BadInputException if the header row is not exactly {@link #COLUMNS}, or the file is UTF-16
     */
    public static AppDataCursor<UserRow> open(Path file, PlausibleTimes times) {
        CsvRecords csv = AppDataFields.open(file, COLUMNS);
        int[] at = AppDataFields.positions(csv, COLUMNS);
        return new AppDataCursor<>(csv, v -> parse(v.get(at[0]), v.get(at[1]), v.get(at[2]), v.get(at[3]), times));
    }

    static UserRow parse(String userId, String level, String inviterId, String registeredAt) {
        return parse(userId, level, inviterId, registeredAt, PlausibleTimes.ANY);
    }

    static UserRow parse(String userId, String level, String inviterId, String registeredAt, PlausibleTimes times) {
        long user = AppDataFields.positiveId("user_id", userId);
        Level lvl;
        String l = AppDataFields.required("level", level);
        try {
            lvl = Level.valueOf(l);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("level '" + l + "' is not NORMAL, VIP or SVIP");
        }
        Long inviter = null;
        if (!AppDataFields.text(inviterId).isEmpty()) {
            inviter = AppDataFields.positiveId("inviter_id", inviterId);
            if (inviter == user) {
                throw new BadInputException("user " + user + " cannot invite themselves");
            }
        }
        return new UserRow(user, lvl, inviter, AppDataFields.instantWithOffset("registered_at", registeredAt, times));
    }
}
