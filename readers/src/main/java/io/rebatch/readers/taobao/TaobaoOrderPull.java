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
import io.rebatch.readers.report.ReportRow;
import io.rebatch.readers.taobao.TaobaoOrderPages;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code taobao.tbk.order.details.get} by order update time ({@code query_type=4}), platforms.md §1.1.
 *
 * <p>Windows are at most {@link TaobaoSettings#window()} (3 h), and at most
 * {@link TaobaoSettings#promotionMaxWindow()} (20 min) when they touch a configured promotion period. Pages are
 * {@code page_no} 1, 2, … with {@code jump_type=1} and, from page 2, the {@code position_index} of the previous
 * answer sent back unchanged, while {@code has_next}.
 *
 * <p>The API serves at most {@link TaobaoSettings#maxPageNo()} pages (10,000 rows at 100 a page; a 100k-order day
 * holds more than that in some 3-hour windows). When a window has more, the pull goes on with a new window that
 * starts at the {@code modified_time} of the last row read, provided the rows so far came in {@code modified_time}
 * order as {@code query_type=4} lists them (the rows of that second are read again; repeats are harmless). If they
 * did not, or no time was gained, the window is pulled again as two halves instead.
 */
public final class TaobaoOrderPull extends ApiOrderPull {
    public static final String METHOD = "taobao.tbk.order.details.get";
    private static final Logger log = LoggerFactory.getLogger(TaobaoOrderPull.class);

    private final TaobaoSettings settings;
    private final TopRequests top;

    public TaobaoOrderPull(TaobaoSettings settings, PullRuntime runtime) {
        this(settings, runtime, () -> PlausibleTimes.ANY);
    }

    /** A row of a page outside {@code times.get()} is Rejected (see {@link ApiOrderPull}). */
    public TaobaoOrderPull(TaobaoSettings settings, PullRuntime runtime, Supplier<PlausibleTimes> times) {
        super(TopRequests.caller(METHOD, settings, runtime), times);
        this.settings = settings;
        this.top = new TopRequests(settings, runtime.clock());
    }

    @Override
    public List<TimeWindow> windows(Instant from, Instant to) {
        return TimeWindow.split(from, to, settings.window(), settings.promotionPeriods(), settings.promotionMaxWindow());
    }

    @Override
    public WindowResult pull(TimeWindow window, PageSink sink) {
        top.requireCredentials(this, window);
        long t0 = System.nanoTime();
        WindowResult r = pullPages(window, sink);
        log.info("api window done platform=TAOBAO api={} window=\"{}\" pages={} requests={} rows={} throttled={} millis={}",
                METHOD, window, r.pages(), r.requests(), r.rows(), r.throttled(), (System.nanoTime() - t0) / 1_000_000);
        return r;
    }

    private WindowResult pullPages(TimeWindow window, PageSink sink) {
        WindowResult result = new WindowResult(window, 0, 0, 0, 0);
        String position = null;
        Instant lastModified = null;
        boolean inTimeOrder = true;
        for (long pageNo = 1; ; pageNo++) {
            if (pageNo > settings.maxPageNo()) {
                if (result.rows() == 0) {
                    // has_next with nothing on any page: splitting would only multiply empty requests
                    throw caller.protocolError(window, pageNo, settings.maxPageNo() + " pages said has_next but held no rows");
                }
                Instant resume = lastModified == null ? null : lastModified.truncatedTo(ChronoUnit.SECONDS);
                if (inTimeOrder && resume != null && resume.isAfter(window.start()) && resume.isBefore(window.end())) {
                    log.warn("api window continue platform=TAOBAO api={} window=\"{}\" from=\"{}\" reason=\"more than {} pages\" advice=\"lower rebatch.platforms.taobao.window\"",
                            METHOD, window, BusinessTime.formatLocal(resume), settings.maxPageNo());
                    return result.plus(pullPages(new TimeWindow(resume, window.end()), sink));
                }
                TimeWindow[] halves = window.halves();
                if (halves == null) {
                    throw caller.protocolError(window, pageNo, "more than " + settings.maxPageNo() + " pages of "
                            + settings.pageSize() + " rows in one second; the API cannot page through them");
                }
                log.warn("api window split platform=TAOBAO api={} window=\"{}\" reason=\"more than {} pages\" advice=\"lower rebatch.platforms.taobao.window\"",
                        METHOD, window, settings.maxPageNo());
                return result.plus(pullPages(halves[0], sink)).plus(pullPages(halves[1], sink));
            }
            long page = pageNo;
            String cursor = position;
            ApiCaller.Fetched<TaobaoOrderPaging> f = caller.fetch(window, page,
                    () -> top.signed(METHOD, business(window, page, cursor)), (body, source, lineNo) -> TaobaoOrderPages.parse(body, source, lineNo, times.get()));
            sink.accept(f.body(), f.page());
            result = result.plus(new WindowResult(window, 1, f.attempts(), f.page().rows().size(), f.throttled()));
            for (ReportRow row : f.page().rows()) {
                if (row instanceof ReportRow.Snapshot snap && snap.line().modifiedAt() != null) {
                    Instant m = snap.line().modifiedAt();
                    inTimeOrder &= lastModified == null || !m.isBefore(lastModified);
                    lastModified = m;
                }
            }
            TaobaoOrderPaging paging = f.page().paging();
            if (!paging.hasNext()) {
                return result;
            }
            position = paging.positionIndex();
        }
    }

    private Map<String, String> business(TimeWindow w, long pageNo, String positionIndex) {
        Map<String, String> b = new TreeMap<>();
        b.put("query_type", "4");
        b.put("start_time", BusinessTime.formatLocal(w.start()));
        b.put("end_time", BusinessTime.formatLocal(w.end()));
        b.put("page_size", Integer.toString(settings.pageSize()));
        b.put("page_no", Long.toString(pageNo));
        b.put("jump_type", "1");
        if (pageNo > 1 && positionIndex != null && !positionIndex.isEmpty()) {
            b.put("position_index", positionIndex);
        }
        return b;
    }

    @Override
    public String toString() {
        return "TaobaoOrderPull[" + settings + "]";
    }
}
