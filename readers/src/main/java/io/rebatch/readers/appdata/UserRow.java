package io.rebatch.readers.appdata;

import io.rebatch.domain.Attribution;
import io.rebatch.domain.Level;
import java.time.Instant;

/** A user of the app ({@code users.csv}): positive id, level, inviter (null when none), registration instant. */
public record UserRow(long userId, Level level, Long inviterId, Instant registeredAt) {

    /** The attribution's view of this user. */
    public Attribution.User toUser() {
        return new Attribution.User(userId, level, inviterId);
    }
}
