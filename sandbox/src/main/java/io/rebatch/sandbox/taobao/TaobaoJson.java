package io.rebatch.sandbox.taobao;

import io.rebatch.domain.BusinessTime;
import io.rebatch.domain.Money;
import io.rebatch.sandbox.WireJson;
import io.rebatch.sandbox.generator.Snapshot;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Taobao TOP's real response bodies, built from generator rows: the single place that knows their
 * field names, field order, units and envelopes (platforms.md part B). The scenario files (API
 * dumps) and the {@link TaobaoGateway} both use it, so a dump line is byte-for-byte what the server
 * would have answered.
 *
 * <p>Money as 2-dp yuan strings, rates as percent strings, times {@code yyyy-MM-dd HH:mm:ss}
 * Asia/Shanghai or {@code "--"}, ids as strings except {@code adzone_id}/{@code relation_id}/{@code
 * special_id} (numbers); envelope {@code tbk_order_details_get_response.data.results.publisher_order_dto[]}.
 * Refund rows: 4-dp strings, trade ids as JSON numbers, page counters as strings.
 */
public final class TaobaoJson {
    private static final String ABSENT = "--";

    private TaobaoJson() {
    }

    static String time(Instant t) {
        return t == null ? ABSENT : BusinessTime.formatLocal(t);
    }

    /** Basis points as a percent string: 1200 → "12.00". */
    public static String percent(int bps) {
        return BigDecimal.valueOf(bps, 2).toPlainString();
    }

    /** TOP request ids look like {@code "16l9x2qz8b1mk"}: 13 base-36 characters. */
    public static String requestId(SplittableRandom r) {
        StringBuilder sb = new StringBuilder(13);
        for (int i = 0; i < 13; i++) {
            sb.append(Character.forDigit(r.nextInt(36), 36));
        }
        return sb.toString();
    }

    /** The position_index of a page: its first and last rows, keyed by modified_time. */
    public static String positionIndex(List<Snapshot> slice) {
        if (slice.isEmpty()) {
            return "";
        }
        return TaobaoPositionIndex.encode(key(slice.get(0)), key(slice.get(slice.size() - 1)));
    }

    private static TaobaoPositionIndex.Key key(Snapshot s) {
        return new TaobaoPositionIndex.Key(s.updatedAt().getEpochSecond(), Long.parseLong(s.lineId()), s.seq());
    }

    public static ObjectNode order(TaobaoOrderRow r) {
        ObjectNode o = WireJson.MAPPER.createObjectNode();
        o.put("trade_id", r.tradeId());
        o.put("trade_parent_id", r.tradeParentId());
        o.put("item_id", r.itemId());
        o.put("item_title", r.itemTitle());
        o.put("item_num", r.itemNum());
        o.put("item_price", Money.formatYuan(r.itemPriceFen()));
        o.put("alipay_total_price", Money.formatYuan(r.alipayTotalPriceFen()));
        o.put("pay_price", r.payPriceFen() == null ? ABSENT : Money.formatYuan(r.payPriceFen()));
        o.put("total_commission_rate", percent(r.totalCommissionRateBps()));
        o.put("total_commission_fee", Money.formatYuan(r.totalCommissionFeeFen()));
        o.put("pub_share_pre_fee", Money.formatYuan(r.pubSharePreFeeFen()));
        o.put("pub_share_fee", Money.formatYuan(r.pubShareFeeFen()));
        o.put("alimama_rate", percent(r.alimamaRateBps()));
        o.put("alimama_share_fee", Money.formatYuan(r.alimamaShareFeeFen()));
        o.put("tk_status", r.tkStatus());
        o.put("refund_tag", r.refundTag());
        o.put("tk_order_role", 2);
        o.put("order_type", r.orderType());
        o.put("tk_create_time", time(r.tkCreateTime()));
        o.put("tk_paid_time", time(r.tkPaidTime()));
        o.put("tb_paid_time", time(r.tkPaidTime()));
        o.put("tk_earning_time", time(r.tkEarningTime()));
        o.put("click_time", time(r.clickTime()));
        o.put("modified_time", time(r.modifiedTime()));
        o.put("adzone_id", r.adzoneId());
        o.put("site_id", r.siteId());
        o.put("pub_id", r.pubId());
        o.put("tb_deposit_time", ABSENT);
        o.put("deposit_price", "0.00");
        o.put("subsidy_type", ABSENT);
        if (r.relationId() != null) {
            o.put("relation_id", r.relationId());
        }
        if (r.specialId() != null) {
            o.put("special_id", r.specialId());
        }
        return o;
    }

    /**
     * One page of {@code taobao.tbk.order.details.get}. An empty page has {@code results} without
     * {@code publisher_order_dto}, as the real API.
     */
    public static String orderPage(List<TaobaoOrderRow> rows, boolean hasPre, boolean hasNext, long pageNo,
                                         long pageSize, String positionIndex, String requestId) {
        ObjectNode root = WireJson.MAPPER.createObjectNode();
        ObjectNode resp = root.putObject("tbk_order_details_get_response");
        ObjectNode data = resp.putObject("data");
        ObjectNode results = data.putObject("results");
        if (!rows.isEmpty()) {
            ArrayNode arr = results.putArray("publisher_order_dto");
            rows.forEach(r -> arr.add(order(r)));
        }
        data.put("has_pre", hasPre);
        data.put("has_next", hasNext);
        data.put("page_no", pageNo);
        data.put("page_size", pageSize);
        data.put("position_index", positionIndex);
        resp.put("request_id", requestId);
        return WireJson.write(root);
    }

    public static ObjectNode refund(TaobaoRefundRow r) {
        ObjectNode o = WireJson.MAPPER.createObjectNode();
        o.put("tb_trade_id", r.tbTradeId());
        o.put("tb_trade_parent_id", r.tbTradeParentId());
        o.put("refund_status", r.refundStatus());
        o.put("tk_commission_fee_refund_pub", r.tkCommissionFeeRefundPub().toPlainString());
        o.put("tk_subsidy_fee_refund_pub", r.tkSubsidyFeeRefundPub().toPlainString());
        o.put("refund_fee", r.refundFee().toPlainString());
        o.put("tb_trade_finish_price", r.tbTradeFinishPrice().toPlainString());
        o.put("modified_time", time(r.modifiedTime()));
        o.put("tk_refund_time", time(r.tkRefundTime()));
        o.put("tk_refund_suit_time", time(r.tkRefundSuitTime()));
        o.put("earning_time", time(r.earningTime()));
        o.put("tb_trade_create_time", time(r.tbTradeCreateTime()));
        o.put("refund_type", r.refundType());
        o.put("tb_auction_title", r.tbAuctionTitle());
        if (r.relationId() != null) {
            o.put("relation_id", r.relationId());
        }
        if (r.specialId() != null) {
            o.put("special_id", r.specialId());
        }
        return o;
    }

    /** One page of {@code taobao.tbk.relation.refund}; {@code requestId} null leaves it out (as in the sample dumps). */
    public static String refundPage(List<TaobaoRefundRow> rows, long pageNo, long pageSize, long totalCount,
                                          String requestId) {
        ObjectNode root = WireJson.MAPPER.createObjectNode();
        ObjectNode resp = root.putObject("tbk_relation_refund_response");
        ObjectNode result = resp.putObject("result");
        result.put("result_code", 0);
        result.put("result_msg", "成功");
        ObjectNode data = result.putObject("data");
        data.put("page_no", Long.toString(pageNo));
        data.put("page_size", Long.toString(pageSize));
        data.put("total_count", Long.toString(totalCount));
        ObjectNode results = data.putObject("results");
        ArrayNode arr = results.putArray("result");
        rows.forEach(r -> arr.add(refund(r)));
        if (requestId != null) {
            resp.put("request_id", requestId);
        }
        return WireJson.write(root);
    }

    /** TOP's error envelope; {@code subCode}/{@code subMsg} left out when null. */
    public static String topError(int code, String msg, String subCode, String subMsg, String requestId) {
        ObjectNode root = WireJson.MAPPER.createObjectNode();
        ObjectNode e = root.putObject("error_response");
        e.put("code", code);
        e.put("msg", msg);
        if (subCode != null) {
            e.put("sub_code", subCode);
        }
        if (subMsg != null) {
            e.put("sub_msg", subMsg);
        }
        e.put("request_id", requestId);
        return WireJson.write(root);
    }
}
