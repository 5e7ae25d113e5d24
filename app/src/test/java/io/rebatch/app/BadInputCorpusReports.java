package io.rebatch.app;

import static io.rebatch.app.BadInputCase.JD;
import static io.rebatch.app.BadInputCase.PDD;
import static io.rebatch.app.BadInputCase.REFUNDS;
import static io.rebatch.app.BadInputCase.TAOBAO;
import static io.rebatch.app.BadInputCase.imported;
import static io.rebatch.app.BadInputCase.q;
import static io.rebatch.app.BadInputCase.refused;
import static io.rebatch.app.CorpusRows.DROP;
import static io.rebatch.app.CorpusRows.jdPage;
import static io.rebatch.app.CorpusRows.pddPage;
import static io.rebatch.app.CorpusRows.raw;
import static io.rebatch.app.CorpusRows.refundPage;
import static io.rebatch.app.CorpusRows.rows;
import static io.rebatch.app.CorpusRows.taobaoPage;
import static io.rebatch.app.CorpusRows.utf8;
import static io.rebatch.app.CorpusRows.with;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * The corpus of API dump files (Taobao orders and refunds, JD, PDD): one JSON page per line. A case about one bad
 * row puts ten good rows on line 1 and the bad one alone on line 2 (1 bad of 11: under the 10 % share), so the
 * quarantine's line number names exactly the bad row.
 */
final class BadInputCorpusReports {
    private BadInputCorpusReports() {
    }

    private static final String OL = "order_line";
    private static final String RS = "refund_snapshot";

    static List<BadInputCase> cases() {
        List<BadInputCase> c = new ArrayList<>();
        // ---- Taobao API dump (tbk_order_details_get_response) ----
        c.add(taobao(c, "taobao: ten good orders", r -> null, null));
        c.add(taobao(c, "taobao: trade_id of 100 characters", r -> with(r.taobao(10), "trade_id", "7".repeat(100)),
                "100 characters long"));
        c.add(taobao(c, "taobao: adzone_id (pid) of 100 characters", r -> with(r.taobao(10), "adzone_id", raw("9".repeat(100))),
                "100 characters long"));
        c.add(taobao(c, "taobao: trade_id as JSON number 1.2E17", r -> with(r.taobao(10), "trade_id", raw("1.2E17")),
                "scientific notation"));
        c.add(taobao(c, "taobao: trade_id 8.21039E+17", r -> with(r.taobao(10), "trade_id", "8.21039E+17"),
                "scientific notation"));
        c.add(taobao(c, "taobao: fractional item_id", r -> with(r.taobao(10), "item_id", raw("398883526806.0")),
                "fractional part"));
        c.add(taobao(c, "taobao: tk_create_time in 1970", r -> with(r.taobao(10), "tk_create_time", "1970-01-01 08:00:00"),
                "created_at 1970-01-01 08:00:00 +08:00 is before the earliest plausible date"));
        c.add(taobao(c, "taobao: modified_time in 2099", r -> with(r.taobao(10), "modified_time", "2099-01-01 00:00:00"),
                "modified_at 2099-01-01 00:00:00 +08:00 is in the future"));
        c.add(taobao(c, "taobao: negative paid amount", r -> with(r.taobao(10), "alipay_total_price", "-5.00"),
                "alipay_total_price"));
        c.add(taobao(c, "taobao: 3-decimal estimated income", r -> with(r.taobao(10), "pub_share_pre_fee", "12.345"),
                "12.345"));
        c.add(taobao(c, "taobao: non-numeric paid amount", r -> with(r.taobao(10), "alipay_total_price", "abc"), "abc"));
        c.add(taobao(c, "taobao: trade_id missing", r -> with(r.taobao(10), "trade_id", DROP), "trade_id is missing"));
        c.add(taobao(c, "taobao: unknown tk_status 99", r -> with(r.taobao(10), "tk_status", 99), "99"));
        c.add(taobaoLine(c, "taobao: truncated page", r -> taobaoPage(List.of(r.taobao(10))).substring(0, 300), "JSON"));
        c.add(taobaoLine(c, "taobao: HTML error page", r -> "<html><body><h1>502 Bad Gateway</h1></body></html>", "JSON"));
        c.add(taobaoLine(c, "taobao: TOP error envelope", r -> "{\"error_response\": {\"code\": 7, \"msg\": \"App Call Limited\","
                + " \"sub_code\": \"accesscontrol.limited-by-app-access-count\", \"request_id\": \"x\"}}", "error"));
        {
            CorpusRows r = next(c);
            String ten = taobaoPage(rows(0, 10, r::taobao));
            c.add(imported("taobao: duplicated rows and a repeated page", TAOBAO, file(c, "jsonl"),
                    utf8(taobaoPage(List.of(r.taobao(0), r.taobao(0), r.taobao(1))), ten, ten), OL, 10));
        }
        {
            CorpusRows r = next(c);
            List<Map<String, Object>> rows = rows(0, 10, r::taobao);
            rows.set(1, with(r.taobao(1), "item_title", "=HYPERLINK(\"http://evil.example/x\",\"退款\")"));
            rows.set(2, with(r.taobao(2), "item_title", "+1"));
            rows.set(3, with(r.taobao(3), "item_title", "@SUM(A1:A9)"));
            rows.set(4, with(r.taobao(4), "item_title", "长".repeat(300)));
            c.add(imported("taobao: formula-looking and over-long titles", TAOBAO, file(c, "jsonl"), utf8(taobaoPage(rows)), OL, 10)
                    .check("SELECT COUNT(*) FROM order_line WHERE order_line_id = '" + r.id("61", 1)
                            + "' AND item_title = '=HYPERLINK(\"http://evil.example/x\",\"退款\")'")
                    .check("SELECT COUNT(*) FROM order_line WHERE order_line_id = '" + r.id("61", 3) + "' AND item_title = '@SUM(A1:A9)'")
                    .check("SELECT COUNT(*) FROM order_line WHERE order_line_id = '" + r.id("61", 4) + "' AND CHAR_LENGTH(item_title) = 255"));
        }
        {
            CorpusRows r = next(c);
            List<Map<String, Object>> rows = rows(0, 10, r::taobao);
            rows.set(0, with(with(with(r.taobao(0), "special_id", 0), "relation_id", "0"), "adzone_id", raw("0")));
            c.add(imported("taobao: 0 in special_id, relation_id and adzone_id means absent", TAOBAO, file(c, "jsonl"),
                    utf8(taobaoPage(rows)), OL, 10).check("SELECT COUNT(*) FROM order_line WHERE order_line_id = '"
                    + r.id("61", 0) + "' AND special_id IS NULL AND relation_id IS NULL AND pid IS NULL"));
        }
        {
            CorpusRows r = next(c);
            c.add(refused("taobao: all rows bad", TAOBAO, file(c, "jsonl"),
                    utf8(taobaoPage(rows(0, 3, i -> with(r.taobao(i), "tk_status", 99)))), "all 3 rows are bad")
                    .keeping(q(1, "99"), q(1, "99"), q(1, "99")));
        }
        {
            CorpusRows r = next(c);
            c.add(refused("taobao: 3 of 8 rows bad", TAOBAO, file(c, "jsonl"), utf8(taobaoPage(rows(0, 5, r::taobao)),
                    taobaoPage(rows(5, 8, i -> with(r.taobao(i), "alipay_total_price", "abc")))), "3 of 8 rows are bad"));
        }
        {
            CorpusRows r = next(c);
            c.add(refused("taobao: a refund feed imported as orders", TAOBAO, file(c, "jsonl"),
                    utf8(refundPage(rows(0, 4, r::refund))), "--refunds"));
        }
        {
            CorpusRows r = next(c);
            c.add(refused("taobao: a JD dump imported as Taobao", TAOBAO, file(c, "jsonl"), utf8(jdPage(rows(0, 3, r::jd))),
                    "wrong platform? the rows look like a JD report"));
        }
        {
            CorpusRows r = next(c);
            c.add(refused("taobao: a PDD dump imported as Taobao", TAOBAO, file(c, "jsonl"), utf8(pddPage(rows(0, 3, r::pdd))),
                    "wrong platform? the rows look like a PDD report"));
        }
        c.add(taobao(c, "taobao: item_num -1", r -> with(r.taobao(10), "item_num", -1), "item_num"));
        // ---- Taobao refund dump (tbk_relation_refund_response) ----
        c.add(refund(c, "refunds: tb_trade_id 1.2E17", r -> with(r.refund(10), "tb_trade_id", raw("1.2E17")),
                "scientific notation"));
        c.add(refund(c, "refunds: tb_trade_id of 100 characters", r -> with(r.refund(10), "tb_trade_id", "4".repeat(100)),
                "100 characters long"));
        c.add(refund(c, "refunds: 5-decimal refund amount", r -> with(r.refund(10), "tk_commission_fee_refund_pub", "1.00001"),
                "tk_commission_fee_refund_pub"));
        c.add(refund(c, "refunds: modified_time in 1970", r -> with(r.refund(10), "modified_time", "1970-01-01 08:00:00"),
                "modified_at 1970-01-01 08:00:00 +08:00 is before the earliest plausible date"));
        c.add(refund(c, "refunds: refund_status missing", r -> with(r.refund(10), "refund_status", DROP),
                "refund_status is missing"));
        {
            CorpusRows r = next(c);
            c.add(refused("refunds: an order page imported as refunds", REFUNDS, file(c, "jsonl"),
                    utf8(taobaoPage(rows(0, 3, r::taobao))), "not a refund feed"));
        }
        c.add(refused("refunds: empty file", REFUNDS, file(c, "jsonl"), new byte[0], "holds no rows"));
        // ---- JD dump (jd_union_open_order_row_query_responce) ----
        c.add(jd(c, "jd: subUnionId of 200 characters", r -> with(r.jd(10), "subUnionId", "s".repeat(200)), "200 characters long"));
        c.add(jd(c, "jd: id as JSON number 1.2E17", r -> with(r.jd(10), "id", raw("1.2E17")), "scientific notation"));
        c.add(jd(c, "jd: 3-decimal estimateFee", r -> with(r.jd(10), "estimateFee", raw("3.031")), "3.031"));
        c.add(jd(c, "jd: orderTime in 2099", r -> with(r.jd(10), "orderTime", "2099-01-01 00:00:00"), "created_at 2099-01-01 00:00:00 +08:00 is in the future"));
        c.add(jd(c, "jd: non-numeric estimateCosPrice", r -> with(r.jd(10), "estimateCosPrice", "n/a"), "n/a"));
        c.add(jdLine(c, "jd: queryResult cut off", r -> "{\"jd_union_open_order_row_query_responce\": {\"code\": \"0\","
                + " \"queryResult\": \"{\\\"code\\\": 200, \\\"data\\\": [{\\\"id\\\"\"}}", "queryResult"));
        {
            CorpusRows r = next(c);
            List<Map<String, Object>> rows = rows(0, 10, r::jd);
            rows.set(0, with(r.jd(0), "positionId", raw("0")));
            c.add(imported("jd: positionId 0 means absent", JD, file(c, "jsonl"), utf8(jdPage(rows)), OL, 10)
                    .check("SELECT COUNT(*) FROM order_line WHERE order_line_id = '" + r.id("23", 0) + "' AND pid IS NULL"));
        }
        {
            CorpusRows r = next(c);
            c.add(refused("jd: a PDD dump imported as JD", JD, file(c, "jsonl"), utf8(pddPage(rows(0, 3, r::pdd))),
                    "wrong platform? the rows look like a PDD report"));
        }
        c.add(refused("jd: only an error answer", JD, file(c, "jsonl"), utf8("{\"jd_union_open_order_row_query_responce\": "
                + "{\"code\": \"403\", \"message\": \"no permission\"}}"), "all 1 row is bad"));
        {
            next(c);
            byte[] garbage = new byte[3000];
            new Random(6).nextBytes(garbage);
            for (int i = 400; i < garbage.length; i += 500) {
                garbage[i] = '\n';
            }
            c.add(refused("jd: binary garbage", JD, file(c, "jsonl"), garbage, "encoding"));
        }
        c.add(refused("jd: empty file", JD, file(c, "jsonl"), new byte[0], "holds no rows"));
        // ---- PDD dump (order_list_get_response) ----
        c.add(pdd(c, "pdd: custom_parameters uid of 200 characters",
                r -> with(r.pdd(10), "custom_parameters", "{\"uid\": \"" + "u".repeat(200) + "\"}"), "200 characters long"));
        c.add(pdd(c, "pdd: unknown order_status 7", r -> with(r.pdd(10), "order_status", 7), "order_status 7"));
        c.add(pdd(c, "pdd: negative order_amount", r -> with(r.pdd(10), "order_amount", -100), "order_amount"));
        c.add(pdd(c, "pdd: order_sn 8.21039E+17", r -> with(r.pdd(10), "order_sn", "8.21039E+17"), "scientific notation"));
        c.add(pdd(c, "pdd: order_pay_time in 1970", r -> with(r.pdd(10), "order_pay_time", 86400), "1970"));
        c.add(pdd(c, "pdd: order_sn null", r -> with(r.pdd(10), "order_sn", null), "order_sn is missing"));
        c.add(pdd(c, "pdd: goods_id of 200 digits", r -> with(r.pdd(10), "goods_id", raw("4".repeat(200))), "200 characters long"));
        {
            CorpusRows r = next(c);
            List<Map<String, Object>> rows = rows(0, 10, r::pdd);
            rows.set(0, with(r.pdd(0), "p_id", "0"));
            c.add(imported("pdd: p_id \"0\" means absent", PDD, file(c, "jsonl"), utf8(pddPage(rows)), OL, 10)
                    .check("SELECT COUNT(*) FROM order_line WHERE order_line_id = '261110-" + r.id("8", 0) + "' AND pid IS NULL"));
        }
        {
            CorpusRows r = next(c);
            c.add(refused("pdd: a JD dump imported as PDD", PDD, file(c, "jsonl"), utf8(jdPage(rows(0, 3, r::jd))),
                    "the rows look like a JD report"));
        }
        {
            CorpusRows r = next(c);
            byte[] le = (pddPage(rows(0, 3, r::pdd)) + "\n").getBytes(StandardCharsets.UTF_16LE);
            c.add(refused("pdd: UTF-16LE dump with BOM", PDD, file(c, "jsonl"),
                    CorpusRows.withBom(new byte[] {(byte) 0xFF, (byte) 0xFE}, le), "UTF-16"));
        }
        return c;
    }

    private static CorpusRows next(List<BadInputCase> c) {
        return new CorpusRows(c.size() + 1);
    }

    private static String file(List<BadInputCase> c, String ext) {
        return String.format("r%02d.%s", c.size() + 1, ext);
    }

    /** Ten good rows on line 1, {@code bad} (if any) alone on line 2, quarantined with {@code reason}. */
    private static BadInputCase one(List<BadInputCase> c, String name, String cmd, String table,
                                    Function<CorpusRows, String> page10, Function<CorpusRows, String> badLine, String reason) {
        CorpusRows r = next(c);
        String bad = badLine.apply(r);
        byte[] bytes = bad == null ? utf8(page10.apply(r)) : utf8(page10.apply(r), bad);
        return bad == null ? imported(name, cmd, file(c, "jsonl"), bytes, table, 10)
                : imported(name, cmd, file(c, "jsonl"), bytes, table, 10, q(2, reason));
    }

    private static BadInputCase taobao(List<BadInputCase> c, String name, Function<CorpusRows, Map<String, Object>> bad,
                                       String reason) {
        return taobaoLine(c, name, r -> bad.apply(r) == null ? null : taobaoPage(List.of(bad.apply(r))), reason);
    }

    private static BadInputCase taobaoLine(List<BadInputCase> c, String name, Function<CorpusRows, String> bad, String reason) {
        return one(c, name, TAOBAO, OL, r -> taobaoPage(rows(0, 10, r::taobao)), bad, reason);
    }

    private static BadInputCase refund(List<BadInputCase> c, String name, Function<CorpusRows, Map<String, Object>> bad,
                                       String reason) {
        return one(c, name, REFUNDS, RS, r -> refundPage(rows(0, 10, r::refund)), r -> refundPage(List.of(bad.apply(r))), reason);
    }

    private static BadInputCase jd(List<BadInputCase> c, String name, Function<CorpusRows, Map<String, Object>> bad, String reason) {
        return jdLine(c, name, r -> jdPage(List.of(bad.apply(r))), reason);
    }

    private static BadInputCase jdLine(List<BadInputCase> c, String name, Function<CorpusRows, String> bad, String reason) {
        return one(c, name, JD, OL, r -> jdPage(rows(0, 10, r::jd)), bad, reason);
    }

    private static BadInputCase pdd(List<BadInputCase> c, String name, Function<CorpusRows, Map<String, Object>> bad, String reason) {
        return one(c, name, PDD, OL, r -> pddPage(rows(0, 10, r::pdd)), r -> pddPage(List.of(bad.apply(r))), reason);
    }
}
