package io.rebatch.readers.report;

import io.rebatch.readers.jd.JdOrderPages;
import io.rebatch.readers.jd.JdOrderPagesTest;
import io.rebatch.readers.pdd.PddOrderPages;
import io.rebatch.readers.pdd.PddOrderPagesTest;
import io.rebatch.readers.taobao.TaobaoOrderPages;
import io.rebatch.readers.taobao.TaobaoOrderPagesTest;
import io.rebatch.readers.taobao.TaobaoRefundPages;
import io.rebatch.readers.taobao.TaobaoRefundPagesTest;
import io.rebatch.domain.Platforms;
import static io.rebatch.readers.report.Fixtures.readAll;
import static io.rebatch.readers.report.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rebatch.domain.BadInputException;
import io.rebatch.domain.Platform;
import io.rebatch.domain.PlausibleTimes;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 6, continued from {@link FieldValidationTest}: times outside the plausible range, UTF-16 files, header
 * errors on one line, empty files — the file-level and time checks of every reader.
 */
class FileShapeValidationTest {
    @TempDir
    Path dir;
    private final FieldValidationTest fields = new FieldValidationTest();

    @org.junit.jupiter.api.BeforeEach
    void shareTheTempDir() {
        fields.dir = dir;
    }

    // ---------------------------------------------------------------- plausible times

    @Test
    void implausibleTimesAreRejectedWhenARangeIsGiven() {
        String epoch = FieldValidationTest.settledWith("付款时间", "1970-01-01 08:00:00");
        assertThat(fields.exportReason(FieldValidationTest.TO_DEC_2026, epoch))
                .isEqualTo("付款时间 1970-01-01 08:00:00 is outside the plausible range 2015-01-01 .. 2026-12-03");
        assertThat(fields.exportReason(FieldValidationTest.TO_DEC_2026, FieldValidationTest.settledWith("结算时间", "2099-01-01 00:00:00")))
                .isEqualTo("结算时间 2099-01-01 00:00:00 is outside the plausible range 2015-01-01 .. 2026-12-03");
        // without a range (the old signature) the same row is read as before
        assertThat(fields.readExport(PlausibleTimes.ANY, epoch)).singleElement().isInstanceOf(ReportRow.Snapshot.class);

        String tbApi = TaobaoOrderPagesTest.with("modified_time", "\"2030-01-01 00:00:00\"");
        assertThat(((ReportRow.Rejected) TaobaoOrderPages.parse(TaobaoOrderPagesTest.page(tbApi), "s", 1, FieldValidationTest.TO_DEC_2026).rows().get(0)).reason())
                .isEqualTo("modified_time 2030-01-01 00:00:00 is outside the plausible range 2015-01-01 .. 2026-12-03");

        String jd = JdOrderPagesTest.with("validCode", "17").replace("\"payMonth\": 0", "\"payMonth\": 20990120")
                .replace("\"finishTime\": \"\"", "\"finishTime\": \"2026-10-25 10:00:00\"");
        // payMonth is JD's planned payment date, weeks ahead by design: only the lower bound applies to it
        assertThat(JdOrderPages.parse(JdOrderPagesTest.page(jd), "jd", 1, FieldValidationTest.TO_DEC_2026).rows().get(0))
                .isInstanceOf(ReportRow.Snapshot.class);
        String jdEarly = jd.replace("20990120", "20100120");
        assertThat(((ReportRow.Rejected) JdOrderPages.parse(JdOrderPagesTest.page(jdEarly), "jd", 1, FieldValidationTest.TO_DEC_2026).rows().get(0)).reason())
                .isEqualTo("payMonth 2010-01-20 00:00:00 is outside the plausible range 2015-01-01 .. …");
        String jdOld = JdOrderPagesTest.with("orderTime", "\"2001-09-09 09:46:40\"");
        assertThat(((ReportRow.Rejected) JdOrderPages.parse(JdOrderPagesTest.page(jdOld), "jd", 1, FieldValidationTest.TO_DEC_2026).rows().get(0)).reason())
                .isEqualTo("orderTime 2001-09-09 09:46:40 is outside the plausible range 2015-01-01 .. 2026-12-03");

        String pdd = PddOrderPagesTest.with("order_pay_time", "1");
        List<ReportRow> pddRows = PddOrderPages.parse(PddOrderPagesTest.page(pdd, PddOrderPagesTest.ORDER.replace("1791175796", "1761175796")
                .replace("1791176365", "1761176365")), "pdd", 1, FieldValidationTest.TO_DEC_2026).rows();
        assertThat(((ReportRow.Rejected) pddRows.get(0)).reason())
                .isEqualTo("order_pay_time 1970-01-01 08:00:01 is outside the plausible range 2015-01-01 .. 2026-12-03");
        assertThat(pddRows.get(1)).isInstanceOf(ReportRow.Snapshot.class);

        String refund = TaobaoRefundPagesTest.ROW.replace("2026-10-22 02:02:18", "2001-10-22 02:02:18");
        assertThat(((ReportRow.Rejected) TaobaoRefundPages.parse(TaobaoRefundPagesTest.page(refund), "r", 1, FieldValidationTest.TO_DEC_2026).rows().get(0)).reason())
                .isEqualTo("modified_time 2001-10-22 02:02:18 is outside the plausible range 2015-01-01 .. 2026-12-03");
    }

    @Test
    void reportFilesPassTheRangeToDumpsAndRefundCsvs() {
        String late = TaobaoOrderPagesTest.with("tk_create_time", "\"2099-10-07 08:46:30\"");
        Path dump = write(dir, "tb.jsonl", TaobaoOrderPagesTest.page(late, TaobaoOrderPagesTest.GOOD) + "\n", StandardCharsets.UTF_8);
        List<ReportRow> rows = readAll(ReportFiles.open(dump, Platform.TAOBAO, false, FieldValidationTest.TO_DEC_2026));
        assertThat(((ReportRow.Rejected) rows.get(0)).reason()).startsWith("tk_create_time 2099-10-07 08:46:30 is outside");
        assertThat(rows.get(1)).isInstanceOf(ReportRow.Snapshot.class);

        Path csv = write(dir, "refunds.csv", "tb_trade_id,refund_status,tk_commission_fee_refund_pub,modified_time\n"
                + "1,15,1.00,1970-01-01 08:00:00\n2,15,1.00,2026-10-22 02:02:18\n", StandardCharsets.UTF_8);
        List<ReportRow> refunds = readAll(ReportFiles.open(csv, Platform.TAOBAO, true, FieldValidationTest.TO_DEC_2026));
        assertThat(((ReportRow.Rejected) refunds.get(0)).reason())
                .isEqualTo("modified_time 1970-01-01 08:00:00 is outside the plausible range 2015-01-01 .. 2026-12-03");
        assertThat(refunds.get(1)).isInstanceOf(ReportRow.RefundSnapshot.class);
    }

    @Test
    void plausibleTimesValue() {
        Instant now = Instant.parse("2026-12-02T06:00:00Z");
        PlausibleTimes run = PlausibleTimes.forRunAt(now);
        assertThat(run.earliest()).isEqualTo(Instant.parse("2014-12-31T16:00:00Z"));
        assertThat(run.latest()).isEqualTo(Instant.parse("2026-12-03T06:00:00Z"));
        assertThat(run.check("paid_at", Instant.EPOCH))
                .isEqualTo("paid_at 1970-01-01 08:00:00 is outside the plausible range 2015-01-01 .. 2026-12-03 14:00:00");
        assertThat(run.check("paid_at", run.earliest())).isNull();
        assertThat(run.check("paid_at", run.latest())).isNull();
        assertThat(run.check("paid_at", run.latest().plusSeconds(1))).isNotNull();
        assertThat(run.check("paid_at", null)).isNull();
        assertThat(PlausibleTimes.ANY.check("paid_at", Instant.EPOCH)).isNull();
        assertThatThrownBy(() -> new PlausibleTimes(now, now.minusSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }

    // ---------------------------------------------------------------- encodings and file shapes

    static byte[] utf16(String text, boolean littleEndian, boolean bom) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (bom) {
            out.writeBytes(littleEndian ? new byte[] {(byte) 0xFF, (byte) 0xFE} : new byte[] {(byte) 0xFE, (byte) 0xFF});
        }
        Charset cs = littleEndian ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
        out.writeBytes(text.getBytes(cs));
        return out.toByteArray();
    }

    @ParameterizedTest(name = "{0} {1} LE={2} BOM={3}")
    @CsvSource({
            "TAOBAO, false, true,  true",
            "TAOBAO, false, false, true",
            "TAOBAO, false, true,  false",
            "TAOBAO, true,  true,  true",
            "TAOBAO, true,  false, false",
            "JD,     false, true,  true",
            "JD,     false, true,  false",
            "PDD,    false, false, true",
            "PDD,    false, true,  false"})
    void utf16FilesFailFastWithOneLine(Platform platform, boolean refunds, boolean littleEndian, boolean bom) {
        String content = platform.equals(Platform.TAOBAO)
                ? refunds ? "tb_trade_id,refund_status,tk_commission_fee_refund_pub,modified_time\n1,15,1.00,2026-10-22 02:02:18\n"
                        : ReportFilesTest.HEADER + "\n" + ReportFilesTest.SETTLED + "\n"
                : platform.equals(Platform.JD) ? JdOrderPagesTest.page(JdOrderPagesTest.ROW) + "\n"
                : PddOrderPagesTest.page(PddOrderPagesTest.ORDER) + "\n";
        Path file = Fixtures.writeBytes(dir, "orders.csv", utf16(content, littleEndian, bom));
        assertThatThrownBy(() -> readAll(ReportFiles.open(file, platform, refunds)))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("orders.csv is UTF-16 encoded")
                .hasMessageContaining("; save it as UTF-8")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void utf16MessagesWordForWord() {
        Path export = Fixtures.writeBytes(dir, "orders.csv", utf16(ReportFilesTest.HEADER + "\n", true, true));
        assertThatThrownBy(() -> ReportFiles.open(export, Platform.TAOBAO, false))
                .hasMessage("orders.csv is UTF-16 encoded; save it as UTF-8 or GB18030");
        Path dump = Fixtures.writeBytes(dir, "jd.jsonl", utf16(JdOrderPagesTest.page(JdOrderPagesTest.ROW), true, false));
        assertThatThrownBy(() -> ReportFiles.open(dump, Platform.JD, false))
                .hasMessage("jd.jsonl is UTF-16 encoded (it is full of NUL bytes); save it as UTF-8");
    }

    @Test
    void missingColumnsNameTheFileAndTheColumnsOnOneLine() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            many.add("列" + i);
        }
        Path file = write(dir, "wide.csv", String.join(",", many) + "\n" + "x,".repeat(499) + "x\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ReportFiles.open(file, Platform.TAOBAO, false))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("wide.csv: the header row lacks required column(s) [淘宝子订单号, 商品ID,")
                .hasMessageEndingWith("(is this a Taobao order export?)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").hasSizeLessThan(700));
        assertThatThrownBy(() -> ReportFiles.open(file, Platform.TAOBAO, true))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("wide.csv: the header row lacks required column(s) [tb_trade_id, refund_status,"
                        + " tk_commission_fee_refund_pub, modified_time]; found [列0, 列1,");
    }

    @Test
    void emptyFilesYieldNoRows() {
        for (String content : new String[] {"", "\n\n", "\uFEFF"}) {
            Path empty = write(dir, "empty.csv", content, StandardCharsets.UTF_8);
            for (Platform p : Platforms.all()) {
                assertThat(readAll(ReportFiles.open(empty, p, false))).isEmpty();
            }
            assertThat(readAll(ReportFiles.open(empty, Platform.TAOBAO, true))).isEmpty();
        }
        Path headerOnly = write(dir, "header.csv", ReportFilesTest.HEADER + "\n", TextLines.GB18030);
        assertThat(readAll(ReportFiles.open(headerOnly, Platform.TAOBAO, false))).isEmpty();
        Path refundHeader = write(dir, "rh.csv", "tb_trade_id,refund_status,tk_commission_fee_refund_pub,modified_time", StandardCharsets.UTF_8);
        assertThat(readAll(ReportFiles.open(refundHeader, Platform.TAOBAO, true))).isEmpty();
    }
}
