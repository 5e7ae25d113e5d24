package io.rebatch.writers.settle;

import io.rebatch.domain.OrderLine;
import io.rebatch.domain.Refund;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One line as settle reads it: the stored snapshot, its latest refund (or null), its settlement state (or null)
 * the snapshot fields its stored rebate records show ({@code recorded}; null when it has no BUYER record) and the
 * date it is due for settlement ({@code dueOn}, see {@link io.rebatch.domain.SettleDue}).
 */
public record SettleItem(long lineSeq, OrderLine line, Refund refund, SettlementState state, LineFields recorded,
                         LocalDate dueOn) {

    /** The snapshot fields a rebate record shows: item title, created and settled time. */
    public record LineFields(String itemTitle, Instant createdAt, Instant settledAt) {
        public static LineFields of(OrderLine line) {
            return new LineFields(line.itemTitle(), line.createdAt(), line.settledAt());
        }
    }
}
