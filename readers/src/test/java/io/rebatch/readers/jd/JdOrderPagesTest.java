package io.rebatch.readers.jd;

import io.rebatch.domain.PlausibleTimes;
import io.rebatch.readers.report.Fixtures;
import io.rebatch.readers.report.PageParseException;
import io.rebatch.readers.report.Paging;
import io.rebatch.readers.report.ParsedPage;
import io.rebatch.readers.report.PlatformError;
import io.rebatch.readers.report.ReportRow;
import static io.rebatch.readers.report.Fixtures.shanghai;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rebatch.domain.LineStatus;
import io.rebatch.domain.OrderLine;
import io.rebatch.domain.Platform;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** JD's doubly encoded pages: envelope names, queryResult, error answers, and validCode/payMonth mapping. */
public class JdOrderPagesTest {

    /** A row as JD returns it (inside queryResult): 67.33 yuan at 5 %, 3.03 yuan estimated, validCode 16. */
    public static final String ROW = "{\"id\": \"231484334992940556\", \"orderId\": 231484334992940, \"skuId\": 186865002364, "
            + "\"skuName\": \"蓝月亮 洗衣液 3kg×2瓶\", \"skuNum\": 1, \"estimateCosPrice\": 67.33, \"commissionRate\": 5.0, "
            + "\"estimateFee\": 3.03, \"actualFee\": 0.0, \"validCode\": 16, \"orderTime\": \"2026-10-19 16:39:28\", "
            + "\"finishTime\": \"\", \"modifyTime\": \"2026-10-19 16:49:25\", \"payMonth\": 0, \"positionId\": 26886470756, "
            + "\"pid\": \"\", \"subUnionId\": \"rb01ea0639\"}";

    /** Wraps rows into queryResult (a JSON string) inside the misspelled envelope. */
    public static String pageIn(String envelope, String... rows) {
        String qr = "{\"code\": 200, \"message\": \"success\", \"requestId\": \"r\", \"hasMore\": true, \"data\": ["
                + String.join(", ", rows) + "]}";
        return "{\"" + envelope + "\": {\"code\": \"0\", \"queryResult\": " + jsonString(qr) + "}}";
    }

    public static String page(String... rows) {
        return pageIn("jd_union_open_order_row_query_responce", rows);
    }

    public static String jsonString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    public static String with(String field, String jsonValue) {
        String replaced = ROW.replaceFirst("\"" + field + "\": (\"[^\"]*\"|[-0-9.]+)", "\"" + field + "\": " + jsonValue);
        if (!replaced.contains("\"" + field + "\": " + jsonValue)) {
            throw new IllegalArgumentException("no field " + field);
        }
        return replaced;
    }

    private static OrderLine line(String row) {
        ReportRow r = JdOrderPages.parse(page(row), "jd.jsonl", 1, PlausibleTimes.ANY).rows().get(0);
        assertThat(r).isInstanceOf(ReportRow.Snapshot.class);
        return ((ReportRow.Snapshot) r).line();
    }

    @Test
    void bothEnvelopeSpellingsAreAccepted() {
        ParsedPage<JdPaging> responce = JdOrderPages.parse(pageIn("jd_union_open_order_row_query_responce", ROW), "s", 1, PlausibleTimes.ANY);
        ParsedPage<JdPaging> response = JdOrderPages.parse(pageIn("jd_union_open_order_row_query_response", ROW), "s", 1, PlausibleTimes.ANY);
        assertThat(responce.rows()).hasSize(1);
        assertThat(response.rows()).isEqualTo(responce.rows());
        assertThat(response.paging()).isEqualTo(new JdPaging(true));
        OrderLine l = ((ReportRow.Snapshot) response.rows().get(0)).line();
        assertThat(l.platform()).isEqualTo(Platform.JD);
        assertThat(l.status()).isEqualTo(LineStatus.PAID);
        assertThat(l.paidAmountFen()).isEqualTo(6733);
        assertThat(l.commissionRateBps()).isEqualTo(500);
        assertThat(l.estimatedIncomeFen()).isEqualTo(303);
        assertThat(l.createdAt()).isEqualTo(Instant.parse("2026-10-19T08:39:28Z")).isEqualTo(l.paidAt());
        assertThat(l.receivedAt()).isNull();
        assertThat(l.subUnionId()).isEqualTo("rb01ea0639");
        assertThat(l.pid()).isEqualTo("26886470756");
    }

    @Test
    void rawTextOfARejectedRowIsItsTextInsideQueryResult() {
        String bad = with("estimateFee", "3.031");
        List<ReportRow> rows = JdOrderPages.parse(page(ROW, bad), "jd.jsonl", 3, PlausibleTimes.ANY).rows();
        assertThat(rows.get(1)).isEqualTo(new ReportRow.Rejected("jd.jsonl", 3, bad,
                "estimateFee: amount '3.031' has more than two decimals"));
    }

    @Test
    void queryResultMayAlsoBeAnObject() {
        String body = "{\"jd_union_open_order_row_query_response\": {\"code\": \"0\", \"queryResult\": "
                + "{\"code\": 200, \"hasMore\": false, \"data\": [" + ROW + "]}}}";
        assertThat(JdOrderPages.parse(body, "s", 1, PlausibleTimes.ANY).rows()).hasSize(1);
    }

    @Test
    void emptyPageDataNullOrAbsent() {
        String dataNull = "{\"jd_union_open_order_row_query_responce\": {\"code\": \"0\", \"queryResult\": "
                + jsonString("{\"code\": 200, \"message\": \"success\", \"hasMore\": false, \"data\": null}") + "}}";
        ParsedPage<JdPaging> p = JdOrderPages.parse(dataNull, "s", 1, PlausibleTimes.ANY);
        assertThat(p.rows()).isEmpty();
        assertThat(p.paging()).isEqualTo(new JdPaging(false));
        String absent = "{\"jd_union_open_order_row_query_responce\": {\"code\": \"0\", \"queryResult\": "
                + jsonString("{\"code\": 200, \"message\": \"success\", \"hasMore\": false}") + "}}";
        assertThat(JdOrderPages.parse(absent, "s", 1, PlausibleTimes.ANY).rows()).isEmpty();
    }

    @Test
    void gatewayAndBusinessErrors() {
        ParsedPage<JdPaging> gateway = JdOrderPages.parse(
                "{\"error_response\":{\"code\":\"12\",\"zh_desc\":\"无效签名\",\"en_desc\":\"Invalid Signature\"}}", "s", 1, PlausibleTimes.ANY);
        assertThat(gateway.error()).isEqualTo(new PlatformError(Platform.JD, "12", null, "无效签名; Invalid Signature"));
        assertThat(gateway.error().describe()).isEqualTo("JD error 12: 无效签名; Invalid Signature");

        String business = "{\"jd_union_open_order_row_query_responce\": {\"code\": \"0\", \"queryResult\": "
                + jsonString("{\"code\": 403, \"message\": \"时间间隔不能超过1小时\", \"requestId\": \"r\"}") + "}}";
        assertThat(JdOrderPages.parse(business, "s", 1, PlausibleTimes.ANY).error())
                .isEqualTo(new PlatformError(Platform.JD, "403", null, "时间间隔不能超过1小时"));

        String outer = "{\"jd_union_open_order_row_query_responce\": {\"code\": \"2\", \"zh_desc\": \"调用次数超限\"}}";
        assertThat(JdOrderPages.parse(outer, "s", 1, PlausibleTimes.ANY).error()).isEqualTo(new PlatformError(Platform.JD, "2", null, "调用次数超限"));
    }

    @Test
    void queryResultThatIsNotJsonIsAPageError() {
        String body = "{\"jd_union_open_order_row_query_responce\": {\"code\": \"0\", \"queryResult\": \"{\\\"code\\\": 200, \\\"data\\\": [\"}}";
        assertThatThrownBy(() -> JdOrderPages.parse(body, "s", 1, PlausibleTimes.ANY)).isInstanceOf(PageParseException.class)
                .hasMessageStartingWith("JD queryResult is truncated");
        String noQr = "{\"jd_union_open_order_row_query_responce\": {\"code\": \"0\"}}";
        assertThatThrownBy(() -> JdOrderPages.parse(noQr, "s", 1, PlausibleTimes.ANY)).isInstanceOf(PageParseException.class)
                .hasMessage("queryResult is missing");
    }

    @Test
    void validCodeAndPayMonth() {
        assertThat(line(with("validCode", "24")).status()).isEqualTo(LineStatus.PAID);
        OrderLine received = line(with("validCode", "17").replace("\"finishTime\": \"\"", "\"finishTime\": \"2026-10-22 17:49:25\""));
        assertThat(received.status()).isEqualTo(LineStatus.RECEIVED);
        assertThat(received.receivedAt()).isEqualTo(shanghai("2026-10-22 17:49:25"));
        assertThat(received.settledAt()).isNull();
        // payMonth "0" as a string, as some proxies send it: still not settled
        assertThat(line(with("validCode", "17").replace("\"payMonth\": 0", "\"payMonth\": \"0\"")).status())
                .isEqualTo(LineStatus.RECEIVED);

        OrderLine settled = line(with("validCode", "17").replace("\"payMonth\": 0", "\"payMonth\": 20261120")
                .replace("\"actualFee\": 0.0", "\"actualFee\": 2.50"));
        assertThat(settled.status()).isEqualTo(LineStatus.SETTLED);
        assertThat(settled.settledIncomeFen()).isEqualTo(250);
        assertThat(settled.settledAt()).isEqualTo(Instant.parse("2026-11-19T16:00:00Z")); // 2026-11-20 00:00 Asia/Shanghai
        assertThat(line(with("validCode", "17").replace("\"payMonth\": 0", "\"payMonth\": \"20261120\"")).settledAt())
                .isEqualTo(Instant.parse("2026-11-19T16:00:00Z"));

        OrderLine eighteen = line(with("validCode", "18").replace("\"finishTime\": \"\"", "\"finishTime\": \"2026-10-22 17:49:25\""));
        assertThat(eighteen.status()).isEqualTo(LineStatus.SETTLED);
        assertThat(eighteen.settledAt()).isEqualTo(shanghai("2026-10-22 17:49:25"));
        assertThat(eighteen.settledIncomeFen()).isZero();

        for (String code : new String[] {"-1", "2", "3", "13", "25", "28", "99"}) {
            assertThat(line(with("validCode", code)).status()).as("validCode " + code).isEqualTo(LineStatus.INVALID);
        }
        assertThat(JdOrderPages.parse(page(with("validCode", "15")), "s", 2, PlausibleTimes.ANY).rows())
                .containsExactly(new ReportRow.SkippedUnpaid("s", 2, "231484334992940556"));
    }

    @Test
    void modifiedFallsBackToTheLatestTime() {
        OrderLine l = line(ROW.replace(", \"modifyTime\": \"2026-10-19 16:49:25\"", ""));
        assertThat(l.modifiedAt()).isEqualTo(shanghai("2026-10-19 16:39:28"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "status not a number   | validCode        | \"x\"                   | validCode 'x' is not a whole number (or is out of range)",
            "bad payMonth          | payMonth         | 20261340                | payMonth '20261340' is not a date yyyyMMdd",
            "negative fee          | estimateFee      | -3.03                   | estimateFee: amount '-3.03' is negative",
            "missing id            | id               | \"\"                    | id is missing",
            "missing order time    | orderTime        | \"\"                    | orderTime is missing",
            "bad finish time       | finishTime       | \"2026-10-22\"          | finishTime: bad time '2026-10-22' (expected yyyy-MM-dd HH:mm:ss)",
            "rate not a number     | commissionRate   | \"五\"                  | commissionRate: rate '五' is not a number",
            "huge paid amount      | estimateCosPrice | 123456789012345678901234567890 | estimateCosPrice: amount '123456789012345678901234567890' exceeds 1000000000000 fen"})
    void badRowIsRejectedAlone(String name, String field, String value, String reason) {
        String bad = with(field, value);
        List<ReportRow> rows = JdOrderPages.parse(page(ROW, bad, ROW), "jd.jsonl", 1, PlausibleTimes.ANY).rows();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).isInstanceOf(ReportRow.Snapshot.class);
        assertThat(rows.get(2)).isInstanceOf(ReportRow.Snapshot.class);
        assertThat(rows.get(1)).isEqualTo(new ReportRow.Rejected("jd.jsonl", 1, bad, reason));
    }

    @Test
    void code18WithoutPayMonthOrFinishTimeIsRejected() {
        ReportRow r = JdOrderPages.parse(page(with("validCode", "18")), "s", 1, PlausibleTimes.ANY).rows().get(0);
        assertThat(((ReportRow.Rejected) r).reason())
                .isEqualTo("validCode 18 with payMonth 0 needs finishTime as the settlement time, but finishTime is missing");
    }
}
