package io.rebatch.sandbox.taobao;

import io.rebatch.sandbox.generator.PlatformRow;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One {@code result} row of {@code taobao.tbk.relation.refund}. The commission refund is a yuan
 * amount with four decimals, as the real API gives it; the ids are JSON numbers.
 */
public record TaobaoRefundRow(
        long tbTradeId,
        long tbTradeParentId,
        int refundStatus,
        BigDecimal tkCommissionFeeRefundPub,
        BigDecimal tkSubsidyFeeRefundPub,
        BigDecimal refundFee,
        BigDecimal tbTradeFinishPrice,
        Instant modifiedTime,
        Instant tkRefundTime,
        Instant tkRefundSuitTime,
        Instant earningTime,
        Instant tbTradeCreateTime,
        int refundType,
        String tbAuctionTitle,
        Long relationId,
        Long specialId) implements PlatformRow {

    @Override
    public int statusCode() {
        return refundStatus;
    }
}
