package io.rebatch.domain.statement;

import io.rebatch.domain.LineStatus;
import java.time.Instant;
import java.util.Objects;

/** What rebatch knows of a line a statement names: its current status and, when settled, its settled_at. */
public record KnownLine(String orderLineId, LineStatus status, Instant settledAt) {
    public KnownLine {
        Objects.requireNonNull(orderLineId, "orderLineId");
        Objects.requireNonNull(status, "status");
    }
}
