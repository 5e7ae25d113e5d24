package io.rebatch.sandbox.jd;

import io.rebatch.sandbox.generator.PlatformRow;

import java.time.Instant;

/**
 * One {@code OrderRowResp} of {@code jd.union.open.order.row.query}. Money in fen (rendered as JSON
 * numbers in yuan with two decimals), rates in bp (rendered as percent numbers with four decimals),
 * times as instants ({@code finishTime} {@code ""} while null), {@code payMonth} yyyyMMdd or 0.
 */
public record JdOrderRow(
        String id,
        long orderId,
        long parentId,
        long skuId,
        String skuName,
        int skuNum,
        int skuReturnNum,
        int skuFrozenNum,
        long priceFen,
        int commissionRateBps,
        int subSideRateBps,
        int subsidyRateBps,
        int finalRateBps,
        long estimateCosPriceFen,
        long estimateFeeFen,
        long actualCosPriceFen,
        long actualFeeFen,
        int validCode,
        Instant orderTime,
        Instant finishTime,
        Instant modifyTime,
        int payMonth,
        long positionId,
        long siteId,
        long unionId,
        String pid,
        String subUnionId,
        int traceType,
        int orderEmt,
        int plus,
        int unionRole,
        String unionTag) implements PlatformRow {

    @Override
    public int statusCode() {
        return validCode;
    }
}
