package io.rebatch.readers.taobao;

import io.rebatch.domain.PlausibleTimes;
import io.rebatch.readers.report.PageParseException;
import io.rebatch.readers.report.PlatformError;
import io.rebatch.readers.report.Paging;
import io.rebatch.readers.report.ParsedPage;
import io.rebatch.readers.report.ReportRow;
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

/** TOP order pages: envelopes, paging, and one bad order among good ones. */
public class TaobaoOrderPagesTest {

    /** A real-shaped order: 116.23 yuan paid, 12 %, 13.94 − 1.39 = 12.55 yuan estimated, PAID. */
    public static final String GOOD = """
            {"trade_id": "2284346265955921414", "trade_parent_id": "2284346265955921334", "item_id": "398883526806", \
            "item_title": "夏季新款纯棉T恤 男士短袖", "item_num": 1, "alipay_total_price": "116.23", \
            "total_commission_rate": "12.00", "pub_share_pre_fee": "13.94", "pub_share_fee": "0.00", \
            "alimama_share_fee": "1.39", "tk_status": 12, "tk_create_time": "2026-10-07 08:46:30", \
            "tk_paid_time": "2026-10-07 08:54:48", "tk_earning_time": "--", "modified_time": "2026-10-07 08:54:48", \
            "adzone_id": 93434641669, "relation_id": 9217956139}""";

    public static String page(String... orders) {
        return "{\"tbk_order_details_get_response\": {\"data\": {\"results\": {\"publisher_order_dto\": ["
                + String.join(", ", orders)
                + "]}, \"has_pre\": false, \"has_next\": true, \"page_no\": 3, \"page_size\": 20, "
                + "\"position_index\": \"1555904214_lGltNdNvSX2|1555917305_lJfPMeFmdt2\"}, \"request_id\": \"r1\"}}";
    }

    public static String with(String field, String jsonValue) {
        String replaced = GOOD.replaceFirst("\"" + field + "\": (\"[^\"]*\"|[-0-9.]+)", "\"" + field + "\": " + jsonValue);
        if (replaced.equals(GOOD) && !jsonValue.equals(valueOf(field))) {
            throw new IllegalArgumentException("no field " + field);
        }
        return replaced;
    }

    public static String without(String field) {
        String removed = GOOD.replaceFirst(", \"" + field + "\": (\"[^\"]*\"|[-0-9.]+)", "");
        if (removed.equals(GOOD)) {
            throw new IllegalArgumentException("no field " + field);
        }
        return removed;
    }

    private static String valueOf(String field) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + field + "\": (\"[^\"]*\"|[-0-9.]+)").matcher(GOOD);
        return m.find() ? m.group(1) : null;
    }

    @Test
    void goodOrderAndPagingFacts() {
        ParsedPage<TaobaoOrderPaging> page = TaobaoOrderPages.parse(page(GOOD), "taobao api 2026-10-07 08:00..11:00", 1, PlausibleTimes.ANY);
        assertThat(page.isError()).isFalse();
        assertThat(page.paging().hasNext()).isTrue();
        assertThat(page.paging().positionIndex()).isEqualTo("1555904214_lGltNdNvSX2|1555917305_lJfPMeFmdt2");
        assertThat(page.paging().pageNo()).isEqualTo(3);
        assertThat(page.paging().pageSize()).isEqualTo(20);
        OrderLine l = ((ReportRow.Snapshot) page.rows().get(0)).line();
        assertThat(l.estimatedIncomeFen()).isEqualTo(1255);
        assertThat(l.settledIncomeFen()).isNull();
        assertThat(l.pid()).isEqualTo("93434641669");
        assertThat(l.relationId()).isEqualTo("9217956139");
        assertThat(l.source()).isEqualTo("taobao api 2026-10-07 08:00..11:00:1");
    }

    @Test
    void tradeIdAsA19DigitJsonNumberStaysExact() {
        OrderLine l = ((ReportRow.Snapshot) TaobaoOrderPages.parse(page(with("trade_id", "9223372036854775807")), "s", 1, PlausibleTimes.ANY)
                .rows().get(0)).line();
        assertThat(l.orderLineId()).isEqualTo("9223372036854775807");
        // beyond long: still exact
        OrderLine big = ((ReportRow.Snapshot) TaobaoOrderPages.parse(page(with("trade_id", "12345678901234567890123")), "s", 1, PlausibleTimes.ANY)
                .rows().get(0)).line();
        assertThat(big.orderLineId()).isEqualTo("12345678901234567890123");
    }

    @Test
    void statusMapping() {
        assertThat(status(with("tk_status", "12"))).isEqualTo(LineStatus.PAID);
        assertThat(status(with("tk_status", "14"))).isEqualTo(LineStatus.RECEIVED);
        assertThat(status(with("tk_status", "13"))).isEqualTo(LineStatus.INVALID);
        assertThat(status(with("tk_status", "\"12\""))).isEqualTo(LineStatus.PAID); // a numeric string is the same code
        String settled = with("tk_status", "3").replace("\"tk_earning_time\": \"--\"", "\"tk_earning_time\": \"2026-10-10 18:54:48\"")
                .replace("\"pub_share_fee\": \"0.00\"", "\"pub_share_fee\": \"13.50\"");
        OrderLine l = ((ReportRow.Snapshot) TaobaoOrderPages.parse(page(settled), "s", 1, PlausibleTimes.ANY).rows().get(0)).line();
        assertThat(l.status()).isEqualTo(LineStatus.SETTLED);
        assertThat(l.settledIncomeFen()).isEqualTo(1350 - 139);
        assertThat(l.settledAt()).isEqualTo(Instant.parse("2026-10-10T10:54:48Z"));
    }

    @Test
    void unpaidOrderIsSkippedNotRejected() {
        // an unpaid order may lack its payment time: it is counted and nothing else is checked
        List<ReportRow> rows = TaobaoOrderPages.parse(page(with("tk_status", "11").replace("\"tk_paid_time\": \"2026-10-07 08:54:48\"",
                "\"tk_paid_time\": \"--\"")), "s", 4, PlausibleTimes.ANY).rows();
        assertThat(rows).containsExactly(new ReportRow.SkippedUnpaid("s", 4, "2284346265955921414"));
    }

    @Test
    void modifiedTimeFallsBackToTheLatestTimeInTheRow() {
        OrderLine l = ((ReportRow.Snapshot) TaobaoOrderPages.parse(page(without("modified_time")), "s", 1, PlausibleTimes.ANY).rows().get(0)).line();
        assertThat(l.modifiedAt()).isEqualTo(Instant.parse("2026-10-07T00:54:48Z")); // tk_paid_time
    }

    /** Each bad order is rejected with its exact text and a reason naming field and value; its neighbours parse. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "non-numeric amount   | alipay_total_price    | \"12,30\"               | alipay_total_price: amount '12,30' is not a number",
            "three decimals       | alipay_total_price    | \"116.234\"             | alipay_total_price: amount '116.234' has more than two decimals",
            "negative amount      | pub_share_pre_fee     | \"-13.94\"              | pub_share_pre_fee: amount '-13.94' is negative",
            "beyond MAX_FEN       | alipay_total_price    | \"99999999999999.99\"   | alipay_total_price: amount '99999999999999.99' exceeds 1000000000000 fen",
            "huge exponent        | alipay_total_price    | 1e999999999             | alipay_total_price: amount '1E+999999999' exceeds 1000000000000 fen",
            "huge exponent rate   | total_commission_rate | 1e999999999             | total_commission_rate: rate '1E+999999999' % exceeds 100 %",
            "tiny exponent        | pub_share_pre_fee     | 1e-999999999            | pub_share_pre_fee: amount '1E-999999999' has more than two decimals",
            "unknown status       | tk_status             | 99                      | tk_status 99 is not a known Taobao status (expected 12, 14, 3, 13 or 11)",
            "status not a number  | tk_status             | \"paid\"                | tk_status 'paid' is not a whole number (or is out of range)",
            "bad time             | tk_create_time        | \"2026-10-07T08:46:30\" | tk_create_time: bad time '2026-10-07T08:46:30' (expected yyyy-MM-dd HH:mm:ss)",
            "impossible date      | tk_paid_time          | \"2026-02-30 10:00:00\" | tk_paid_time: bad time '2026-02-30 10:00:00' (expected yyyy-MM-dd HH:mm:ss)",
            "missing id           | trade_id              | \"--\"                  | trade_id is missing",
            "fractional id        | trade_id              | 2.5                     | trade_id '2.5' has a fractional part: the file was probably re-saved by a spreadsheet; export it again from the platform",
            "rate not whole bp    | total_commission_rate | \"12.005\"              | total_commission_rate: rate '12.005' % is not a whole number of basis points",
            "negative quantity    | item_num              | -1                      | item_num -1 is negative",
            "tech fee above share | alimama_share_fee     | \"14.00\"               | estimated income is negative: pub_share_pre_fee 13.94 − alimama_share_fee 14.00",
            "missing paid time    | tk_paid_time          | \"--\"                  | tk_paid_time is missing",
            "object for a value   | item_num              | {\"n\": 1}             | item_num is a JSON object, expected a single value"})
    void badOrderIsRejectedAlone(String name, String field, String value, String reason) {
        String bad = with(field, value);
        ParsedPage<TaobaoOrderPaging> page = TaobaoOrderPages.parse(page(GOOD, bad, GOOD.replace("2284346265955921414", "1")),
                "taobao-x.jsonl", 7, PlausibleTimes.ANY);
        assertThat(page.rows()).hasSize(3);
        assertThat(page.rows().get(0)).isInstanceOf(ReportRow.Snapshot.class);
        assertThat(page.rows().get(2)).isInstanceOf(ReportRow.Snapshot.class);
        assertThat(page.rows().get(1)).isEqualTo(new ReportRow.Rejected("taobao-x.jsonl", 7, bad, reason));
    }

    @Test
    void settledOrderWithoutEarningTimeOrSettledIncomeIsRejected() {
        String noEarning = with("tk_status", "3").replace("\"pub_share_fee\": \"0.00\"", "\"pub_share_fee\": \"13.50\"");
        assertThat(rejectReason(noEarning)).isEqualTo("tk_earning_time is missing");
        String noSettledFee = with("tk_status", "3").replace("\"pub_share_fee\": \"0.00\"", "\"pub_share_fee\": \"--\"")
                .replace("\"tk_earning_time\": \"--\"", "\"tk_earning_time\": \"2026-10-10 18:54:48\"");
        assertThat(rejectReason(noSettledFee)).isEqualTo("pub_share_fee is missing");
    }

    @Test
    void anEntryThatIsNotAnObjectIsRejected() {
        List<ReportRow> rows = TaobaoOrderPages.parse(page(GOOD, "\"oops\""), "s", 1, PlausibleTimes.ANY).rows();
        assertThat(rows.get(1)).isEqualTo(new ReportRow.Rejected("s", 1, "\"oops\"", "order entry is a JSON string, expected an object"));
    }

    @Test
    void emptyPageWithoutResultsOrWithoutTheElementKey() {
        String noResults = "{\"tbk_order_details_get_response\":{\"data\":{\"has_pre\":false,\"has_next\":false,"
                + "\"page_no\":1,\"page_size\":20,\"position_index\":\"1555904214_x\"},\"request_id\":\"r\"}}";
        ParsedPage<TaobaoOrderPaging> p = TaobaoOrderPages.parse(noResults, "s", 1, PlausibleTimes.ANY);
        assertThat(p.rows()).isEmpty();
        assertThat(p.paging()).isEqualTo(new TaobaoOrderPaging(false, "1555904214_x", 1, 20));
        String emptyResults = noResults.replace("\"data\":{", "\"data\":{\"results\":{},");
        assertThat(TaobaoOrderPages.parse(emptyResults, "s", 1, PlausibleTimes.ANY).rows()).isEmpty();
    }

    @Test
    void serviceProviderVariantHasTheSameShape() {
        String sc = page(GOOD).replace("tbk_order_details_get_response", "tbk_sc_order_details_get_response");
        assertThat(TaobaoOrderPages.parse(sc, "s", 1, PlausibleTimes.ANY).rows()).hasSize(1);
    }

    @Test
    void topErrorEnvelopeIsAPlatformError() {
        String body = "{\"error_response\":{\"code\":7,\"msg\":\"App Call Limited\",\"sub_code\":"
                + "\"accesscontrol.limited-by-app-access-count\",\"sub_msg\":\"This ban will last for 31062 more seconds\","
                + "\"request_id\":\"3n2nnl2iw1kr\"}}";
        ParsedPage<TaobaoOrderPaging> p = TaobaoOrderPages.parse(body, "s", 1, PlausibleTimes.ANY);
        assertThat(p.isError()).isTrue();
        assertThat(p.paging()).isNull();
        assertThat(p.rows()).isEmpty();
        assertThat(p.error()).isEqualTo(new PlatformError(Platform.TAOBAO, "7", "accesscontrol.limited-by-app-access-count",
                "App Call Limited; This ban will last for 31062 more seconds"));
    }

    @Test
    void bodiesThatAreNotPagesThrowForTheApiClient() {
        assertThatThrownBy(() -> TaobaoOrderPages.parse(page(GOOD).substring(0, 200), "s", 1, PlausibleTimes.ANY))
                .isInstanceOf(PageParseException.class)
                .hasMessageStartingWith("Taobao order page is truncated: the JSON ends at char 200 before the document is complete");
        assertThatThrownBy(() -> TaobaoOrderPages.parse("<html><body>502 Bad Gateway</body></html>", "s", 1, PlausibleTimes.ANY))
                .isInstanceOf(PageParseException.class)
                .hasMessage("Taobao order page is not valid JSON at char 0: Unexpected character ('<' (code 60))"
                        + " (body starts with '<html><body>502 Bad Gateway</body></html>')");
        assertThatThrownBy(() -> TaobaoOrderPages.parse("{\"some_other_response\":{}}", "s", 1, PlausibleTimes.ANY))
                .isInstanceOf(PageParseException.class)
                .hasMessage("expected tbk_order_details_get_response or tbk_sc_order_details_get_response (or error_response),"
                        + " found keys [some_other_response]");
        assertThatThrownBy(() -> TaobaoOrderPages.parse("{\"tbk_order_details_get_response\":{\"request_id\":\"r\"}}", "s", 1, PlausibleTimes.ANY))
                .isInstanceOf(PageParseException.class).hasMessage("response.data is missing");
        assertThatThrownBy(() -> TaobaoOrderPages.parse(page(GOOD) + " {}", "s", 1, PlausibleTimes.ANY))
                .isInstanceOf(PageParseException.class).hasMessageContaining("has content after the JSON document");
        assertThatThrownBy(() -> TaobaoOrderPages.parse("[1,2]", "s", 1, PlausibleTimes.ANY))
                .isInstanceOf(PageParseException.class).hasMessage("page is a JSON array, expected an object");
        assertThatThrownBy(() -> TaobaoOrderPages.parse(page(GOOD).replace("\"has_next\": true", "\"has_next\": 1"), "s", 1, PlausibleTimes.ANY))
                .isInstanceOf(PageParseException.class).hasMessage("data.has_next 1 is not true or false");
    }

    private static LineStatus status(String order) {
        return ((ReportRow.Snapshot) TaobaoOrderPages.parse(page(order), "s", 1, PlausibleTimes.ANY).rows().get(0)).line().status();
    }

    private static String rejectReason(String order) {
        return ((ReportRow.Rejected) TaobaoOrderPages.parse(page(order), "s", 1, PlausibleTimes.ANY).rows().get(0)).reason();
    }
}
