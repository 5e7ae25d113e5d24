package io.rebatch.readers.report;

import io.rebatch.readers.taobao.TaobaoRefundPagesTest;
import io.rebatch.readers.jd.JdOrderPagesTest;
import io.rebatch.readers.pdd.PddOrderPagesTest;
import io.rebatch.readers.taobao.TaobaoOrderPagesTest;
import static io.rebatch.readers.report.Fixtures.readAll;
import static io.rebatch.readers.report.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rebatch.domain.BadInputException;
import io.rebatch.domain.LineStatus;
import io.rebatch.domain.Platform;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole files: format chosen by content, line numbers, and one bad line among good ones. */
class ReportFilesTest {
    @TempDir
    Path dir;

    static final String HEADER = "创建时间,付款时间,结算时间,商品标题,商品ID,商品数量,订单状态,付款金额,淘宝订单编号,淘宝子订单号,"
            + "收入比率,付款预估收入,结算预估收入,技术服务费,推广位ID,渠道关系ID,会员运营ID,维权标签,媒体名称";
    /** 已结算: 50.57 yuan, 3 %, settled 1.51 − 0.15. */
    static final String SETTLED = "2026-10-16 03:20:06,2026-10-16 03:29:51,2026-10-25 10:29:51,Apple AirPods Pro (第二代),500602523335,1,"
            + "订单结算,50.57,\t5447067562389008237,\t5447067562389008247,3.00,1.51,1.51,0.15,58647059148,,,0,省赚客";
    static final String PAID = "2026-10-21 06:56:35,2026-10-21 07:05:05,--,三只松鼠 坚果礼盒 1.5kg,942989079363,1,已付款,887.14,"
            + "'6160595660135231738,'6160595660135231748,30.00,266.14,0.00,26.61,68676262656,4361672518,,0,省赚客";

    @Test
    void dumpWithBadLinesAmongGoodOnes() {
        String good = TaobaoOrderPagesTest.page(TaobaoOrderPagesTest.GOOD);
        String error = "{\"error_response\":{\"code\":7,\"msg\":\"App Call Limited\",\"sub_code\":\"accesscontrol.limited-by-app-access-count\"}}";
        String truncated = good.substring(0, 120);
        String html = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";
        byte[] gb = ("{\"x\": \"订单\"}").getBytes(TextLines.GB18030);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String l : new String[] {good, "", "   ", truncated, html, error, "not json at all"}) {
            out.writeBytes((l + "\n").getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(gb);
        out.writeBytes(("\n" + good + "\n").getBytes(StandardCharsets.UTF_8));
        Path file = Fixtures.writeBytes(dir, "taobao-mixed.jsonl", out.toByteArray());

        List<ReportRow> rows = readAll(ReportFiles.open(file, Platform.TAOBAO, false));
        assertThat(rows).extracting(ReportRow::lineNo).containsExactly(1L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(rows).extracting(ReportRow::source).containsOnly("taobao-mixed.jsonl");
        assertThat(rows.get(0)).isInstanceOf(ReportRow.Snapshot.class);
        assertThat(rows.get(6)).isInstanceOf(ReportRow.Snapshot.class);
        assertThat(((ReportRow.Snapshot) rows.get(6)).line().source()).isEqualTo("taobao-mixed.jsonl:9");

        assertThat(rows.get(1)).isEqualTo(new ReportRow.Rejected("taobao-mixed.jsonl", 4, truncated,
                "Taobao order page is truncated: the JSON ends at char 120 before the document is complete (body starts with '"
                        + truncated.substring(0, 60) + "…')"));
        assertThat(rows.get(2)).isEqualTo(new ReportRow.Rejected("taobao-mixed.jsonl", 5, html,
                "Taobao order page is not valid JSON at char 0: Unexpected character ('<' (code 60))"
                        + " (body starts with '<html><head><title>502 Bad Gateway</title></head><body>nginx…')"));
        assertThat(rows.get(3)).isEqualTo(new ReportRow.Rejected("taobao-mixed.jsonl", 6, error,
                "the line is a platform error answer, not a page of orders: "
                        + "TAOBAO error 7/accesscontrol.limited-by-app-access-count: App Call Limited"));
        assertThat(((ReportRow.Rejected) rows.get(4)).reason())
                .isEqualTo("Taobao order page is not valid JSON at char 0: Unrecognized token 'not' (body starts with 'not json at all')");
        ReportRow.Rejected wrongEncoding = (ReportRow.Rejected) rows.get(5);
        assertThat(wrongEncoding.lineNo()).isEqualTo(8);
        assertThat(wrongEncoding.reason()).isEqualTo("line 8 is not valid UTF-8 text (this file must be UTF-8)");
    }

    @Test
    void jdAndPddFilesAreAlwaysDumps() {
        Path file = write(dir, "jd.jsonl", "<html>503</html>\n" + JdOrderPagesTest.page(JdOrderPagesTest.ROW) + "\n", StandardCharsets.UTF_8);
        List<ReportRow> rows = readAll(ReportFiles.open(file, Platform.JD, false));
        assertThat(rows).hasSize(2);
        assertThat(((ReportRow.Rejected) rows.get(0)).reason()).startsWith("JD order page is not valid JSON at char 0");
        assertThat(rows.get(1)).isInstanceOf(ReportRow.Snapshot.class);
        assertThat(rows.get(1).lineNo()).isEqualTo(2);

        Path pdd = write(dir, "pdd.jsonl", "\uFEFF" + PddOrderPagesTest.page(PddOrderPagesTest.ORDER, PddOrderPagesTest.ORDER), StandardCharsets.UTF_8);
        assertThat(readAll(ReportFiles.open(pdd, Platform.PDD, false))).hasSize(2).allMatch(r -> r instanceof ReportRow.Snapshot);
    }

    @Test
    void exportInUtf8WithBomAndWithoutAndInGb18030() {
        String csv = HEADER + "\r\n" + SETTLED + "\r\n" + PAID + "\r\n";
        Path bom = write(dir, "bom.csv", "\uFEFF" + csv, StandardCharsets.UTF_8);
        Path plain = write(dir, "plain.csv", csv, StandardCharsets.UTF_8);
        Path gb = write(dir, "gb.csv", csv, TextLines.GB18030);
        for (Path f : List.of(bom, plain, gb)) {
            List<ReportRow> rows = readAll(ReportFiles.open(f, Platform.TAOBAO, false));
            assertThat(rows).as(f.toString()).hasSize(2);
            ReportRow.Snapshot settled = (ReportRow.Snapshot) rows.get(0);
            assertThat(settled.lineNo()).isEqualTo(2);
            assertThat(settled.line().orderLineId()).isEqualTo("5447067562389008247");
            assertThat(settled.line().itemTitle()).isEqualTo("Apple AirPods Pro (第二代)");
            assertThat(settled.line().settledIncomeFen()).isEqualTo(136);
            ReportRow.Snapshot paid = (ReportRow.Snapshot) rows.get(1);
            assertThat(paid.line().orderLineId()).isEqualTo("6160595660135231748"); // "'" stripped
            assertThat(paid.line().parentOrderId()).isEqualTo("6160595660135231738");
            assertThat(paid.line().status()).isEqualTo(LineStatus.PAID);
            assertThat(paid.line().estimatedIncomeFen()).isEqualTo(26614 - 2661);
            assertThat(paid.line().relationId()).isEqualTo("4361672518");
        }
    }

    @Test
    void exportColumnsInAnotherOrderAndExtraColumnsIgnored() {
        String header = "淘宝子订单号,订单状态,付款金额,收入比率,付款预估收入,结算预估收入,技术服务费,创建时间,付款时间,结算时间,商品ID,商品数量,推广位ID,备注";
        String row = "\t1584862576856952332,订单付款,341.34,8.00%,27.30,0.00,2.73,2026-11-15 21:07:12,2026-11-15 21:15:42,--,486983558112,3,35162952590,x";
        List<ReportRow> rows = readAll(ReportFiles.open(write(dir, "o.csv", header + "\n" + row + "\n", StandardCharsets.UTF_8),
                Platform.TAOBAO, false));
        ReportRow.Snapshot s = (ReportRow.Snapshot) rows.get(0);
        assertThat(s.line().orderLineId()).isEqualTo("1584862576856952332");
        assertThat(s.line().estimatedIncomeFen()).isEqualTo(2457);
        assertThat(s.line().parentOrderId()).isNull();
        assertThat(s.line().relationId()).isNull();
        assertThat(s.line().quantity()).isEqualTo(3);
        assertThat(s.line().commissionRateBps()).isEqualTo(800); // "8.00%"
    }

    @Test
    void exportBadRecordsAmongGoodOnes() {
        String unknownStatus = SETTLED.replace("订单结算", "订单异常");
        String noId = PAID.replace("'6160595660135231748", "");
        String badTime = PAID.replace("2026-10-21 07:05:05", "2026/10/21 07:05:05");
        String fewerFields = "2026-10-21 06:56:35,2026-10-21 07:05:05,--,三只松鼠";
        String quotedTitle = SETTLED.replace("Apple AirPods Pro (第二代)", "\"Apple, \"\"AirPods\"\"\nPro\"");
        String threeDecimals = PAID.replace("887.14", "887.145");
        String unpaid = PAID.replace("已付款", "拍下未付款");
        String csv = String.join("\r\n", HEADER, SETTLED, unknownStatus, noId, badTime, fewerFields, quotedTitle,
                threeDecimals, unpaid, PAID) + "\r\n";
        Path file = write(dir, "taobao-export.csv", csv, TextLines.GB18030);
        List<ReportRow> rows = readAll(ReportFiles.open(file, Platform.TAOBAO, false));
        assertThat(rows).hasSize(9);
        assertThat(rows).extracting(ReportRow::lineNo).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 9L, 10L, 11L);
        assertThat(rows.get(0)).isInstanceOf(ReportRow.Snapshot.class);
        assertThat(rows.get(1)).isEqualTo(new ReportRow.Rejected("taobao-export.csv", 3, unknownStatus,
                "订单状态 '订单异常' is not a known Taobao status (expected 已付款/订单付款, 已收货/订单成功, 已结算/订单结算, 已失效/订单失效)"));
        assertThat(rows.get(2)).isEqualTo(new ReportRow.Rejected("taobao-export.csv", 4, noId, "淘宝子订单号 is missing"));
        assertThat(rows.get(3)).isEqualTo(new ReportRow.Rejected("taobao-export.csv", 5, badTime,
                "付款时间: bad time '2026/10/21 07:05:05' (expected yyyy-MM-dd HH:mm:ss)"));
        assertThat(rows.get(4)).isEqualTo(new ReportRow.Rejected("taobao-export.csv", 6, fewerFields,
                "record has 4 fields but the header has 19"));
        ReportRow.Snapshot multiLine = (ReportRow.Snapshot) rows.get(5); // a quoted title spanning lines 7–8
        assertThat(multiLine.lineNo()).isEqualTo(7);
        assertThat(multiLine.line().itemTitle()).isEqualTo("Apple, \"AirPods\"\nPro");
        assertThat(rows.get(6)).isEqualTo(new ReportRow.Rejected("taobao-export.csv", 9, threeDecimals,
                "付款金额: amount '887.145' has more than two decimals"));
        assertThat(rows.get(7)).isEqualTo(new ReportRow.SkippedUnpaid("taobao-export.csv", 10, "6160595660135231748"));
        assertThat(rows.get(8)).isInstanceOf(ReportRow.Snapshot.class);
    }

    @Test
    void exportWithUnclosedQuoteAndUndecodableLine() {
        byte[] header = (HEADER + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] good = (SETTLED + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = (PAID.replace("三只松鼠 坚果礼盒 1.5kg", "Café") + "\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] unclosed = ("\"" + SETTLED).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header);
        out.writeBytes(good);
        out.writeBytes(latin1);
        out.writeBytes(good);
        out.writeBytes(unclosed);
        List<ReportRow> rows = readAll(ReportFiles.open(Fixtures.writeBytes(dir, "utf8.csv", out.toByteArray()), Platform.TAOBAO, false));
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).isInstanceOf(ReportRow.Snapshot.class);
        assertThat(((ReportRow.Rejected) rows.get(1)).reason())
                .isEqualTo("line 3 is not valid UTF-8 text (the file's encoding was detected as UTF-8 on line 1)");
        assertThat(rows.get(2)).isInstanceOf(ReportRow.Snapshot.class);
        assertThat(((ReportRow.Rejected) rows.get(3)).reason())
                .isEqualTo("record starting on line 5 has a quoted field that is never closed");
    }

    @Test
    void exportMissingColumnsFailsTheWholeFile() {
        String header = HEADER.replace("付款金额,", "").replace(",技术服务费", "");
        Path file = write(dir, "taobao-bad-header.csv", header + "\n" + SETTLED + "\n", TextLines.GB18030);
        assertThatThrownBy(() -> ReportFiles.open(file, Platform.TAOBAO, false))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("taobao-bad-header.csv: the header row lacks required column(s) [付款金额, 技术服务费]; found [创建时间,")
                .hasMessageEndingWith("(is this a Taobao order export?)");
        // an empty file has nothing to read in either format
        Path empty = write(dir, "empty.csv", "\n\n", StandardCharsets.UTF_8);
        assertThat(readAll(ReportFiles.open(empty, Platform.TAOBAO, false))).isEmpty();
    }

    @Test
    void refundCsvAndRefundDump() {
        String csv = "tb_trade_parent_id,tb_trade_id,refund_status,tk_commission_fee_refund_pub,modified_time\n"
                + "\t8499116140863427059,\t8499116140863427139,15,18.5121,2026-10-22 02:02:18\n"
                + "8499116140863427059,8499116140863427139,15,18.5121,2026-10-22\n";
        List<ReportRow> rows = readAll(ReportFiles.open(write(dir, "refunds.csv", csv, StandardCharsets.UTF_8), Platform.TAOBAO, true));
        ReportRow.RefundSnapshot r = (ReportRow.RefundSnapshot) rows.get(0);
        assertThat(r.refund().orderLineId()).isEqualTo("8499116140863427139");
        assertThat(r.refund().refundFen()).isEqualTo(1851);
        assertThat(r.refund().source()).isEqualTo("refunds.csv:2");
        assertThat(((ReportRow.Rejected) rows.get(1)).reason())
                .isEqualTo("modified_time: bad time '2026-10-22' (expected yyyy-MM-dd HH:mm:ss)");

        Path dump = write(dir, "refunds.jsonl", TaobaoRefundPagesTest.page(TaobaoRefundPagesTest.ROW) + "\n", StandardCharsets.UTF_8);
        assertThat(readAll(ReportFiles.open(dump, Platform.TAOBAO, true))).singleElement().isInstanceOf(ReportRow.RefundSnapshot.class);

        Path noStatus = write(dir, "r2.csv", "tb_trade_id,modified_time\n1,2026-10-22 02:02:18\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ReportFiles.open(noStatus, Platform.TAOBAO, true)).isInstanceOf(BadInputException.class)
                .hasMessage("r2.csv: the header row lacks required column(s) [refund_status, tk_commission_fee_refund_pub];"
                        + " found [tb_trade_id, modified_time]");
        assertThatThrownBy(() -> ReportFiles.open(dump, Platform.JD, true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void restartSkipsTheRowsAlreadyCommitted() {
        Path file = Fixtures.sampleIn("taobao-2026-11-20.jsonl");
        List<ReportRow> all = readAll(ReportFiles.open(file, Platform.TAOBAO, false));
        try (ReportCursor c = ReportFiles.open(file, Platform.TAOBAO, false)) {
            assertThat(c.skip(25)).isEqualTo(25);
            assertThat(c.next()).isEqualTo(all.get(25));
            assertThat(c.rowsRead()).isEqualTo(26);
            assertThat(c.skip(1000)).isEqualTo(all.size() - 26);
            assertThat(c.hasNext()).isFalse();
        }
    }
}
