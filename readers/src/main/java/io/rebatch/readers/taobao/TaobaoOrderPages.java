package io.rebatch.readers.taobao;

import io.rebatch.readers.report.Envelopes;
import io.rebatch.readers.report.JsonRowFields;
import io.rebatch.readers.report.JsonTree;
import io.rebatch.readers.report.Paging;
import io.rebatch.readers.report.ParsedPage;
import io.rebatch.domain.PlausibleTimes;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Parses one response body of {@code taobao.tbk.order.details.get} (or the 服务商 variant
 * {@code taobao.tbk.sc.order.details.get}, same shape) into its order rows and paging facts:
 * <pre>{"tbk_order_details_get_response":{"data":{"results":{"publisher_order_dto":[…]},
 *   "has_next":true,"page_no":1,"page_size":20,"position_index":"…"}}}</pre>
 * An empty page may omit {@code results} or {@code publisher_order_dto}. A TOP {@code error_response} becomes the
 * page's {@link PlatformError}. A pure function of the body: the API client and the JSON Lines dump reader share it.
 */
public final class TaobaoOrderPages {
    static final String[] ENVELOPES = {"tbk_order_details_get_response", "tbk_sc_order_details_get_response"};

    private TaobaoOrderPages() {
    }

    /**
     * Like {@link #parse(String, String, long)}, and an order whose times fall outside {@code times} is a
     * {@link ReportRow.Rejected} row.
     */
    public static ParsedPage<TaobaoOrderPaging> parse(String body, String source, long lineNo, PlausibleTimes times) {
        Envelopes.Page page = Envelopes.page(body, "Taobao order page");
        if (page.failed()) {
            return ParsedPage.failed(TopErrors.envelope(page.error()));
        }
        JsonTree tree = page.tree();
        JsonNode root = page.root();
        JsonNode resp = Envelopes.envelope(root, ENVELOPES);
        JsonNode data = Envelopes.requiredObject(resp, "data", "response");
        TaobaoOrderPaging paging = new TaobaoOrderPaging(
                Envelopes.bool(data, "has_next", "data"),
                Envelopes.text(data, "position_index"),
                Envelopes.number(data, "page_no", "data", 0L),
                Envelopes.number(data, "page_size", "data", 0L));
        List<JsonNode> orders = Envelopes.wrappedList(data, "results", "publisher_order_dto", "data");
        return ParsedPage.of(Envelopes.rows(tree, orders, source, lineNo,
                o -> TaobaoOrderMapping.map(new JsonRowFields(o), TaobaoOrderMapping.API_STATUS, tree.raw(o), source, lineNo,
                        times)),
                paging);
    }
}
