package io.rebatch.sandbox.generator;

import io.rebatch.domain.Platform;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A row of {@code clicks.csv}. The same {@code clickId} can appear in several rows (the app's log
 * re-sent it), possibly written with a different offset for the same instant.
 */
public record GeneratedClick(long clickId, long userId, Platform platform, String itemId, String pid, Instant clickedAt,
                    ZoneOffset shownOffset) {
}
