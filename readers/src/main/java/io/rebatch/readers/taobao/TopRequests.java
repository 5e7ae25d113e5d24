package io.rebatch.readers.taobao;

import io.rebatch.domain.BusinessTime;
import io.rebatch.readers.api.ApiCaller;
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

    /** Fails before any request when the credentials are not configured. */
    void requireCredentials(ApiCaller caller, TimeWindow window) {
        if (settings.appKey().isEmpty()) {
            throw caller.configurationError(window, "no app key: set rebatch.platforms.taobao.app-key (or REBATCH_PLATFORMS_TAOBAO_APP_KEY)");
        }
        if (settings.appSecret().isEmpty()) {
            throw caller.configurationError(window, "no app secret: set rebatch.platforms.taobao.app-secret (or REBATCH_PLATFORMS_TAOBAO_APP_SECRET)");
        }
    }
}
