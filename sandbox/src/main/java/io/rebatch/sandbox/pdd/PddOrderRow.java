package io.rebatch.sandbox.pdd;

import io.rebatch.sandbox.generator.PlatformRow;

import java.time.Instant;

/**
 * One {@code order_list[]} element of {@code pdd.ddk.order.list.increment.get}. Money in fen and
 * rates in per-mille, as the API gives them; times as instants (rendered as epoch seconds, null
 * until reached).
 */
public record PddOrderRow(
        String orderSn,
        String orderId,
        long goodsId,
        String goodsName,
        int goodsQuantity,
        long goodsPrice,
        long orderAmount,
        int promotionRate,
        long promotionAmount,
        int orderStatus,
        Instant orderCreateTime,
        Instant orderPayTime,
        Instant orderGroupSuccessTime,
        Instant orderReceiveTime,
        Instant orderVerifyTime,
        Instant orderSettleTime,
        Instant orderModifyAt,
        String pId,
        String customParameters) implements PlatformRow {

    @Override
    public int statusCode() {
        return orderStatus;
    }

    /** The same row re-stamped with a new {@code order_modify_at} (the sandbox server's paging-time updates). */
    public PddOrderRow withOrderModifyAt(Instant t) {
        return new PddOrderRow(orderSn, orderId, goodsId, goodsName, goodsQuantity, goodsPrice, orderAmount,
                promotionRate, promotionAmount, orderStatus, orderCreateTime, orderPayTime, orderGroupSuccessTime,
                orderReceiveTime, orderVerifyTime, orderSettleTime, t, pId, customParameters);
    }

    public static String statusDesc(int status) {
        return switch (status) {
            case -1 -> "未支付";
            case 0 -> "已支付";
            case 1 -> "已成团";
            case 2 -> "确认收货";
            case 3 -> "审核成功";
            case 4 -> "审核失败（不可提现）";
            case 5 -> "已经结算";
            case 8 -> "非多多进宝商品（无佣金订单）";
            case 10 -> "已处罚";
            default -> "未知";
        };
    }
}
