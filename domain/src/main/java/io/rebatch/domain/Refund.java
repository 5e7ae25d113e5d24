package io.rebatch.domain;

import java.time.Instant;
import java.util.Set;

/**
 * A Taobao refund-after-settlement snapshot (platforms.md part A). The line's latest refund snapshot
 * decides: status 2, 13 or 15 means the refund took effect and its amount (capped at the settled
 * income) is taken back; any other status means nothing is taken back.
 */
public record Refund(String orderLineId, int refundStatus, long refundFen, Instant modifiedAt, String source) {
    public Refund {
        if (refundFen < 0) {
            throw new BadInputException("refund of line " + orderLineId + " is negative: " + refundFen);
        }
        if (modifiedAt == null) {
            throw new BadInputException("refund of line " + orderLineId + " has no modification time");
        }
    }

    public static final Set<Integer> EFFECTIVE = Set.of(2, 13, 15);

    public boolean effective() {
        return EFFECTIVE.contains(refundStatus);
    }

    /** The refunded income of a settled line given its latest refund snapshot (null: none). */
    public static long refundedIncomeFen(Refund latest, long settledIncomeFen) {
        if (latest == null || !latest.effective()) {
            return 0;
        }
        return Math.min(latest.refundFen(), settledIncomeFen);
    }

    /** Refund snapshots are ordered by modified_time; equal times: the last imported wins. */
    public static boolean replaces(Refund incoming, Refund stored) {
        return stored == null || !incoming.modifiedAt().isBefore(stored.modifiedAt());
    }
}
