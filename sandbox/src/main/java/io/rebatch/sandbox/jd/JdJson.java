package io.rebatch.sandbox.jd;

import io.rebatch.domain.BusinessTime;
import io.rebatch.sandbox.WireJson;
import io.rebatch.sandbox.generator.SeedMath;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;

/**
 * JD JOS's real response bodies for {@code jd.union.open.order.row.query}, built from generator
 * rows; used by the API dumps and the {@link JdGateway} alike. Money as JSON numbers with two
 * decimals, rates with four, {@code finishTime ""} until receipt, {@code payMonth} an int; envelope
 * {@code jd_union_open_order_row_query_responce} (JD's spelling) with {@code queryResult} a JSON
 * document encoded as a string.
 */
public final class JdJson {
    private JdJson() {
    }

    /** JD request ids look like {@code o_0b3f…_…}. */
    public static String requestId(SplittableRandom r) {
        return "o_" + SeedMath.hex(r, 8) + "_" + SeedMath.hex(r, 8) + "_" + SeedMath.hex(r, 6);
    }

    private static BigDecimal yuanNumber(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }

    private static BigDecimal percentNumber(int bps) {
        return BigDecimal.valueOf(bps, 2).setScale(4);
    }

    public static ObjectNode order(JdOrderRow r) {
        ObjectNode o = WireJson.MAPPER.createObjectNode();
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
    public static String orderPage(List<JdOrderRow> rows, boolean hasMore, String requestId) {
        ObjectNode inner = WireJson.MAPPER.createObjectNode();
        inner.put("code", 200);
        inner.put("message", "success");
        inner.put("requestId", requestId);
        inner.put("hasMore", hasMore);
        if (!rows.isEmpty()) {
            ArrayNode arr = inner.putArray("data");
            rows.forEach(r -> arr.add(order(r)));
        }
        return envelope(WireJson.write(inner));
    }

    /** A JD business error: the gateway says "0", the inner {@code queryResult.code} is not 200. */
    public static String businessError(int code, String message, String requestId) {
        ObjectNode inner = WireJson.MAPPER.createObjectNode();
        inner.put("code", code);
        inner.put("message", message);
        inner.put("requestId", requestId);
        return envelope(WireJson.write(inner));
    }

    private static String envelope(String queryResult) {
        ObjectNode root = WireJson.MAPPER.createObjectNode();
        ObjectNode resp = root.putObject("jd_union_open_order_row_query_responce");
        resp.put("code", "0");
        resp.put("queryResult", queryResult);
        return WireJson.write(root);
    }

    /** A JOS gateway error: {@code {"error_response":{"code":"12","zh_desc":…,"en_desc":…}}}. */
    public static String gatewayError(String code, String zhDesc, String enDesc) {
        ObjectNode root = WireJson.MAPPER.createObjectNode();
        ObjectNode e = root.putObject("error_response");
        e.put("code", code);
        e.put("zh_desc", zhDesc);
        e.put("en_desc", enDesc);
        return WireJson.write(root);
    }
}
