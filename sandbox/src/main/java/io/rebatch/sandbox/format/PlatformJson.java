package io.rebatch.sandbox.format;

import io.rebatch.domain.BusinessTime;
import io.rebatch.domain.Money;
import io.rebatch.sandbox.generator.JdOrderRow;
import io.rebatch.sandbox.generator.PddOrderRow;
import io.rebatch.sandbox.generator.TaobaoOrderRow;
import io.rebatch.sandbox.generator.TaobaoRefundRow;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The platforms' real response bodies, built from generator rows: the single place that knows
 * field names, field order, units and envelopes (platforms.md part B). Both the
 * {@link io.rebatch.sandbox.generator.ScenarioWriter} (API dumps) and the sandbox server use it, so
 * a dump line is byte-for-byte what the server would have answered.
 *
 * <ul>
 *   <li>Taobao: money as 2-dp yuan strings, rates as percent strings, times
 *       {@code yyyy-MM-dd HH:mm:ss} Asia/Shanghai or {@code "--"}, ids as strings except
 *       {@code adzone_id}/{@code relation_id}/{@code special_id} (numbers); envelope
 *       {@code tbk_order_details_get_response.data.results.publisher_order_dto[]}. Refund rows:
 *       4-dp strings, trade ids as JSON numbers, page counters as strings.</li>
 *   <li>JD: money as JSON numbers with two decimals, rates with four, {@code finishTime ""} until
 *       receipt, {@code payMonth} an int; envelope {@code jd_union_open_order_row_query_responce}
 *       (JD's spelling) with {@code queryResult} a JSON document encoded as a string.</li>
 *   <li>PDD: fen and per-mille integers, epoch seconds or {@code null};
 *       envelope {@code order_list_get_response}.</li>
 * </ul>
 * Bodies are compact JSON, non-ASCII characters unescaped, as the gateways send them.
 */
public final class PlatformJson {
    /** Compact writer; BigDecimal as plain text (never 1E+1). */
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
    private static final String ABSENT = "--";

    private PlatformJson() {
    }

    public static String write(ObjectNode node) {
        return MAPPER.writeValueAsString(node);
    }

    private static String time(Instant t) {
        return t == null ? ABSENT : BusinessTime.formatLocal(t);
    }

    /** Basis points as a percent string: 1200 → "12.00". */
    public static String percent(int bps) {
        return BigDecimal.valueOf(bps, 2).toPlainString();
    }

    private static BigDecimal yuanNumber(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }

    private static BigDecimal percentNumber(int bps) {
        return BigDecimal.valueOf(bps, 2).setScale(4);
    }

    // ------------------------------------------------------------------ Taobao

    public static ObjectNode taobaoOrder(TaobaoOrderRow r) {
        ObjectNode o = MAPPER.createObjectNode();
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
    public static String taobaoOrderPage(List<TaobaoOrderRow> rows, boolean hasPre, boolean hasNext, long pageNo,
                                         long pageSize, String positionIndex, String requestId) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode resp = root.putObject("tbk_order_details_get_response");
        ObjectNode data = resp.putObject("data");
        ObjectNode results = data.putObject("results");
        if (!rows.isEmpty()) {
            ArrayNode arr = results.putArray("publisher_order_dto");
            rows.forEach(r -> arr.add(taobaoOrder(r)));
        }
        data.put("has_pre", hasPre);
        data.put("has_next", hasNext);
        data.put("page_no", pageNo);
        data.put("page_size", pageSize);
        data.put("position_index", positionIndex);
        resp.put("request_id", requestId);
        return write(root);
    }

    public static ObjectNode taobaoRefund(TaobaoRefundRow r) {
        ObjectNode o = MAPPER.createObjectNode();
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
    public static String taobaoRefundPage(List<TaobaoRefundRow> rows, long pageNo, long pageSize, long totalCount,
                                          String requestId) {
        ObjectNode root = MAPPER.createObjectNode();
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
        rows.forEach(r -> arr.add(taobaoRefund(r)));
        if (requestId != null) {
            resp.put("request_id", requestId);
        }
        return write(root);
    }

    /** TOP's error envelope; {@code subCode}/{@code subMsg} left out when null. */
    public static String topError(int code, String msg, String subCode, String subMsg, String requestId) {
        ObjectNode root = MAPPER.createObjectNode();
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
        return write(root);
    }

    // ------------------------------------------------------------------ JD

    public static ObjectNode jdOrder(JdOrderRow r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", r.id());
        o.put("orderId", r.orderId());
        o.put("parentId", r.parentId());
        o.put("skuId", r.skuId());
        o.put("skuName", r.skuName());
        o.put("skuNum", r.skuNum());
        o.put("skuReturnNum", r.skuReturnNum());
        o.put("skuFrozenNum", r.skuFrozenNum());
        o.put("price", yuanNumber(r.priceFen()));
        o.put("commissionRate", percentNumber(r.commissionRateBps()));
        o.put("subSideRate", percentNumber(r.subSideRateBps()));
        o.put("subsidyRate", percentNumber(r.subsidyRateBps()));
        o.put("finalRate", percentNumber(r.finalRateBps()));
        o.put("estimateCosPrice", yuanNumber(r.estimateCosPriceFen()));
        o.put("estimateFee", yuanNumber(r.estimateFeeFen()));
        o.put("actualCosPrice", yuanNumber(r.actualCosPriceFen()));
        o.put("actualFee", yuanNumber(r.actualFeeFen()));
        o.put("validCode", r.validCode());
        o.put("orderTime", BusinessTime.formatLocal(r.orderTime()));
        o.put("finishTime", r.finishTime() == null ? "" : BusinessTime.formatLocal(r.finishTime()));
        o.put("modifyTime", BusinessTime.formatLocal(r.modifyTime()));
        o.put("payMonth", r.payMonth());
        o.put("positionId", r.positionId());
        o.put("siteId", r.siteId());
        o.put("unionId", r.unionId());
        o.put("pid", r.pid());
        o.put("subUnionId", r.subUnionId());
        o.put("traceType", r.traceType());
        o.put("orderEmt", r.orderEmt());
        o.put("plus", r.plus());
        o.put("unionRole", r.unionRole());
        o.put("unionTag", r.unionTag());
        return o;
    }

    /** One page of {@code jd.union.open.order.row.query}; {@code data} is left out when the page is empty. */
    public static String jdOrderPage(List<JdOrderRow> rows, boolean hasMore, String requestId) {
        ObjectNode inner = MAPPER.createObjectNode();
        inner.put("code", 200);
        inner.put("message", "success");
        inner.put("requestId", requestId);
        inner.put("hasMore", hasMore);
        if (!rows.isEmpty()) {
            ArrayNode arr = inner.putArray("data");
            rows.forEach(r -> arr.add(jdOrder(r)));
        }
        return jdEnvelope(write(inner));
    }

    /** A JD business error: the gateway says "0", the inner {@code queryResult.code} is not 200. */
    public static String jdBusinessError(int code, String message, String requestId) {
        ObjectNode inner = MAPPER.createObjectNode();
        inner.put("code", code);
        inner.put("message", message);
        inner.put("requestId", requestId);
        return jdEnvelope(write(inner));
    }

    private static String jdEnvelope(String queryResult) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode resp = root.putObject("jd_union_open_order_row_query_responce");
        resp.put("code", "0");
        resp.put("queryResult", queryResult);
        return write(root);
    }

    /** A JOS gateway error: {@code {"error_response":{"code":"12","zh_desc":…,"en_desc":…}}}. */
    public static String jdGatewayError(String code, String zhDesc, String enDesc) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode e = root.putObject("error_response");
        e.put("code", code);
        e.put("zh_desc", zhDesc);
        e.put("en_desc", enDesc);
        return write(root);
    }

    // ------------------------------------------------------------------ Pinduoduo

    private static void epoch(ObjectNode o, String field, Instant t) {
        if (t == null) {
            o.putNull(field);
        } else {
            o.put(field, t.getEpochSecond());
        }
    }

    public static ObjectNode pddOrder(PddOrderRow r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("order_sn", r.orderSn());
        o.put("order_id", r.orderId());
        o.put("goods_id", r.goodsId());
        o.put("goods_name", r.goodsName());
        o.put("goods_quantity", r.goodsQuantity());
        o.put("goods_price", r.goodsPrice());
        o.put("order_amount", r.orderAmount());
        o.put("promotion_rate", r.promotionRate());
        o.put("promotion_amount", r.promotionAmount());
        o.put("order_status", r.orderStatus());
        o.put("order_status_desc", PddOrderRow.statusDesc(r.orderStatus()));
        epoch(o, "order_create_time", r.orderCreateTime());
        epoch(o, "order_pay_time", r.orderPayTime());
        epoch(o, "order_group_success_time", r.orderGroupSuccessTime());
        epoch(o, "order_receive_time", r.orderReceiveTime());
        epoch(o, "order_verify_time", r.orderVerifyTime());
        epoch(o, "order_settle_time", r.orderSettleTime());
        epoch(o, "order_modify_at", r.orderModifyAt());
        o.put("p_id", r.pId());
        o.put("custom_parameters", r.customParameters());
        return o;
    }

    /** One page of {@code pdd.ddk.order.list.increment.get}; {@code totalCount} null leaves it out ({@code return_count=false}). */
    public static String pddOrderPage(List<PddOrderRow> rows, Long totalCount, String requestId) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode resp = root.putObject("order_list_get_response");
        ArrayNode arr = resp.putArray("order_list");
        rows.forEach(r -> arr.add(pddOrder(r)));
        if (totalCount != null) {
            resp.put("total_count", totalCount.longValue());
        }
        resp.put("request_id", requestId);
        return write(root);
    }

    /** PDD's error envelope. */
    public static String pddError(int errorCode, String errorMsg, String subMsg, String requestId) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode e = root.putObject("error_response");
        e.put("error_code", errorCode);
        e.put("error_msg", errorMsg);
        e.put("sub_code", Integer.toString(errorCode));
        e.put("sub_msg", subMsg == null ? "" : subMsg);
        e.put("request_id", requestId);
        return write(root);
    }
}
