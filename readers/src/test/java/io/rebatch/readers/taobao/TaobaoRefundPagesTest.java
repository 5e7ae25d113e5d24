package io.rebatch.readers.taobao;

import io.rebatch.domain.PlausibleTimes;
import io.rebatch.readers.report.PlatformError;
import io.rebatch.readers.report.ReportRow;
import io.rebatch.readers.report.Fixtures;
import io.rebatch.readers.report.Paging;
import io.rebatch.readers.report.ParsedPage;
import static io.rebatch.readers.report.Fixtures.shanghai;
import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.domain.Platform;
import io.rebatch.domain.Refund;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code taobao.tbk.relation.refund} pages. */
public class TaobaoRefundPagesTest {

    public static final String ROW = "{\"tb_trade_id\":8499116140863427139,\"tb_trade_parent_id\":8499116140863427059,\"refund_status\":15,"
            + "\"tk_commission_fee_refund_pub\":\"18.5151\",\"modified_time\":\"2026-10-22 02:02:18\",\"refund_type\":1}";

    public static String page(String... rows) {
        return "{\"tbk_relation_refund_response\":{\"result\":{\"result_code\":0,\"result_msg\":\"成功\",\"data\":{\"page_no\":\"2\","
                + "\"page_size\":\"100\",\"total_count\":\"201\",\"results\":{\"result\":[" + String.join(",", rows) + "]}}}}}";
    }

    @Test
    void exactIdHalfUpFenAndPaging() {
        ParsedPage<TaobaoRefundPaging> p = TaobaoRefundPages.parse(page(ROW), "refunds.jsonl", 1, PlausibleTimes.ANY);
        assertThat(p.paging()).isEqualTo(new TaobaoRefundPaging(201, 2, 100));
        // 18.5151 yuan = 1851.51 fen → 1852 half-up
        assertThat(p.rows()).containsExactly(new ReportRow.RefundSnapshot("refunds.jsonl", 1,
                new Refund("8499116140863427139", 15, 1852, shanghai("2026-10-22 02:02:18"), "refunds.jsonl:1")));
        String halfway = ROW.replace("18.5151", "0.0050");
        assertThat(((ReportRow.RefundSnapshot) TaobaoRefundPages.parse(page(halfway), "s", 1, PlausibleTimes.ANY).rows().get(0)).refund().refundFen())
                .isEqualTo(1); // 0.5 fen rounds up
    }

    @Test
    void badRowsAreRejectedAlone() {
        String fiveDecimals = ROW.replace("18.5151", "18.51511");
        String noTime = ROW.replace("\"modified_time\":\"2026-10-22 02:02:18\",", "");
        String statusText = ROW.replace("\"refund_status\":15", "\"refund_status\":\"成功\"");
        List<ReportRow> rows = TaobaoRefundPages.parse(page(ROW, fiveDecimals, noTime, statusText, ROW), "r.jsonl", 1, PlausibleTimes.ANY).rows();
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0)).isInstanceOf(ReportRow.RefundSnapshot.class);
        assertThat(rows.get(4)).isInstanceOf(ReportRow.RefundSnapshot.class);
        assertThat(rows.get(1)).isEqualTo(new ReportRow.Rejected("r.jsonl", 1, fiveDecimals,
                "tk_commission_fee_refund_pub: amount '18.51511' has more than 4 decimals"));
        assertThat(rows.get(2)).isEqualTo(new ReportRow.Rejected("r.jsonl", 1, noTime, "modified_time is missing"));
        assertThat(rows.get(3)).isEqualTo(new ReportRow.Rejected("r.jsonl", 1, statusText,
                "refund_status '成功' is not a whole number (or is out of range)"));
    }

    @Test
    void businessErrorAndTopError() {
        String biz = "{\"tbk_relation_refund_response\":{\"result\":{\"result_code\":1,\"result_msg\":\"失败\","
                + "\"biz_error_code\":102,\"biz_error_desc\":\"查询时间跨度不能超过3小时\"}}}";
        assertThat(TaobaoRefundPages.parse(biz, "s", 1, PlausibleTimes.ANY).error())
                .isEqualTo(new PlatformError(Platform.TAOBAO, "1", "102", "失败; 查询时间跨度不能超过3小时"));
        String top = "{\"error_response\":{\"code\":15,\"msg\":\"Remote service error\",\"sub_code\":\"isp.pubrpt-service-unavailable\"}}";
        assertThat(TaobaoRefundPages.parse(top, "s", 1, PlausibleTimes.ANY).error())
                .isEqualTo(new PlatformError(Platform.TAOBAO, "15", "isp.pubrpt-service-unavailable", "Remote service error"));
    }

    @Test
    void emptyPage() {
        String empty = "{\"tbk_relation_refund_response\":{\"result\":{\"result_code\":0,\"data\":{\"page_no\":\"1\","
                + "\"page_size\":\"100\",\"total_count\":\"0\"}}}}";
        ParsedPage<TaobaoRefundPaging> p = TaobaoRefundPages.parse(empty, "s", 1, PlausibleTimes.ANY);
        assertThat(p.rows()).isEmpty();
        assertThat(p.paging()).isEqualTo(new TaobaoRefundPaging(0, 1, 100));
    }
}
