package io.rebatch.readers.taobao;

import io.rebatch.readers.report.Envelopes;
import io.rebatch.readers.report.JsonRowFields;
import io.rebatch.readers.report.JsonTree;
import io.rebatch.readers.report.PageParseException;
import io.rebatch.readers.report.Paging;
import io.rebatch.readers.report.ParsedPage;
import io.rebatch.readers.report.PlatformError;
import io.rebatch.domain.Platform;
import io.rebatch.domain.PlausibleTimes;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Parses one response body of {@code taobao.tbk.relation.refund} (or {@code taobao.tbk.sc.relation.refund}):
 * <pre>{"tbk_relation_refund_response":{"result":{"result_code":0,"result_msg":"成功",
 *   "data":{"page_no":"1","page_size":"4","total_count":"4","results":{"result":[…]}}}}}</pre>
 * {@code tb_trade_id} comes as a 19-digit JSON number and is kept exact. A non-zero {@code result_code} (with
 * {@code biz_error_code}/{@code biz_error_desc}) or a TOP {@code error_response} is the page's {@link PlatformError}.
 */
public final class TaobaoRefundPages {
    static final String[] ENVELOPES = {"tbk_relation_refund_response", "tbk_sc_relation_refund_response"};

    private TaobaoRefundPages() {
    }

    /** Like {@link #parse(String, String, long)}; a refund whose modified_time is implausible is Rejected. */
    public static ParsedPage<TaobaoRefundPaging> parse(String body, String source, long lineNo, PlausibleTimes times) {
        Envelopes.Page page = Envelopes.page(body, "Taobao refund page");
        if (page.failed()) {
            return ParsedPage.failed(TopErrors.envelope(page.error()));
        }
        JsonTree tree = page.tree();
        JsonNode root = page.root();
        JsonNode result = Envelopes.requiredObject(Envelopes.envelope(root, ENVELOPES), "result", "response");
        Long resultCode = Envelopes.number(result, "result_code", "result", 0L);
        if (resultCode != 0) {
            return ParsedPage.failed(new PlatformError(Platform.TAOBAO, String.valueOf(resultCode),
                    Envelopes.text(result, "biz_error_code"),
                    Envelopes.join(Envelopes.text(result, "result_msg"), Envelopes.text(result, "biz_error_desc"))));
        }
        JsonNode data = result.get("data");
        if (data == null || data.isNull()) {
            return ParsedPage.of(List.of(), new TaobaoRefundPaging(0, 0, 0));
        }
        if (!data.isObject()) {
            throw new PageParseException("result.data is not a JSON object");
        }
        TaobaoRefundPaging paging = new TaobaoRefundPaging(
                Envelopes.number(data, "total_count", "data", 0L),
                Envelopes.number(data, "page_no", "data", 0L),
                Envelopes.number(data, "page_size", "data", 0L));
        List<JsonNode> refunds = Envelopes.wrappedList(data, "results", "result", "data");
        return ParsedPage.of(Envelopes.rows(tree, refunds, source, lineNo,
                o -> TaobaoRefundMapping.map(new JsonRowFields(o), tree.raw(o), source, lineNo, times)), paging);
    }
}
