package io.rebatch.jobs.settle;

import io.rebatch.domain.OrderLine;
import io.rebatch.domain.Refund;

/** One line as settle reads it: the stored snapshot, its latest refund (or null) and its settlement state (or null). */
public record SettleItem(long lineSeq, OrderLine line, Refund refund, SettlementState state) {
}
