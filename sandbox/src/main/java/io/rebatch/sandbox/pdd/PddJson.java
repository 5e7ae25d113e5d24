package io.rebatch.sandbox.pdd;

import io.rebatch.sandbox.WireJson;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Pinduoduo's real response bodies for {@code pdd.ddk.order.list.increment.get}, built from
 * generator rows; used by the API dumps and the {@link PddGateway} alike. Fen and per-mille
 * integers, epoch seconds or {@code null}; envelope {@code order_list_get_response}.
 */
public final class PddJson {
    private PddJson() {
    }

    /** PDD request ids: "17" and 19 digits. */
    public static String requestId(SplittableRandom r) {
        return "17" + (1_000_000_000_000_000L + r.nextLong(8_999_999_999_999_999L));
    }

    private static void epoch(ObjectNode o, String field, Instant t) {
        if (t == null) {
            o.putNull(field);
        } else {
            o.put(field, t.getEpochSecond());
        }
    }

    public static ObjectNode order(PddOrderRow r) {
        ObjectNode o = WireJson.MAPPER.createObjectNode();
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
    public static String orderPage(List<PddOrderRow> rows, Long totalCount, String requestId) {
        ObjectNode root = WireJson.MAPPER.createObjectNode();
        ObjectNode resp = root.putObject("order_list_get_response");
        ArrayNode arr = resp.putArray("order_list");
        rows.forEach(r -> arr.add(order(r)));
        if (totalCount != null) {
            resp.put("total_count", totalCount.longValue());
        }
        resp.put("request_id", requestId);
        return WireJson.write(root);
    }

    /** PDD's error envelope. */
    public static String error(int errorCode, String errorMsg, String subMsg, String requestId) {
        ObjectNode root = WireJson.MAPPER.createObjectNode();
        ObjectNode e = root.putObject("error_response");
        e.put("error_code", errorCode);
        e.put("error_msg", errorMsg);
        e.put("sub_code", Integer.toString(errorCode));
        e.put("sub_msg", subMsg == null ? "" : subMsg);
        e.put("request_id", requestId);
        return WireJson.write(root);
    }
}
