package io.rebatch.jobs.settle;

import io.rebatch.domain.OrderLine;
import io.rebatch.domain.Refund;

/**
 * One line as settle reads it: the stored snapshot, its latest refund (or null), its settlement state (or null)
 * and the snapshot fields its stored rebate records show ({@code recorded}; null when it has no BUYER record).
 */
public record SettleItem(long lineSeq, OrderLine line, Refund refund, SettlementState state,
                         RebateRecords.LineFields recorded) {
}
