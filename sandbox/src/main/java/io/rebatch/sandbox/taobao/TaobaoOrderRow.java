package io.rebatch.sandbox.taobao;

import io.rebatch.sandbox.generator.PlatformRow;

import java.time.Instant;

/**
 * One {@code publisher_order_dto} of {@code taobao.tbk.order.details.get}. Money in fen (rendered
 * as 2-dp yuan strings), rates in bp (rendered as percent strings), times as instants (rendered as
 * Asia/Shanghai {@code yyyy-MM-dd HH:mm:ss}, {@code "--"} when null).
 *
 * @param payPriceFen 结算金额; null ("--") until the buyer confirmed receipt
 */
public record TaobaoOrderRow(
        String tradeId,
        String tradeParentId,
        String itemId,
        String itemTitle,
        int itemNum,
        long itemPriceFen,
        long alipayTotalPriceFen,
        Long payPriceFen,
        int totalCommissionRateBps,
        long totalCommissionFeeFen,
        long pubSharePreFeeFen,
        long pubShareFeeFen,
        int alimamaRateBps,
        long alimamaShareFeeFen,
        int tkStatus,
        int refundTag,
        String orderType,
        Instant tkCreateTime,
        Instant tkPaidTime,
        Instant tkEarningTime,
        Instant clickTime,
        Instant modifiedTime,
        long adzoneId,
        long siteId,
        long pubId,
        Long relationId,
        Long specialId) implements PlatformRow {

    @Override
    public int statusCode() {
        return tkStatus;
    }
}
