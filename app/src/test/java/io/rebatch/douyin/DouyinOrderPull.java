package io.rebatch.douyin;

import io.rebatch.domain.PlausibleTimes;
import io.rebatch.readers.api.ApiCaller;
import io.rebatch.readers.api.ErrorVerdict;
import io.rebatch.readers.api.ApiOrderPull;
import io.rebatch.readers.api.PageSink;
import io.rebatch.readers.api.PullRuntime;
import io.rebatch.readers.api.TimeWindow;
import io.rebatch.readers.api.WindowResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** {@code douyin_order_list} by update time: {@code start}, {@code end} (epoch seconds), {@code page} 1, 2, … */
public final class DouyinOrderPull extends ApiOrderPull {
    static final String METHOD = "douyin_order_list";

    private final DouyinSettings settings;

    public DouyinOrderPull(DouyinSettings settings, PullRuntime runtime, Supplier<PlausibleTimes> times) {
        super(new ApiCaller(DouyinRules.DOUYIN, METHOD, settings.endpoint(), settings.retry(), settings.rateCap(),
                runtime, error -> ErrorVerdict.protocol(error.describe())), times);
        this.settings = settings;
    }

    @Override
    public List<TimeWindow> windows(Instant from, Instant to) {
        return TimeWindow.split(from, to, settings.window());
    }

    @Override
    public WindowResult pull(TimeWindow window, PageSink sink) {
        requireSet(window, !settings.appKey().isBlank(), "app key", "app-key");
        WindowResult result = new WindowResult(window, 0, 0, 0, 0);
        for (int page = 1; ; page++) {
            int p = page;
            ApiCaller.Fetched<DouyinPages.DouyinPaging> f = caller.fetch(window, p, () -> Map.of("app_key",
                    settings.appKey(), "start", Long.toString(window.start().getEpochSecond()),
                    "end", Long.toString(window.end().getEpochSecond()), "page", Integer.toString(p)),
                    (body, source, lineNo) -> DouyinPages.parse(body, source, lineNo, times.get()));
            sink.accept(f.body(), f.page());
            result = result.plus(new WindowResult(window, 1, f.attempts(), f.page().rows().size(), f.throttled()));
            if (!f.page().paging().hasMore()) {
                return result;
            }
        }
    }
}
