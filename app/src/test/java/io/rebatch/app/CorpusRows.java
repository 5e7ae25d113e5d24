package io.rebatch.app;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Row shapes of the multi-week sample (one per file kind) with ids unique to one corpus case, and the page and file
 * wrappers around them. A row is an ordered map; {@link #raw} values are written into the JSON verbatim (numbers as
 * the platform or a spreadsheet wrote them), {@link #DROP} removes a field.
 */
final class CorpusRows {
    /** A JSON value written as is: {@code 1.2E17}, {@code 12.345}. */
    record Raw(String text) {
    }

    static final Object DROP = new Object();

    static Raw raw(String text) {
        return new Raw(text);
    }

    static final String TB_CSV_HEADER = "创建时间,付款时间,结算时间,商品标题,商品ID,商品数量,订单状态,付款金额,淘宝订单编号,淘宝子订单号,"
            + "收入比率,付款预估收入,结算预估收入,技术服务费,推广位ID,渠道关系ID,会员运营ID,维权标签,媒体名称";
    static final String USERS_HEADER = "user_id,level,inviter_id,registered_at";
    static final String BINDINGS_HEADER = "platform,kind,value,user_id";
    static final String CLICKS_HEADER = "click_id,user_id,platform,item_id,pid,clicked_at";

    private final int n; // the case number: every id of the case carries it

    CorpusRows(int caseNo) {
        this.n = caseNo;
    }

    /** A digit id unique to this case and row, e.g. 7 + case 042 + row 0003 + tail. */
    String id(String prefix, int row) {
        return prefix + String.format("%03d%04d%08d", n, row, 20261110);
    }

    long userId(int row) {
        return 900_000L + n * 100L + row;
    }

    static long epoch(String localShanghai) {
        return LocalDateTime.parse(localShanghai.replace(' ', 'T')).toEpochSecond(ZoneOffset.ofHours(8));
    }

    Map<String, Object> taobao(int row) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trade_id", id("61", row));
        m.put("trade_parent_id", id("62", row));
        m.put("item_id", id("5", row));
        m.put("item_title", "夏季新款纯棉T恤 男士短袖");
        m.put("item_num", 1);
        m.put("item_price", "100.00");
        m.put("alipay_total_price", "100.00");
        m.put("pay_price", "100.00");
        m.put("total_commission_rate", "10.00");
        m.put("total_commission_fee", "10.00");
        m.put("pub_share_pre_fee", "10.00");
        m.put("pub_share_fee", "0.00");
        m.put("alimama_rate", "10.00");
        m.put("alimama_share_fee", "1.00");
        m.put("tk_status", 12);
        m.put("refund_tag", 0);
        m.put("tk_order_role", 2);
        m.put("order_type", "天猫");
        m.put("tk_create_time", "2026-11-10 10:00:00");
        m.put("tk_paid_time", "2026-11-10 10:05:00");
        m.put("tb_paid_time", "2026-11-10 10:05:00");
        m.put("tk_earning_time", "--");
        m.put("click_time", "2026-11-10 09:58:00");
        m.put("modified_time", "2026-11-10 10:05:00");
        m.put("adzone_id", raw("93434641669"));
        m.put("site_id", 12345678);
        m.put("pub_id", 987654);
        m.put("relation_id", raw("9038553168"));
        return m;
    }

    Map<String, Object> jd(int row) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id("23", row));
        m.put("orderId", raw(id("24", row)));
        m.put("parentId", 0);
        m.put("skuId", raw(id("18", row)));
        m.put("skuName", "蓝月亮 洗衣液 3kg×2瓶");
        m.put("skuNum", 1);
        m.put("price", raw("100.00"));
        m.put("commissionRate", raw("10.0"));
        m.put("finalRate", raw("90.0"));
        m.put("estimateCosPrice", raw("100.00"));
        m.put("estimateFee", raw("9.00"));
        m.put("actualCosPrice", raw("0.0"));
        m.put("actualFee", raw("0.0"));
        m.put("validCode", 16);
        m.put("orderTime", "2026-11-10 10:00:00");
        m.put("finishTime", "");
        m.put("modifyTime", "2026-11-10 10:05:00");
        m.put("payMonth", 0);
        m.put("positionId", raw("26886470756"));
        m.put("siteId", raw("4100000001"));
        m.put("unionId", raw("1000123456"));
        m.put("pid", "");
        m.put("subUnionId", "rbb0894f5a");
        m.put("traceType", 2);
        return m;
    }

    Map<String, Object> pdd(int row) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("order_sn", "261110-" + id("8", row));
        m.put("order_id", id("1", row));
        m.put("goods_id", raw(id("44", row)));
        m.put("goods_name", "三只松鼠 坚果礼盒 1.5kg");
        m.put("goods_quantity", 1);
        m.put("goods_price", 10000);
        m.put("order_amount", 10000);
        m.put("promotion_rate", 100);
        m.put("promotion_amount", 1000);
        m.put("order_status", 1);
        m.put("order_status_desc", "已成团");
        m.put("order_create_time", epoch("2026-11-10 10:00:00"));
        m.put("order_pay_time", epoch("2026-11-10 10:05:00"));
        m.put("order_group_success_time", epoch("2026-11-10 10:05:00"));
        m.put("order_receive_time", null);
        m.put("order_settle_time", null);
        m.put("order_modify_at", epoch("2026-11-10 10:05:00"));
        m.put("p_id", "914291_82884083");
        m.put("custom_parameters", "{\"uid\": \"e05351d2c1\", \"sid\": \"app\"}");
        return m;
    }

    Map<String, Object> refund(int row) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tb_trade_id", raw(id("61", row)));
        m.put("tb_trade_parent_id", raw(id("62", row)));
        m.put("refund_status", 4);
        m.put("tk_commission_fee_refund_pub", "1.2500");
        m.put("tk_subsidy_fee_refund_pub", "0.0000");
        m.put("modified_time", "2026-11-12 10:00:00");
        m.put("tk_refund_time", "2026-11-12 10:00:00");
        m.put("refund_type", 1);
        m.put("tb_auction_title", "小米 手环8 NFC版");
        return m;
    }

    /** A back-office export record, by column name (TB_CSV_HEADER order). */
    Map<String, String> taobaoCsv(int row) {
        Map<String, String> m = new LinkedHashMap<>();
        String[] values = {"2026-11-10 10:00:00", "2026-11-10 10:05:00", "--", "花王 妙而舒 纸尿裤 L54片", id("5", row), "1",
                "订单付款", "100.00", "\t" + id("62", row), "\t" + id("61", row), "10.00", "10.00", "0.00", "1.00",
                "93434641669", "9038553168", "", "0", "省赚客"};
        String[] names = TB_CSV_HEADER.split(",");
        for (int i = 0; i < names.length; i++) {
            m.put(names[i], values[i]);
        }
        return m;
    }

    static String csvLine(Map<String, String> record) {
        return String.join(",", record.values());
    }

    /** With one field changed (or dropped with {@link #DROP}). */
    static <V> Map<String, V> with(Map<String, V> row, String key, Object value) {
        Map<String, V> m = new LinkedHashMap<>(row);
        if (value == DROP) {
            m.remove(key);
        } else {
            @SuppressWarnings("unchecked") V v = (V) value;
            m.put(key, v);
        }
        return m;
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive) of a template. */
    static <T> List<T> rows(int from, int to, java.util.function.IntFunction<T> row) {
        return IntStream.range(from, to).mapToObj(row).collect(Collectors.toCollection(ArrayList::new));
    }

    static String json(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Raw r) {
            return r.text();
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        if (v instanceof Map<?, ?> m) {
            return m.entrySet().stream().map(e -> json(e.getKey()) + ": " + json(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (v instanceof List<?> l) {
            return l.stream().map(CorpusRows::json).collect(Collectors.joining(", ", "[", "]"));
        }
        String s = v.toString().replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t").replace("\n", "\\n");
        return "\"" + s + "\"";
    }

    static String taobaoPage(List<?> rows) {
        return "{\"tbk_order_details_get_response\": {\"data\": {\"results\": {\"publisher_order_dto\": " + json(rows)
                + "}, \"has_pre\": false, \"has_next\": false, \"page_no\": 1, \"page_size\": 100, "
                + "\"position_index\": \"1762000001_a1|1762000001_b1\"}, \"request_id\": \"req1\"}}";
    }

    static String jdPage(List<?> rows) {
        String inner = "{\"code\": 200, \"message\": \"success\", \"requestId\": \"r\", \"hasMore\": false, \"data\": "
                + json(rows) + "}";
        return "{\"jd_union_open_order_row_query_responce\": {\"code\": \"0\", \"queryResult\": " + json(inner) + "}}";
    }

    static String pddPage(List<?> rows) {
        return "{\"order_list_get_response\": {\"order_list\": " + json(rows) + ", \"total_count\": " + rows.size()
                + ", \"request_id\": \"r\"}}";
    }

    static String refundPage(List<?> rows) {
        return "{\"tbk_relation_refund_response\": {\"result\": {\"result_code\": 0, \"result_msg\": \"成功\", \"data\": "
                + "{\"page_no\": \"1\", \"page_size\": \"20\", \"total_count\": \"" + rows.size() + "\", \"results\": "
                + "{\"result\": " + json(rows) + "}}}}}";
    }

    /** Lines joined with {@code \n} and a final newline, encoded. */
    static byte[] lines(Charset cs, String... lines) {
        return (String.join("\n", lines) + "\n").getBytes(cs);
    }

    static byte[] utf8(String... lines) {
        return lines(StandardCharsets.UTF_8, lines);
    }

    static byte[] withBom(byte[] bom, byte[] body) {
        byte[] b = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, b, 0, bom.length);
        System.arraycopy(body, 0, b, bom.length, body.length);
        return b;
    }
}
