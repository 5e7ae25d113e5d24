package io.rebatch.readers.taobao;

import io.rebatch.domain.Platform;
import io.rebatch.readers.api.PullRuntime;
import io.rebatch.readers.api.ApiCaller;
import io.rebatch.domain.BusinessTime;
import io.rebatch.readers.api.ApiOrderPull;
import io.rebatch.readers.api.PullException;
import io.rebatch.readers.api.Signing;
import io.rebatch.readers.api.TimeWindow;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;

/** TOP's common parameters and signature (platforms.md §4.1) around a method's business parameters. */
final class TopRequests {
    private final TaobaoSettings settings;
    private final Clock clock;

    TopRequests(TaobaoSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** method, app_key, timestamp (GMT+8 {@code yyyy-MM-dd HH:mm:ss}), format=json, v=2.0, sign_method, sign. */
    Map<String, String> signed(String method, Map<String, String> business) {
        Map<String, String> p = new TreeMap<>(business);
        p.put("method", method);
        p.put("app_key", settings.appKey());
        p.put("timestamp", BusinessTime.formatLocal(clock.instant()));
        p.put("format", "json");
        p.put("v", "2.0");
        p.put("sign_method", settings.signMethod().wire());
        p.put("sign", Signing.top(p, settings.appSecret(), settings.signMethod()));
        return p;
    }

    /** The caller of one TOP method: Taobao's endpoint, retries, rate cap and error policy. */
    static ApiCaller caller(String method, TaobaoSettings settings, PullRuntime runtime) {
        return new ApiCaller(Platform.TAOBAO, method, settings.endpoint(), settings.retry(), settings.rateCap(), runtime,
                TopErrors::classify);
    }

    /** Fails before any request when the credentials are not configured. */
    void requireCredentials(ApiOrderPull pull, TimeWindow window) {
        pull.requireSet(window, !settings.appKey().isEmpty(), "app key", "app-key");
        pull.requireSet(window, !settings.appSecret().isEmpty(), "app secret", "app-secret");
    }
}
