package io.rebatch.readers.api;

import java.util.List;
import mockwebserver3.MockResponse;

/** Response bodies as the platforms send them, for mockwebserver3 tests. */
public final class Bodies {
    private Bodies() {
    }

    /** A real-shaped Taobao order (PAID, 116.23 yuan), trade id {@code tradeId}. */
    public static String taobaoOrder(String tradeId) {
        return taobaoOrder(tradeId, "2026-11-24 08:54:48");
    }

    /** The same order with another {@code modified_time}. */
    public static String taobaoOrder(String tradeId, String modifiedTime) {
        return "{\"trade_id\":\"" + tradeId + "\",\"trade_parent_id\":\"2284346265955921334\",\"item_id\":\"398883526806\","
                + "\"item_title\":\"夏季新款纯棉T恤 男士短袖\",\"item_num\":1,\"alipay_total_price\":\"116.23\","
                + "\"total_commission_rate\":\"12.00\",\"pub_share_pre_fee\":\"13.94\",\"pub_share_fee\":\"0.00\","
                + "\"alimama_share_fee\":\"1.39\",\"tk_status\":12,\"tk_create_time\":\"2026-11-24 08:46:30\","
                + "\"tk_paid_time\":\"2026-11-24 08:54:48\",\"tk_earning_time\":\"--\",\"modified_time\":\"" + modifiedTime + "\","
                + "\"adzone_id\":93434641669,\"relation_id\":9217956139}";
    }

    /** A Taobao order page; {@code results} is the raw value of {@code "results"} or null to omit the key. */
    public static String taobaoPage(String resultsJson, boolean hasNext, int pageNo, String positionIndex) {
        return "{\"tbk_order_details_get_response\":{\"data\":{"
                + (resultsJson == null ? "" : "\"results\":" + resultsJson + ",")
                + "\"has_pre\":" + (pageNo > 1) + ",\"has_next\":" + hasNext + ",\"page_no\":" + pageNo
                + ",\"page_size\":100,\"position_index\":\"" + positionIndex + "\"},\"request_id\":\"r" + pageNo + "\"}}";
    }

    public static String taobaoOrders(String... tradeIds) {
        return "{\"publisher_order_dto\":[" + String.join(",", List.of(tradeIds).stream().map(Bodies::taobaoOrder).toList()) + "]}";
    }

    public static String topError(int code, String msg, String subCode, String subMsg) {
        return "{\"error_response\":{\"code\":" + code + ",\"msg\":\"" + msg + "\""
                + (subCode == null ? "" : ",\"sub_code\":\"" + subCode + "\"")
                + (subMsg == null ? "" : ",\"sub_msg\":\"" + subMsg + "\"")
                + ",\"request_id\":\"e1\"}}";
    }

    /** A JD order row (PAID), id {@code id}, as it appears inside queryResult. */
    public static String jdRow(String id) {
        return "{\"id\":\"" + id + "\",\"orderId\":382886495309716,\"parentId\":0,\"skuId\":189874094317,"
                + "\"skuName\":\"Apple AirPods Pro (第二代)\",\"skuNum\":1,\"price\":696.33,\"commissionRate\":8.0,"
                + "\"subSideRate\":90.0,\"finalRate\":90.0,\"estimateCosPrice\":696.33,\"estimateFee\":50.14,"
                + "\"actualCosPrice\":0.0,\"actualFee\":0.0,\"validCode\":16,\"orderTime\":\"2026-11-24 02:13:40\","
                + "\"finishTime\":\"\",\"modifyTime\":\"2026-11-24 02:13:40\",\"payMonth\":0,\"positionId\":3100626496,"
                + "\"subUnionId\":\"\"}";
    }

    /** A JD page; {@code envelope} is {@code responce} or {@code response}; {@code data} the raw JSON of data or null. */
    public static String jdPage(String envelope, boolean hasMore, String dataJson) {
        String inner = "{\"code\":200,\"message\":\"success\",\"requestId\":\"q\",\"hasMore\":" + hasMore
                + ",\"data\":" + (dataJson == null ? "null" : dataJson) + "}";
        return "{\"jd_union_open_order_row_query_" + envelope + "\":{\"code\":\"0\",\"queryResult\":"
                + quote(inner) + "}}";
    }

    public static String jdGatewayError(String code, String zh, String en) {
        return "{\"error_response\":{\"code\":\"" + code + "\",\"zh_desc\":\"" + zh + "\",\"en_desc\":\"" + en + "\"}}";
    }

    /** A PDD order (PAID) with order_sn {@code sn}. */
    public static String pddOrder(String sn) {
        return "{\"order_sn\":\"" + sn + "\",\"goods_id\":849237661512,\"goods_name\":\"得力 中性笔 0.5mm 12支装\","
                + "\"goods_quantity\":1,\"goods_price\":89675,\"order_amount\":89675,\"promotion_rate\":300,"
                + "\"promotion_amount\":26903,\"order_status\":0,\"order_create_time\":1795385601,"
                + "\"order_pay_time\":1795386199,\"order_receive_time\":null,\"order_settle_time\":null,"
                + "\"order_modify_at\":1795386199,\"p_id\":\"238633_30907468\",\"custom_parameters\":\"\"}";
    }

    public static String pddPage(Long total, String... sns) {
        return "{\"order_list_get_response\":{\"order_list\":["
                + String.join(",", List.of(sns).stream().map(Bodies::pddOrder).toList()) + "]"
                + (total == null ? "" : ",\"total_count\":" + total) + ",\"request_id\":\"p\"}}";
    }

    public static String pddError(int code, String msg) {
        return "{\"error_response\":{\"error_code\":" + code + ",\"error_msg\":\"" + msg + "\",\"sub_code\":\"" + code
                + "\",\"sub_msg\":\"\",\"request_id\":\"p\"}}";
    }

    public static final String PROXY_502 = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
            + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.18.0 (Ubuntu)</center>\r\n"
            + "</body>\r\n</html>\r\n";

    public static MockResponse ok(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json;charset=UTF-8").body(body).build();
    }

    public static MockResponse html(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "text/html").body(body).build();
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }
}
