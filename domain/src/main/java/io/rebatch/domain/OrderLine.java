package io.rebatch.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The canonical order line (SPEC §3): one snapshot of one platform order line as a report gave it.
 * Every platform's row becomes this record; amounts are fen, rates bp, times instants. Ids are strings.
 * {@code settledIncomeFen} is null until the line is SETTLED. Refunds after settlement are not part
 * of a snapshot: they come from the refund feed and are applied by {@link Income}.
 *
 * @param source where the snapshot came from (file or API page, and the line number), for audits
 */
public record OrderLine(
        Platform platform,
        String orderLineId,
        String parentOrderId,
        String itemId,
        String itemTitle,
        int quantity,
        long paidAmountFen,
        int commissionRateBps,
        long estimatedIncomeFen,
        Long settledIncomeFen,
        LineStatus status,
        Instant createdAt,
        Instant paidAt,
        Instant receivedAt,
        Instant settledAt,
        Instant modifiedAt,
        String pid,
        String relationId,
        String specialId,
        String subUnionId,
        String customUid,
        String source) {

    public OrderLine {
        Objects.requireNonNull(platform, "platform");
        if (orderLineId == null || orderLineId.isBlank()) {
            throw new BadInputException("order line id is missing");
        }
        if (orderLineId.length() > 64) {
            throw new BadInputException("order line id '" + orderLineId.substring(0, 20) + "…' is longer than 64 characters");
        }
        Objects.requireNonNull(status, "status");
        if (createdAt == null) {
            throw new BadInputException("order line " + orderLineId + " has no creation time");
        }
        if (modifiedAt == null) {
            throw new BadInputException("order line " + orderLineId + " has no modification time");
        }
        if (paidAt == null && status != LineStatus.INVALID) {
            throw new BadInputException("order line " + orderLineId + " has no payment time");
        }
        if (status == LineStatus.SETTLED && settledAt == null) {
            throw new BadInputException("settled order line " + orderLineId + " has no settlement time");
        }
        if (status == LineStatus.SETTLED && settledIncomeFen == null) {
            throw new BadInputException("settled order line " + orderLineId + " has no settled income");
        }
        if (estimatedIncomeFen < 0) {
            throw new BadInputException("order line " + orderLineId + " has negative estimated income " + estimatedIncomeFen);
        }
        if (settledIncomeFen != null && settledIncomeFen < 0) {
            throw new BadInputException("order line " + orderLineId + " has negative settled income " + settledIncomeFen);
        }
        if (status != LineStatus.SETTLED) {
            settledIncomeFen = null;
        }
    }

    /**
     * The business date that picks the line's rule set: its paid_at date, or for a line that was closed without
     * ever being paid (INVALID, no paid_at) its created_at date.
     */
    public java.time.LocalDate ruleDate() {
        return BusinessTime.dateOf(paidAt != null ? paidAt : createdAt);
    }

    public SnapshotOrder.Version version() {
        return new SnapshotOrder.Version(modifiedAt, status.rank());
    }
}
