package io.rebatch.readers.report;

import io.rebatch.readers.jd.JdOrderPages;
import io.rebatch.readers.jd.JdOrderPagesTest;
import io.rebatch.readers.pdd.PddOrderPages;
import io.rebatch.readers.pdd.PddOrderPagesTest;
import io.rebatch.readers.taobao.TaobaoOrderPages;
import io.rebatch.readers.taobao.TaobaoOrderPagesTest;
import io.rebatch.readers.taobao.TaobaoRefundPages;
import io.rebatch.readers.taobao.TaobaoRefundPagesTest;
import static io.rebatch.readers.report.Fixtures.readAll;
import static io.rebatch.readers.report.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.domain.BusinessTime;
import io.rebatch.domain.FieldLimits;
import io.rebatch.domain.OrderLine;
import io.rebatch.domain.Platform;
import io.rebatch.domain.PlausibleTimes;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SPEC §9 "every field is checked before the database sees it": lengths, ids that a spreadsheet damaged, {@code 0}
 * for an absent tracking id, UTF-16 files, missing columns, empty files and implausible times. Every bad row is
 * Rejected with a one-line reason and the next good row still arrives.
 */
class FieldValidationTest {
    @TempDir
    Path dir;

    static final String SPREADSHEET = ": the file was probably re-saved by a spreadsheet; export it again from the platform";
    static final PlausibleTimes TO_DEC_2026 = new PlausibleTimes(
            BusinessTime.startOf(LocalDate.of(2015, 1, 1)), BusinessTime.startOf(LocalDate.of(2026, 12, 3)));

    static String chars(int n) {
        return "7".repeat(n);
    }

    // ---------------------------------------------------------------- Taobao export helpers

    static final List<String> COLUMNS = Arrays.asList(ReportFilesTest.HEADER.split(","));

    /** {@link ReportFilesTest#SETTLED} with one column's value replaced. */
    static String settledWith(String column, String value) {
        String[] v = ReportFilesTest.SETTLED.split(",", -1);
        int i = COLUMNS.indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException("no column " + column);
        }
        v[i] = value;
        return String.join(",", v);
    }

    List<ReportRow> readExport(PlausibleTimes times, String... records) {
        Path file = write(dir, "orders.csv", ReportFilesTest.HEADER + "\n" + String.join("\n", records) + "\n", TextLines.GB18030);
        return readAll(ReportFiles.open(file, Platform.TAOBAO, false, times));
    }

    /** The bad record between two good ones: its reason, after checking that the good ones still arrive. */
    String exportReason(PlausibleTimes times, String bad) {
        List<ReportRow> rows = readExport(times, ReportFilesTest.SETTLED, bad, ReportFilesTest.PAID);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).isInstanceOf(ReportRow.Snapshot.class);
        assertThat(rows.get(2)).isInstanceOf(ReportRow.Snapshot.class);
        assertThat(rows.get(1)).isInstanceOf(ReportRow.Rejected.class);
        ReportRow.Rejected r = (ReportRow.Rejected) rows.get(1);
        assertThat(r.lineNo()).isEqualTo(3);
        assertThat(r.raw()).isEqualTo(bad);
        assertThat(r.reason()).doesNotContain("\n");
        return r.reason();
    }

    OrderLine exportLine(String record) {
        List<ReportRow> rows = readExport(PlausibleTimes.ANY, record);
        assertThat(rows).singleElement().isInstanceOf(ReportRow.Snapshot.class);
        return ((ReportRow.Snapshot) rows.get(0)).line();
    }

    // ---------------------------------------------------------------- ids a spreadsheet damaged

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "淘宝子订单号 | 8.21039E+17              | is in scientific notation",
            "淘宝子订单号 | 8.21039e17               | is in scientific notation",
            "淘宝子订单号 | \t8.21039E+17            | is in scientific notation",
            "淘宝子订单号 | 821039000000000000.0     | has a fractional part",
            "淘宝子订单号 | 12.5                     | has a fractional part",
            "淘宝订单编号 | 5.44706756238901E+18     | is in scientific notation",
            "淘宝订单编号 | 5447067562389008237.0    | has a fractional part",
            "商品ID      | 5.00602523335E+11        | is in scientific notation",
            "推广位ID     | 5.8647059148E+10        | is in scientific notation",
            "会员运营ID   | 0.0                      | has a fractional part"})
    void exportIdsInScientificNotationOrWithAFractionAreRejected(String column, String value, String what) {
        assertThat(exportReason(PlausibleTimes.ANY, settledWith(column, value)))
                .isEqualTo(column + " '" + value.strip() + "' " + what + SPREADSHEET);
    }

    @Test
    void theBriefsExampleWordForWord() {
        assertThat(exportReason(PlausibleTimes.ANY, settledWith("淘宝子订单号", "8.21039E+17"))).isEqualTo(
                "淘宝子订单号 '8.21039E+17' is in scientific notation: the file was probably re-saved by a spreadsheet;"
                        + " export it again from the platform");
    }

    /** Counts may still be written 1.0 by a spreadsheet: only ids must be exact. */
    @Test
    void aQuantityOfOnePointZeroIsStillOne() {
        assertThat(exportLine(settledWith("商品数量", "1.0")).quantity()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "trade_id         | 1.23E17                 | 1.23E+17              | is in scientific notation",
            "trade_id         | \"1.23E17\"             | 1.23E17               | is in scientific notation",
            "trade_id         | 4.46805124850E11        | 4.46805124850E+11     | is in scientific notation",
            "trade_id         | 2284346265955921414.0   | 2284346265955921414.0 | has a fractional part",
            "trade_parent_id  | \"8.21039e17\"          | 8.21039e17            | is in scientific notation",
            "item_id          | 398883526806.0          | 398883526806.0        | has a fractional part",
            "adzone_id        | 9.3434641669E10         | 9.3434641669E+10      | is in scientific notation"})
    void taobaoPageIdsInScientificNotationOrWithAFractionAreRejected(String field, String json, String shown, String what) {
        String bad = TaobaoOrderPagesTest.with(field, json);
        List<ReportRow> rows = TaobaoOrderPages.parse(TaobaoOrderPagesTest.page(TaobaoOrderPagesTest.GOOD, bad,
                TaobaoOrderPagesTest.GOOD), "taobao.jsonl", 1, PlausibleTimes.ANY).rows();
        assertThat(rows).extracting(r -> r.getClass().getSimpleName()).containsExactly("Snapshot", "Rejected", "Snapshot");
        assertThat(((ReportRow.Rejected) rows.get(1)).reason()).isEqualTo(field + " '" + shown + "' " + what + SPREADSHEET);
    }

    @Test
    void jsonIntegerIdsBeyond32BitsAreFine() {
        String big = TaobaoOrderPagesTest.with("trade_id", "123456789012345678");
        OrderLine l = ((ReportRow.Snapshot) TaobaoOrderPages.parse(TaobaoOrderPagesTest.page(big), "s", 1, PlausibleTimes.ANY).rows().get(0)).line();
        assertThat(l.orderLineId()).isEqualTo("123456789012345678");
        assertThat(l.pid()).isEqualTo("93434641669");
        // an encrypted item id is text, not a number in scientific notation
        String encrypted = TaobaoOrderPagesTest.with("item_id", "\"nXtQUotkQRC0tP-d2qOpq7TnymanG2vUn\"");
        assertThat(((ReportRow.Snapshot) TaobaoOrderPages.parse(TaobaoOrderPagesTest.page(encrypted), "s", 1, PlausibleTimes.ANY).rows().get(0))
                .line().itemId()).isEqualTo("nXtQUotkQRC0tP-d2qOpq7TnymanG2vUn");
    }

    @Test
    void jdAndPddAndRefundIdsInScientificNotationAreRejected() {
        String jdBad = JdOrderPagesTest.with("id", "\"2.31484334992941e17\"");
        List<ReportRow> jd = JdOrderPages.parse(JdOrderPagesTest.page(JdOrderPagesTest.ROW, jdBad, JdOrderPagesTest.ROW), "jd", 1, PlausibleTimes.ANY).rows();
        assertThat(jd.get(0)).isInstanceOf(ReportRow.Snapshot.class);
        assertThat(jd.get(2)).isInstanceOf(ReportRow.Snapshot.class);
        assertThat(((ReportRow.Rejected) jd.get(1)).reason()).isEqualTo("id '2.31484334992941e17' is in scientific notation" + SPREADSHEET);
        String jdParent = JdOrderPagesTest.with("orderId", "231484334992940.0");
        assertThat(((ReportRow.Rejected) JdOrderPages.parse(JdOrderPagesTest.page(jdParent), "jd", 1, PlausibleTimes.ANY).rows().get(0)).reason())
                .isEqualTo("orderId '231484334992940.0' has a fractional part" + SPREADSHEET);

        String pddBad = PddOrderPagesTest.with("goods_id", "4.46805124850E11");
        List<ReportRow> pdd = PddOrderPages.parse(PddOrderPagesTest.page(pddBad, PddOrderPagesTest.ORDER), "pdd", 1, PlausibleTimes.ANY).rows();
        assertThat(((ReportRow.Rejected) pdd.get(0)).reason())
                .isEqualTo("goods_id '4.46805124850E+11' is in scientific notation" + SPREADSHEET);
        assertThat(pdd.get(1)).isInstanceOf(ReportRow.Snapshot.class);

        String refundBad = TaobaoRefundPagesTest.ROW.replace("8499116140863427139", "8.49911614086343E18");
        List<ReportRow> refunds = TaobaoRefundPages.parse(TaobaoRefundPagesTest.page(refundBad, TaobaoRefundPagesTest.ROW), "r", 1, PlausibleTimes.ANY).rows();
        assertThat(((ReportRow.Rejected) refunds.get(0)).reason())
                .isEqualTo("tb_trade_id '8.49911614086343E+18' is in scientific notation" + SPREADSHEET);
        assertThat(refunds.get(1)).isInstanceOf(ReportRow.RefundSnapshot.class);
    }

    // ---------------------------------------------------------------- lengths

    @Test
    void overLongTrackingIdsAreRejectedNamingFieldLengthAndLimit() {
        assertThat(exportReason(PlausibleTimes.ANY, settledWith("推广位ID", chars(100))))
                .isEqualTo("推广位ID is 100 characters long; at most 64 allowed");
        assertThat(exportReason(PlausibleTimes.ANY, settledWith("渠道关系ID", chars(65))))
                .isEqualTo("渠道关系ID is 65 characters long; at most 64 allowed");
        assertThat(exportReason(PlausibleTimes.ANY, settledWith("淘宝子订单号", chars(65))))
                .isEqualTo("淘宝子订单号 is 65 characters long; at most 64 allowed");
        assertThat(exportReason(PlausibleTimes.ANY, settledWith("商品ID", chars(129))))
                .isEqualTo("商品ID is 129 characters long; at most 128 allowed");
        // exactly at the limit is fine
        assertThat(exportLine(settledWith("推广位ID", chars(64))).pid()).hasSize(64);

        String pid = TaobaoOrderPagesTest.with("adzone_id", "\"" + chars(100) + "\"");
        assertThat(((ReportRow.Rejected) TaobaoOrderPages.parse(TaobaoOrderPagesTest.page(pid), "s", 1, PlausibleTimes.ANY).rows().get(0)).reason())
                .isEqualTo("adzone_id is 100 characters long; at most 64 allowed");
    }

    @Test
    void overLongJdAndPddValuesAreRejected() {
        String sub = JdOrderPagesTest.with("subUnionId", "\"" + "u".repeat(200) + "\"");
        List<ReportRow> jd = JdOrderPages.parse(JdOrderPagesTest.page(sub, JdOrderPagesTest.ROW), "jd", 1, PlausibleTimes.ANY).rows();
        assertThat(((ReportRow.Rejected) jd.get(0)).reason()).isEqualTo("subUnionId is 200 characters long; at most 128 allowed");
        assertThat(jd.get(1)).isInstanceOf(ReportRow.Snapshot.class);
        String sku = JdOrderPagesTest.with("skuId", "\"" + chars(200) + "\"");
        assertThat(((ReportRow.Rejected) JdOrderPages.parse(JdOrderPagesTest.page(sku), "jd", 1, PlausibleTimes.ANY).rows().get(0)).reason())
                .isEqualTo("skuId is 200 characters long; at most 128 allowed");

        String uid200 = PddOrderPagesTest.with("custom_parameters", JdOrderPagesTest.jsonString("{\"uid\":\"" + "u".repeat(200) + "\"}"));
        String uid100 = PddOrderPagesTest.with("custom_parameters", JdOrderPagesTest.jsonString("{\"uid\":\"" + "u".repeat(100) + "\"}"));
        List<ReportRow> pdd = PddOrderPages.parse(PddOrderPagesTest.page(uid200, uid100), "pdd", 1, PlausibleTimes.ANY).rows();
        assertThat(((ReportRow.Rejected) pdd.get(0)).reason()).isEqualTo("custom_parameters uid is 200 characters long; at most 128 allowed");
        assertThat(((ReportRow.Snapshot) pdd.get(1)).line().customUid()).hasSize(100);
        String pid = PddOrderPagesTest.with("p_id", "\"" + "1".repeat(100) + "\"");
        assertThat(((ReportRow.Rejected) PddOrderPages.parse(PddOrderPagesTest.page(pid), "pdd", 1, PlausibleTimes.ANY).rows().get(0)).reason())
                .isEqualTo("p_id is 100 characters long; at most 64 allowed");
    }

    @Test
    void titlesAreCutTo255WithoutSplittingACharacter() {
        String longTitle = "t".repeat(254) + "😀" + "tail";
        OrderLine l = exportLine(settledWith("商品标题", longTitle));
        assertThat(l.itemTitle()).isEqualTo("t".repeat(254));
        assertThat(exportLine(settledWith("商品标题", "t".repeat(255))).itemTitle()).hasSize(255);
    }

    @Test
    void anAbsurdlyLongFileNameCannotBreakTheSource() {
        String name = "o".repeat(250) + ".csv";
        Path file = write(dir, name, ReportFilesTest.HEADER + "\n" + ReportFilesTest.SETTLED + "\n", TextLines.GB18030);
        OrderLine l = ((ReportRow.Snapshot) readAll(ReportFiles.open(file, Platform.TAOBAO, false)).get(0)).line();
        assertThat(l.source()).hasSizeLessThanOrEqualTo(FieldLimits.SOURCE).endsWith("…:2").startsWith("ooo");
        assertThat(FieldLimits.source("orders.csv", 12)).isEqualTo("orders.csv:12");
        assertThat(FieldLimits.source("x".repeat(1000), 123456789L)).hasSize(255).endsWith("x…:123456789");
    }

    // ---------------------------------------------------------------- 0 means absent

    @Test
    void zeroInAnOptionalTrackingIdMeansAbsent() {
        OrderLine export = exportLine(settledWith("推广位ID", "0").replace(",,,0,省赚客", ",0,\t0,0,省赚客"));
        assertThat(export.pid()).isNull();
        assertThat(export.relationId()).isNull();
        assertThat(export.specialId()).isNull();

        String tb = TaobaoOrderPagesTest.GOOD.replace("\"adzone_id\": 93434641669, \"relation_id\": 9217956139",
                "\"adzone_id\": 0, \"relation_id\": \"0\", \"special_id\": 0");
        OrderLine api = ((ReportRow.Snapshot) TaobaoOrderPages.parse(TaobaoOrderPagesTest.page(tb), "s", 1, PlausibleTimes.ANY).rows().get(0)).line();
        assertThat(api.pid()).isNull();
        assertThat(api.relationId()).isNull();
        assertThat(api.specialId()).isNull();

        String jd = JdOrderPagesTest.with("positionId", "0").replace("\"rb01ea0639\"", "\"0\"");
        OrderLine jdLine = ((ReportRow.Snapshot) JdOrderPages.parse(JdOrderPagesTest.page(jd), "jd", 1, PlausibleTimes.ANY).rows().get(0)).line();
        assertThat(jdLine.pid()).isNull();
        assertThat(jdLine.subUnionId()).isNull();

        String pdd = PddOrderPagesTest.with("p_id", "\"0\"").replace("\"-1\"", JdOrderPagesTest.jsonString("{\"uid\":\"0\"}"));
        OrderLine pddLine = ((ReportRow.Snapshot) PddOrderPages.parse(PddOrderPagesTest.page(pdd), "pdd", 1, PlausibleTimes.ANY).rows().get(0)).line();
        assertThat(pddLine.pid()).isNull();
        assertThat(pddLine.customUid()).isNull();

        // a real id that merely contains zeros is kept
        assertThat(exportLine(settledWith("会员运营ID", "100")).specialId()).isEqualTo("100");
    }

    @Test
    void itemIdIsRequired() {
        assertThat(exportReason(PlausibleTimes.ANY, settledWith("商品ID", "--"))).isEqualTo("商品ID is missing");
        String noGoods = PddOrderPagesTest.ORDER.replace("\"goods_id\": 446805124850, ", "");
        assertThat(((ReportRow.Rejected) PddOrderPages.parse(PddOrderPagesTest.page(noGoods), "pdd", 1, PlausibleTimes.ANY).rows().get(0)).reason())
                .isEqualTo("goods_id and goods_sign are missing");
    }
}
