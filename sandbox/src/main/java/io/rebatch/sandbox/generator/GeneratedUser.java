package io.rebatch.sandbox.generator;

import io.rebatch.domain.Level;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A row of {@code users.csv}. {@code inviterId} may name a user who is not in the file (the app
 * had them, the export did not): rebatch must ignore such an inviter.
 *
 * @param shownOffset the offset {@code registered_at} is written with (+08:00 or +00:00; same instant)
 */
public record GeneratedUser(long userId, Level level, Long inviterId, Instant registeredAt, ZoneOffset shownOffset) {
}
