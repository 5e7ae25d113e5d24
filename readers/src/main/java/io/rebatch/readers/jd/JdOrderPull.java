package io.rebatch.readers.jd;

import io.rebatch.domain.BusinessTime;
import io.rebatch.domain.Platform;
import io.rebatch.domain.PlausibleTimes;
import io.rebatch.readers.api.ApiCaller;
import io.rebatch.readers.api.ApiOrderPull;
import io.rebatch.readers.api.OrderPull;
import io.rebatch.readers.api.PageSink;
import io.rebatch.readers.api.PullRuntime;
import io.rebatch.readers.api.Signing;
import io.rebatch.readers.api.TimeWindow;
import io.rebatch.readers.api.WindowResult;
import io.rebatch.readers.jd.JdOrderPages;
import io.rebatch.readers.report.Paging;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code jd.union.open.order.row.query} by update time ({@code type=3}), platforms.md §2.1 and §4.2: windows of at
 * most {@link JdSettings#window()} (1 h), {@code pageIndex} 1, 2, … while {@code hasMore}. The business request
 * is the JSON text {@code 360buy_param_json={"orderReq":{…}}}, signed exactly as sent. The parser accepts the
 * misspelled {@code …_responce} and {@code …_response}, and a {@code queryResult} whose {@code data} is null.
 */
public final class JdOrderPull extends ApiOrderPull {
    public static final String METHOD = "jd.union.open.order.row.query";
    static final int TYPE_UPDATE_TIME = 3;
    private static final int MAX_PAGES = 100_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Logger log = LoggerFactory.getLogger(JdOrderPull.class);

    private final JdSettings settings;
    private final Clock clock;

    public JdOrderPull(JdSettings settings, PullRuntime runtime) {
        this(settings, runtime, () -> PlausibleTimes.ANY);
    }

    /** A row of a page outside {@code times.get()} is Rejected (see {@link ApiOrderPull}). */
    public JdOrderPull(JdSettings settings, PullRuntime runtime, Supplier<PlausibleTimes> times) {
        super(new ApiCaller(Platform.JD, METHOD, settings.endpoint(), settings.retry(),
                settings.rateCap(), runtime, JdErrors::classify), times);
        this.settings = settings;
        this.clock = runtime.clock();
    }

    @Override
    public List<TimeWindow> windows(Instant from, Instant to) {
        return TimeWindow.split(from, to, settings.window());
    }

    @Override
    public WindowResult pull(TimeWindow window, PageSink sink) {
        requireSet(window, !settings.appKey().isEmpty(), "app key", "app-key");
        requireSet(window, !settings.appSecret().isEmpty(), "app secret", "app-secret");
        long t0 = System.nanoTime();
        WindowResult result = new WindowResult(window, 0, 0, 0, 0);
        for (int pageIndex = 1; ; pageIndex++) {
            if (pageIndex > MAX_PAGES) {
                throw caller.protocolError(window, pageIndex, "hasMore stayed true for " + MAX_PAGES + " pages");
            }
            int page = pageIndex;
            ApiCaller.Fetched<JdPaging> f = caller.fetch(window, page, () -> signed(window, page),
                    (body, source, lineNo) -> JdOrderPages.parse(body, source, lineNo, times.get()));
            sink.accept(f.body(), f.page());
            result = result.plus(new WindowResult(window, 1, f.attempts(), f.page().rows().size(), f.throttled()));
            if (!f.page().paging().hasMore()) {
                break;
            }
        }
        log.info("api window done platform=JD api={} window=\"{}\" pages={} requests={} rows={} throttled={} millis={}",
                METHOD, window, result.pages(), result.requests(), result.rows(), result.throttled(),
                (System.nanoTime() - t0) / 1_000_000);
        return result;
    }

    /** {@code {"orderReq":{"pageIndex":n,"pageSize":s,"type":3,"startTime":"…","endTime":"…"}}}. */
    String paramJson(TimeWindow w, int pageIndex) {
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("pageIndex", pageIndex);
        req.put("pageSize", settings.pageSize());
        req.put("type", TYPE_UPDATE_TIME);
        req.put("startTime", BusinessTime.formatLocal(w.start()));
        req.put("endTime", BusinessTime.formatLocal(w.end()));
        return JSON.writeValueAsString(Map.of("orderReq", req));
    }

    /** method, app_key, timestamp (GMT+8), format=json, v=1.0, sign_method=md5, 360buy_param_json, sign. */
    private Map<String, String> signed(TimeWindow w, int pageIndex) {
        Map<String, String> p = new TreeMap<>();
        p.put("method", METHOD);
        p.put("app_key", settings.appKey());
        p.put("timestamp", BusinessTime.formatLocal(clock.instant()));
        p.put("format", "json");
        p.put("v", "1.0");
        p.put("sign_method", "md5");
        p.put("360buy_param_json", paramJson(w, pageIndex));
        p.put("sign", Signing.md5Wrapped(p, settings.appSecret()));
        return p;
    }

    @Override
    public String toString() {
        return "JdOrderPull[" + settings + "]";
    }
}
