package io.rebatch.readers.pdd;

import io.rebatch.domain.PlausibleTimes;
import io.rebatch.readers.jd.JdOrderPagesTest;
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

/** Pinduoduo pages: fen amounts, per-mille rates, epoch seconds, custom_parameters, status codes. */
public class PddOrderPagesTest {

    /** 34.32 yuan at 200 ‰ = 6.86 yuan, status 1 (已成团). */
    public static final String ORDER = "{\"order_sn\": \"190108-374476636970002\", \"goods_id\": 446805124850, "
            + "\"goods_name\": \"蓝月亮 洗衣液 3kg×2瓶\", \"goods_quantity\": 1, \"order_amount\": 3432, \"promotion_rate\": 200, "
            + "\"promotion_amount\": 686, \"order_status\": 1, \"order_create_time\": 1791175796, \"order_pay_time\": 1791176365, "
            + "\"order_receive_time\": null, \"order_settle_time\": null, \"order_modify_at\": 1791176365, "
            + "\"p_id\": \"240009_44622411\", \"custom_parameters\": \"-1\"}";

    public static String page(String... orders) {
        return "{\"order_list_get_response\": {\"order_list\": [" + String.join(", ", orders)
                + "], \"total_count\": 120, \"request_id\": \"r\"}}";
    }

    public static String with(String field, String jsonValue) {
        String replaced = ORDER.replaceFirst("\"" + field + "\": (\"(\\\\\"|[^\"])*\"|[-0-9.]+|null)", "\"" + field + "\": "
                + java.util.regex.Matcher.quoteReplacement(jsonValue));
        if (!replaced.contains("\"" + field + "\": " + jsonValue)) {
            throw new IllegalArgumentException("no field " + field);
        }
        return replaced;
    }

    private static OrderLine line(String order) {
        ReportRow r = PddOrderPages.parse(page(order), "pdd.jsonl", 1, PlausibleTimes.ANY).rows().get(0);
        assertThat(r).isInstanceOf(ReportRow.Snapshot.class);
        return ((ReportRow.Snapshot) r).line();
    }

    @Test
    void goodOrder() {
        ParsedPage<PddPaging> p = PddOrderPages.parse(page(ORDER), "pdd.jsonl", 1, PlausibleTimes.ANY);
        assertThat(p.paging()).isEqualTo(new PddPaging(120L, null));
        OrderLine l = ((ReportRow.Snapshot) p.rows().get(0)).line();
        assertThat(l.platform()).isEqualTo(Platform.PDD);
        assertThat(l.orderLineId()).isEqualTo("190108-374476636970002").isEqualTo(l.parentOrderId());
        assertThat(l.itemId()).isEqualTo("446805124850");
        assertThat(l.paidAmountFen()).isEqualTo(3432);
        assertThat(l.commissionRateBps()).isEqualTo(2000);
        assertThat(l.estimatedIncomeFen()).isEqualTo(686);
        assertThat(l.settledIncomeFen()).isNull();
        assertThat(l.status()).isEqualTo(LineStatus.PAID);
        assertThat(l.createdAt()).isEqualTo(Instant.ofEpochSecond(1791175796));
        assertThat(l.receivedAt()).isNull();
        assertThat(l.customUid()).isNull(); // "-1"
        assertThat(l.pid()).isEqualTo("240009_44622411");
    }

    @Test
    void rangeApiCursor() {
        String body = "{\"order_list_get_response\": {\"order_list\": [], \"last_order_id\": \"abc123\"}}";
        ParsedPage<PddPaging> p = PddOrderPages.parse(body, "s", 1, PlausibleTimes.ANY);
        assertThat(p.rows()).isEmpty();
        assertThat(p.paging()).isEqualTo(new PddPaging(null, "abc123"));
    }

    @Test
    void customParameters() {
        assertThat(PddOrderPages.customUid("{\"uid\":\"u-42\",\"sid\":\"app\"}")).isEqualTo("u-42");
        assertThat(PddOrderPages.customUid("{\"uid\": 42}")).isEqualTo("42");
        assertThat(PddOrderPages.customUid("")).isNull();
        assertThat(PddOrderPages.customUid("-1")).isNull();
        assertThat(PddOrderPages.customUid("uid=42")).isNull();
        assertThat(PddOrderPages.customUid("{\"uid\": \"\"}")).isNull();
        assertThat(PddOrderPages.customUid("{\"sid\": \"app\"}")).isNull();
        assertThat(PddOrderPages.customUid("{\"uid\": \"u-42\"")).isNull(); // truncated JSON: none, not an error
        assertThat(PddOrderPages.customUid(null)).isNull();
        assertThat(line(with("custom_parameters", "\"{\\\"uid\\\": \\\"06bf4cc645\\\", \\\"sid\\\": \\\"app\\\"}\"")).customUid())
                .isEqualTo("06bf4cc645");
    }

    @Test
    void goodsSignWhenGoodsIdIsAbsent() {
        String signOnly = ORDER.replace("\"goods_id\": 446805124850", "\"goods_sign\": \"Y9X2m7Fq_JxAnp7oCQH9b1Ny3MFzYqkr_Jg3Yz0\"");
        assertThat(line(signOnly).itemId()).isEqualTo("Y9X2m7Fq_JxAnp7oCQH9b1Ny3MFzYqkr_Jg3Yz0");
        String bothNullId = ORDER.replace("\"goods_id\": 446805124850", "\"goods_id\": null, \"goods_sign\": \"E9_abc\"");
        assertThat(line(bothNullId).itemId()).isEqualTo("E9_abc");
    }

    @Test
    void statusCodes() {
        assertThat(line(with("order_status", "0")).status()).isEqualTo(LineStatus.PAID);
        assertThat(line(with("order_status", "2")).status()).isEqualTo(LineStatus.RECEIVED);
        assertThat(line(with("order_status", "3")).status()).isEqualTo(LineStatus.RECEIVED);
        assertThat(line(with("order_status", "4")).status()).isEqualTo(LineStatus.INVALID);
        assertThat(line(with("order_status", "8")).status()).isEqualTo(LineStatus.INVALID);
        assertThat(line(with("order_status", "10")).status()).isEqualTo(LineStatus.INVALID);
        OrderLine settled = line(with("order_status", "5").replace("\"order_settle_time\": null", "\"order_settle_time\": 1792065565"));
        assertThat(settled.status()).isEqualTo(LineStatus.SETTLED);
        assertThat(settled.settledIncomeFen()).isEqualTo(686);
        assertThat(settled.settledAt()).isEqualTo(Instant.ofEpochSecond(1792065565));
        assertThat(PddOrderPages.parse(page(with("order_status", "-1")), "s", 1, PlausibleTimes.ANY).rows())
                .containsExactly(new ReportRow.SkippedUnpaid("s", 1, "190108-374476636970002"));
    }

    @Test
    void zeroTimeIsMissingAndModifiedFallsBack() {
        OrderLine l = line(with("order_modify_at", "0").replace("\"order_receive_time\": null", "\"order_receive_time\": 1791867565"));
        assertThat(l.modifiedAt()).isEqualTo(Instant.ofEpochSecond(1791867565));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown status 6       | order_status      | 6                | order_status 6 is not a known Pinduoduo status (expected -1, 0, 1, 2, 3, 4, 5, 8 or 10)",
            "unknown status 7       | order_status      | 7                | order_status 7 is not a known Pinduoduo status (expected -1, 0, 1, 2, 3, 4, 5, 8 or 10)",
            "fractional fen         | order_amount      | 3432.5           | order_amount '3432.5' is not a whole number (or is out of range)",
            "negative fen           | promotion_amount  | -686             | promotion_amount -686 is negative",
            "fen beyond MAX_FEN     | order_amount      | 1000000000001    | order_amount 1000000000001 exceeds 1000000000000 fen",
            "fen beyond long        | order_amount      | 99999999999999999999 | order_amount '99999999999999999999' is not a whole number (or is out of range)",
            "rate above 100 %       | promotion_rate    | 1001             | promotion_rate: rate 1001 ‰ exceeds 100 %",
            "time not a number      | order_pay_time    | \"yesterday\"    | order_pay_time 'yesterday' is not a time in epoch seconds",
            "time in milliseconds   | order_create_time | 1791175796000    | order_create_time 1791175796000 is not a plausible time in epoch seconds",
            "missing pay time       | order_pay_time    | null             | order_pay_time is missing",
            "missing order_sn       | order_sn          | null             | order_sn is missing",
            "order_sn over 64 chars | order_sn          | \"190108-3744766369700020000000000000000000000000000000000000000000000000\" | order_sn is 71 characters long; at most 64 allowed"})
    void badOrderIsRejectedAlone(String name, String field, String value, String reason) {
        String bad = with(field, value);
        List<ReportRow> rows = PddOrderPages.parse(page(ORDER, bad, ORDER), "pdd.jsonl", 5, PlausibleTimes.ANY).rows();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).isInstanceOf(ReportRow.Snapshot.class);
        assertThat(rows.get(2)).isInstanceOf(ReportRow.Snapshot.class);
        assertThat(rows.get(1)).isEqualTo(new ReportRow.Rejected("pdd.jsonl", 5, bad, reason));
    }

    @Test
    void errorEnvelope() {
        ParsedPage<PddPaging> p = PddOrderPages.parse("{\"error_response\":{\"error_code\":52101,\"error_msg\":"
                + "\"当前接口被限流\",\"sub_code\":\"52101\",\"sub_msg\":\"请稍后重试\",\"request_id\":\"r\"}}", "s", 1, PlausibleTimes.ANY);
        assertThat(p.error()).isEqualTo(new PlatformError(Platform.PDD, "52101", "52101", "当前接口被限流; 请稍后重试"));
        assertThat(p.error().describe()).isEqualTo("PDD error 52101/52101: 当前接口被限流; 请稍后重试");
    }

    @Test
    void wrongPlatformsBodyIsNotAPddPage() {
        assertThatThrownBy(() -> PddOrderPages.parse(JdOrderPagesTest.page(JdOrderPagesTest.ROW), "s", 1, PlausibleTimes.ANY))
                .isInstanceOf(PageParseException.class)
                .hasMessage("expected order_list_get_response (or error_response), found keys [jd_union_open_order_row_query_responce]");
    }
}
