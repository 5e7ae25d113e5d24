package io.rebatch.readers.report;

import io.rebatch.domain.PlausibleTimes;
import io.rebatch.readers.pdd.PddPaging;
import io.rebatch.readers.jd.JdPaging;
import io.rebatch.readers.taobao.TaobaoRefundPaging;
import io.rebatch.readers.taobao.TaobaoOrderPaging;
import io.rebatch.readers.jd.JdOrderPages;
import io.rebatch.readers.pdd.PddOrderPages;
import io.rebatch.readers.taobao.TaobaoOrderPages;
import io.rebatch.readers.taobao.TaobaoRefundPages;
import static io.rebatch.readers.report.Fixtures.only;
import static io.rebatch.readers.report.Fixtures.readAll;
import static io.rebatch.readers.report.Fixtures.shanghai;
import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.domain.LineStatus;
import io.rebatch.domain.OrderLine;
import io.rebatch.domain.Platform;
import io.rebatch.domain.Refund;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every report file of the shared multi-week scenario, with fields of chosen rows checked by hand. */
class SampleFilesTest {

    private static List<ReportRow> read(String name, Platform platform, boolean refunds) {
        return readAll(ReportFiles.open(Fixtures.sampleIn(name), platform, refunds));
    }

    private static OrderLine line(List<ReportRow> rows, int index) {
        return ((ReportRow.Snapshot) rows.get(index)).line();
    }

    @ParameterizedTest(name = "{0}: {2} rows, none rejected")
    @CsvSource({
            "taobao-2026-10-20.jsonl, TAOBAO, 34, false",
            "taobao-2026-10-31.csv, TAOBAO, 28, false",
            "taobao-2026-11-20.jsonl, TAOBAO, 48, false",
            "taobao-2026-11-25.jsonl, TAOBAO, 20, false",
            "taobao-refunds-2026-10-31.jsonl, TAOBAO, 4, true",
            "taobao-refunds-2026-11-25.jsonl, TAOBAO, 4, true",
            "jd-2026-10-20.jsonl, JD, 15, false",
            "jd-2026-10-31.jsonl, JD, 19, false",
            "jd-2026-11-20.jsonl, JD, 34, false",
            "jd-2026-11-25.jsonl, JD, 7, false",
            "pdd-2026-10-20.jsonl, PDD, 26, false",
            "pdd-2026-10-31.jsonl, PDD, 22, false",
            "pdd-2026-11-20.jsonl, PDD, 40, false",
            "pdd-2026-11-25.jsonl, PDD, 19, false"})
    void everySampleFileParsesCompletely(String file, Platform platform, int rows, boolean refunds) {
        List<ReportRow> read = read(file, platform, refunds);
        assertThat(read).hasSize(rows);
        assertThat(read).allSatisfy(r -> {
            assertThat(r).isInstanceOf(refunds ? ReportRow.RefundSnapshot.class : ReportRow.Snapshot.class);
            assertThat(r.source()).isEqualTo(file);
        });
    }

    @Test
    void firstTaobaoRowOfTheOctober20Dump() {
        List<ReportRow> rows = read("taobao-2026-10-20.jsonl", Platform.TAOBAO, false);
        ReportRow.Snapshot first = (ReportRow.Snapshot) rows.get(0);
        assertThat(first.lineNo()).isEqualTo(1);
        OrderLine l = first.line();
        assertThat(l.platform()).isEqualTo(Platform.TAOBAO);
        assertThat(l.orderLineId()).isEqualTo("2284346265955921414");
        assertThat(l.parentOrderId()).isEqualTo("2284346265955921334");
        assertThat(l.itemId()).isEqualTo("398883526806");
        assertThat(l.itemTitle()).isEqualTo("夏季新款纯棉T恤 男士短袖");
        assertThat(l.quantity()).isEqualTo(1);
        assertThat(l.status()).isEqualTo(LineStatus.SETTLED);
        assertThat(l.paidAmountFen()).isEqualTo(11623);           // "116.23"
        assertThat(l.commissionRateBps()).isEqualTo(1200);        // "12.00" %
        assertThat(l.estimatedIncomeFen()).isEqualTo(1394 - 139); // pub_share_pre_fee 13.94 − alimama_share_fee 1.39
        assertThat(l.settledIncomeFen()).isEqualTo(1394 - 139);   // pub_share_fee 13.94 − 1.39
        assertThat(l.createdAt()).isEqualTo(Instant.parse("2026-10-07T00:46:30Z")); // 08:46:30 Asia/Shanghai
        assertThat(l.paidAt()).isEqualTo(Instant.parse("2026-10-07T00:54:48Z"));
        assertThat(l.receivedAt()).isNull();
        assertThat(l.settledAt()).isEqualTo(Instant.parse("2026-10-10T10:54:48Z"));
        assertThat(l.modifiedAt()).isEqualTo(Instant.parse("2026-10-10T10:54:48Z"));
        assertThat(l.pid()).isEqualTo("93434641669");             // adzone_id, a JSON number
        assertThat(l.relationId()).isNull();
        assertThat(l.specialId()).isNull();
        assertThat(l.source()).isEqualTo("taobao-2026-10-20.jsonl:1");

        // third row: PAID, "--" earning time, relation_id 9217956139 given as a JSON number
        OrderLine third = line(rows, 2);
        assertThat(third.orderLineId()).isEqualTo("1200706390096705066");
        assertThat(third.itemId()).isEqualTo("6SaR9b2hgx5f8-ycMkdhch-TMkjONf9z4");
        assertThat(third.status()).isEqualTo(LineStatus.PAID);
        assertThat(third.estimatedIncomeFen()).isEqualTo(3031 - 303);
        assertThat(third.settledIncomeFen()).isNull();
        assertThat(third.settledAt()).isNull();
        assertThat(third.relationId()).isEqualTo("9217956139");

        // rows of page 2 carry line 2
        assertThat(rows.subList(20, 34)).allSatisfy(r -> assertThat(r.lineNo()).isEqualTo(2));
    }

    @Test
    void taobaoPagingFactsOfBothPages() throws IOException {
        List<String> lines = Files.readAllLines(Fixtures.sampleIn("taobao-2026-10-20.jsonl"), StandardCharsets.UTF_8);
        ParsedPage<TaobaoOrderPaging> p1 = TaobaoOrderPages.parse(lines.get(0), "api", 1, PlausibleTimes.ANY);
        assertThat(p1.paging()).isEqualTo(new TaobaoOrderPaging(true, "1761000001_a1|1761000001_b1", 1, 20));
        assertThat(p1.rows()).hasSize(20);
        assertThat(p1.error()).isNull();
        ParsedPage<TaobaoOrderPaging> p2 = TaobaoOrderPages.parse(lines.get(1), "api", 2, PlausibleTimes.ANY);
        assertThat(p2.paging()).isEqualTo(new TaobaoOrderPaging(false, "1761000002_a2|1761000002_b2", 2, 20));
        assertThat(p2.rows()).hasSize(14);
    }

    @Test
    void gb18030ExportWithTabPrefixedIds() {
        List<ReportRow> rows = readAll(ReportFiles.open(Fixtures.resource("taobao-2026-10-31.csv"), Platform.TAOBAO, false));
        assertThat(rows).hasSize(28);
        ReportRow.Snapshot first = (ReportRow.Snapshot) rows.get(0);
        assertThat(first.lineNo()).isEqualTo(2); // line 1 is the header
        OrderLine l = first.line();
        assertThat(l.orderLineId()).isEqualTo("6166514149157770443");   // 淘宝子订单号 "\t6166514149157770443"
        assertThat(l.parentOrderId()).isEqualTo("6166514149157770363"); // 淘宝订单编号
        assertThat(l.itemId()).isEqualTo("42Ti2405zS7LRaTOd8daf6aPi21ORLNkf");
        assertThat(l.itemTitle()).isEqualTo("花王 妙而舒 纸尿裤 L54片");
        assertThat(l.quantity()).isEqualTo(3);
        assertThat(l.status()).isEqualTo(LineStatus.INVALID);            // 订单失效
        assertThat(l.paidAmountFen()).isEqualTo(93711);
        assertThat(l.commissionRateBps()).isEqualTo(300);
        assertThat(l.estimatedIncomeFen()).isEqualTo(2811 - 281);        // 付款预估收入 − 技术服务费
        assertThat(l.pid()).isEqualTo("56891818145");
        assertThat(l.relationId()).isEqualTo("4634693686");
        assertThat(l.specialId()).isNull();
        assertThat(l.createdAt()).isEqualTo(shanghai("2026-10-19 02:42:20"));
        assertThat(l.paidAt()).isEqualTo(shanghai("2026-10-19 02:44:29"));
        assertThat(l.settledAt()).isNull();                              // "--"
        assertThat(l.modifiedAt()).isEqualTo(shanghai("2026-10-19 02:44:29")); // latest time in the row
        assertThat(l.source()).isEqualTo("taobao-2026-10-31.csv:2");

        OrderLine received = line(rows, 1); // 订单成功, member-operations id only
        assertThat(received.status()).isEqualTo(LineStatus.RECEIVED);
        assertThat(received.specialId()).isEqualTo("2205969803");
        assertThat(received.relationId()).isNull();

        OrderLine settled = line(rows, 2); // line 4: 订单结算 with 结算时间
        assertThat(settled.orderLineId()).isEqualTo("5447067562389008247");
        assertThat(settled.status()).isEqualTo(LineStatus.SETTLED);
        assertThat(settled.estimatedIncomeFen()).isEqualTo(151 - 15);
        assertThat(settled.settledIncomeFen()).isEqualTo(151 - 15);
        assertThat(settled.settledAt()).isEqualTo(shanghai("2026-10-25 10:29:51"));
        assertThat(settled.modifiedAt()).isEqualTo(shanghai("2026-10-25 10:29:51"));

        OrderLine last = line(rows, 27); // line 29: settled income 43.83 − 4.38 below the estimate 62.61 − 4.38
        assertThat(last.orderLineId()).isEqualTo("6018434382747404331");
        assertThat(last.estimatedIncomeFen()).isEqualTo(6261 - 438);
        assertThat(last.settledIncomeFen()).isEqualTo(4383 - 438);
        assertThat(rows.get(27).lineNo()).isEqualTo(29);
    }

    @Test
    void jdRowsWithPayMonthAndWithFinishTimeAsSettlement() {
        List<ReportRow> rows = readAll(ReportFiles.open(Fixtures.resource("jd-2026-11-25.jsonl"), Platform.JD, false));
        assertThat(rows).hasSize(7);
        OrderLine l = line(rows, 0); // validCode 17, payMonth 20261123 → SETTLED at 2026-11-23 00:00 Asia/Shanghai
        assertThat(l.orderLineId()).isEqualTo("890773852810014192");
        assertThat(l.parentOrderId()).isEqualTo("890773852810014");
        assertThat(l.itemId()).isEqualTo("523298232606");
        assertThat(l.status()).isEqualTo(LineStatus.SETTLED);
        assertThat(l.paidAmountFen()).isEqualTo(10319);          // estimateCosPrice 103.19
        assertThat(l.commissionRateBps()).isEqualTo(2000);       // commissionRate 20.0
        assertThat(l.estimatedIncomeFen()).isEqualTo(1857);      // estimateFee 18.57
        assertThat(l.settledIncomeFen()).isEqualTo(1857);        // actualFee 18.57
        assertThat(l.settledAt()).isEqualTo(Instant.parse("2026-11-22T16:00:00Z"));
        assertThat(l.createdAt()).isEqualTo(shanghai("2026-11-13 01:19:39")).isEqualTo(l.paidAt());
        assertThat(l.receivedAt()).isEqualTo(shanghai("2026-11-19 23:27:38"));
        assertThat(l.modifiedAt()).isEqualTo(shanghai("2026-11-23 21:27:38"));
        assertThat(l.pid()).isEqualTo("26617359610");
        assertThat(l.subUnionId()).isNull();                     // ""

        OrderLine invalid = line(rows, 4); // validCode 3 → INVALID
        assertThat(invalid.orderLineId()).isEqualTo("382886495309716008");
        assertThat(invalid.status()).isEqualTo(LineStatus.INVALID);

        OrderLine direct = line(rows, 6);
        assertThat(direct.status()).isEqualTo(LineStatus.PAID);
        assertThat(direct.subUnionId()).isEqualTo("rb6ed3f30b");

        // validCode 18 with payMonth 0: settled at finishTime, settled income actualFee 76.57 < estimateFee 95.71
        OrderLine code18 = read("jd-2026-10-20.jsonl", Platform.JD, false).stream()
                .map(r -> ((ReportRow.Snapshot) r).line())
                .filter(x -> x.orderLineId().equals("800913652391823639")).findFirst().orElseThrow();
        assertThat(code18.status()).isEqualTo(LineStatus.SETTLED);
        assertThat(code18.settledAt()).isEqualTo(shanghai("2026-10-14 02:09:11"));
        assertThat(code18.estimatedIncomeFen()).isEqualTo(9571);
        assertThat(code18.settledIncomeFen()).isEqualTo(7657);
        assertThat(code18.itemTitle()).isEqualTo("李宁 跑步鞋, \"轻羽\" 系列");
    }

    @Test
    void pddRowsWithCustomParameters() {
        List<ReportRow> rows = readAll(ReportFiles.open(Fixtures.resource("pdd-2026-11-25.jsonl"), Platform.PDD, false));
        assertThat(rows).hasSize(19);
        OrderLine l = line(rows, 0);
        assertThat(l.orderLineId()).isEqualTo("261123-477702719888454").isEqualTo(l.parentOrderId());
        assertThat(l.itemId()).isEqualTo("849237661512");
        assertThat(l.status()).isEqualTo(LineStatus.PAID);          // order_status 0
        assertThat(l.paidAmountFen()).isEqualTo(89675);             // order_amount, fen
        assertThat(l.commissionRateBps()).isEqualTo(3000);          // promotion_rate 300 ‰
        assertThat(l.estimatedIncomeFen()).isEqualTo(26903);
        assertThat(l.createdAt()).isEqualTo(Instant.ofEpochSecond(1795385601));
        assertThat(l.paidAt()).isEqualTo(Instant.ofEpochSecond(1795386199));
        assertThat(l.receivedAt()).isNull();                        // null
        assertThat(l.modifiedAt()).isEqualTo(Instant.ofEpochSecond(1795386199));
        assertThat(l.pid()).isEqualTo("238633_30907468");
        assertThat(l.customUid()).isEqualTo("06bf4cc645");          // {"uid": "06bf4cc645", "sid": "app"}
        assertThat(line(rows, 1).customUid()).isNull();             // ""

        OrderLine settled = line(rows, 4); // order_status 5
        assertThat(settled.orderLineId()).isEqualTo("261112-889787708104639");
        assertThat(settled.status()).isEqualTo(LineStatus.SETTLED);
        assertThat(settled.settledIncomeFen()).isEqualTo(1224);
        assertThat(settled.settledAt()).isEqualTo(Instant.ofEpochSecond(1795440118));
        assertThat(settled.receivedAt()).isEqualTo(Instant.ofEpochSecond(1795177318));

        OrderLine minusOne = line(rows, 18); // custom_parameters "-1"
        assertThat(minusOne.orderLineId()).isEqualTo("261117-233312907418480");
        assertThat(minusOne.status()).isEqualTo(LineStatus.SETTLED);
        assertThat(minusOne.customUid()).isNull();
        assertThat(only(rows, ReportRow.Snapshot.class).stream().filter(s -> s.line().status() == LineStatus.RECEIVED))
                .hasSize(4); // order_status 2 and 3
    }

    @Test
    void refundPageWith19DigitNumericTradeIds() {
        List<ReportRow> rows = readAll(ReportFiles.open(Fixtures.resource("taobao-refunds-2026-10-31.jsonl"), Platform.TAOBAO, true));
        List<Refund> refunds = only(rows, ReportRow.RefundSnapshot.class).stream().map(ReportRow.RefundSnapshot::refund).toList();
        assertThat(refunds).containsExactly(
                new Refund("6018434382747404331", 4, 3945, shanghai("2026-10-30 10:20:59"), "taobao-refunds-2026-10-31.jsonl:1"),
                new Refund("6018434382747404331", 2, 3945, shanghai("2026-10-31 06:20:59"), "taobao-refunds-2026-10-31.jsonl:1"),
                // "18.5121" yuan rounds half-up to 1851 fen
                new Refund("8499116140863427139", 4, 1851, shanghai("2026-10-21 06:02:18"), "taobao-refunds-2026-10-31.jsonl:1"),
                new Refund("8499116140863427139", 15, 1851, shanghai("2026-10-22 02:02:18"), "taobao-refunds-2026-10-31.jsonl:1"));
        assertThat(refunds.get(1).effective()).isTrue();
        assertThat(refunds.get(0).effective()).isFalse();
    }

    @Test
    void refundPagingFacts() throws IOException {
        String body = Files.readString(Fixtures.resource("taobao-refunds-2026-10-31.jsonl"));
        ParsedPage<TaobaoRefundPaging> page = TaobaoRefundPages.parse(body.strip(), "api", 1, PlausibleTimes.ANY);
        assertThat(page.paging()).isEqualTo(new TaobaoRefundPaging(4, 1, 4)); // given as strings "4", "1", "4"
    }

    @Test
    void jdAndPddPagingFacts() throws IOException {
        ParsedPage<JdPaging> jd = JdOrderPages.parse(Files.readString(Fixtures.resource("jd-2026-11-25.jsonl")), "api", 1, PlausibleTimes.ANY);
        assertThat(jd.paging()).isEqualTo(new JdPaging(false));
        ParsedPage<PddPaging> pdd = PddOrderPages.parse(Files.readString(Fixtures.resource("pdd-2026-11-25.jsonl")), "api", 1, PlausibleTimes.ANY);
        assertThat(pdd.paging()).isEqualTo(new PddPaging(19L, null));
    }
}
