package io.rebatch.readers.taobao;

import io.rebatch.domain.BusinessTime;
import io.rebatch.domain.Platform;
import io.rebatch.domain.PlausibleTimes;
import io.rebatch.readers.api.ApiCaller;
import io.rebatch.readers.api.ApiOrderPull;
import io.rebatch.readers.api.OrderPull;
import io.rebatch.readers.api.PageSink;
import io.rebatch.readers.api.PullRuntime;
import io.rebatch.readers.api.TimeWindow;
import io.rebatch.readers.api.WindowResult;
import io.rebatch.readers.report.Paging;
import io.rebatch.readers.taobao.TaobaoRefundPages;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The refund feed {@code taobao.tbk.relation.refund} by update time (platforms.md §1.2): one parameter
 * {@code search_option}, a JSON string {@code {"page_size","page_no","search_type":5,"refund_type":0,"start_time",
 * "biz_type"}}, paged by {@code page_no} from 1 until a page is empty or the rows read reach {@code total_count}.
 * Each of {@link TaobaoSettings#refundBizTypes()} is a pass of its own.
 *
 * <p>The API takes no end time: it answers the day that starts at {@code start_time} (so does the sandbox, which
 * also accepts a non-standard {@code end_time} that we do not send). Windows are therefore at most
 * {@link TaobaoSettings#refundMaxWindow()} (24 h) and a shorter one may bring rows after its end; they are valid
 * refund snapshots and harmless to store twice.
 */
public final class TaobaoRefundPull extends ApiOrderPull {
    public static final String METHOD = "taobao.tbk.relation.refund";
    static final int SEARCH_TYPE_UPDATE = 5;
    static final int REFUND_TYPE_ALL = 0;
    private static final int MAX_PAGES = 10_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Logger log = LoggerFactory.getLogger(TaobaoRefundPull.class);

    private final TaobaoSettings settings;
    private final TopRequests top;

    public TaobaoRefundPull(TaobaoSettings settings, PullRuntime runtime) {
        this(settings, runtime, () -> PlausibleTimes.ANY);
    }

    /** A row of a page outside {@code times.get()} is Rejected (see {@link ApiOrderPull}). */
    public TaobaoRefundPull(TaobaoSettings settings, PullRuntime runtime, Supplier<PlausibleTimes> times) {
        super(TopRequests.caller(METHOD, settings, runtime), times);
        this.settings = settings;
        this.top = new TopRequests(settings, runtime.clock());
    }

    @Override
    public List<TimeWindow> windows(Instant from, Instant to) {
        return TimeWindow.split(from, to, settings.refundMaxWindow());
    }

    @Override
    public WindowResult pull(TimeWindow window, PageSink sink) {
        top.requireCredentials(this, window);
        long t0 = System.nanoTime();
        WindowResult result = new WindowResult(window, 0, 0, 0, 0);
        for (int bizType : settings.refundBizTypes()) {
            result = result.plus(pullBizType(window, bizType, sink));
        }
        log.info("api window done platform=TAOBAO api={} window=\"{}\" pages={} requests={} rows={} throttled={} millis={}",
                METHOD, window, result.pages(), result.requests(), result.rows(), result.throttled(),
                (System.nanoTime() - t0) / 1_000_000);
        return result;
    }

    private WindowResult pullBizType(TimeWindow window, int bizType, PageSink sink) {
        WindowResult result = new WindowResult(window, 0, 0, 0, 0);
        long read = 0;
        for (int pageNo = 1; ; pageNo++) {
            if (pageNo > MAX_PAGES) {
                throw caller.protocolError(window, pageNo, "the refund feed did not end after " + MAX_PAGES + " pages");
            }
            int page = pageNo;
            ApiCaller.Fetched<TaobaoRefundPaging> f = caller.fetch(window, page,
                    () -> top.signed(METHOD, Map.of("search_option", searchOption(window, page, bizType))),
                    (body, source, lineNo) -> TaobaoRefundPages.parse(body, source, lineNo, times.get()));
            int rows = f.page().rows().size();
            sink.accept(f.body(), f.page());
            result = result.plus(new WindowResult(window, 1, f.attempts(), rows, f.throttled()));
            read += rows;
            long total = f.page().paging().totalCount();
            // an empty page ends the feed; so does having read total_count rows (when the page gives it)
            if (rows == 0 || (total > 0 && read >= total)) {
                return result;
            }
        }
    }

    private String searchOption(TimeWindow w, int pageNo, int bizType) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("page_size", settings.refundPageSize());
        o.put("page_no", pageNo);
        o.put("search_type", SEARCH_TYPE_UPDATE);
        o.put("refund_type", REFUND_TYPE_ALL);
        o.put("start_time", BusinessTime.formatLocal(w.start()));
        o.put("biz_type", bizType);
        return JSON.writeValueAsString(o);
    }

    @Override
    public String toString() {
        return "TaobaoRefundPull[" + settings + "]";
    }
}
