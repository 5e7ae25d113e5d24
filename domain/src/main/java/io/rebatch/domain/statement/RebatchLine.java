package io.rebatch.domain.statement;

import io.rebatch.domain.Platform;
import java.time.Instant;
import java.util.Objects;

/**
 * One line rebatch holds as SETTLED with settled_at in the month being reconciled: its settled income before
 * refunds (what a platform's settlement states) and whether a refund snapshot exists for it.
 */
public record RebatchLine(Platform platform, String orderLineId, long settledIncomeFen, Instant settledAt,
                          boolean hasRefundSnapshot) {
    public RebatchLine {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(orderLineId, "orderLineId");
        Objects.requireNonNull(settledAt, "settledAt");
    }
}
