package io.rebatch.readers.taobao;

import io.rebatch.readers.api.RetrySettings;
import io.rebatch.readers.api.Secret;
import io.rebatch.readers.api.TimeWindow;
import io.rebatch.readers.api.TopSignMethod;
import io.rebatch.readers.platform.PlatformSettings;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings of the Taobao (TOP) clients, bound from {@code rebatch.platforms.taobao.*} onto this constructor (each
 * component is the property of its name in kebab case: {@code app-key}, {@code window}, {@code rate-cap} …). What
 * is not set is null here and takes its default; a value outside the platform's limits is refused with the
 * property's name. {@code toString()} shows the secret as {@code ******}.
 *
 * @param endpoint           gateway URL (default {@value #DEFAULT_ENDPOINT})
 * @param appKey             {@code app_key} (default empty: the pull fails fast asking for it)
 * @param appSecret          app secret (default none)
 * @param signMethod         {@code sign_method} md5 | hmac | hmac-sha256 (default md5)
 * @param window             longest order window, at most 3 h (default 3 h)
 * @param promotionMaxWindow longest order window touching a promotion period, at most 20 min (default 20 min)
 * @param promotionPeriods   big-promotion periods {@code [start, end)} (618, 双11, 年货节; default none)
 * @param pageSize           {@code page_size} 1–100 (default 100)
 * @param maxPageNo          highest {@code page_no} the API serves (default 100); a window with more pages is pulled
 *                           again as two halves
 * @param refundMaxWindow    refund-feed window, at most 24 h (default 24 h; the API reads a day from {@code start_time})
 * @param refundPageSize     refund {@code page_size} 1–100 (default 100)
 * @param refundBizTypes     refund {@code biz_type}s to pull, each a pass (default 1 渠道 and 2 会员)
 * @param rateCap            requests per second over both Taobao APIs (default 10; Alimama allows ≈ 40 via the API)
 * @param overlap            how far each pull reaches back before the watermark (default 30 min)
 * @param retry              back-off and attempts ({@link RetrySettings#DEFAULTS})
 */
public record TaobaoSettings(URI endpoint, String appKey, Secret appSecret, TopSignMethod signMethod,
                             Duration window, Duration promotionMaxWindow, List<TimeWindow> promotionPeriods,
                             Integer pageSize, Integer maxPageNo, Duration refundMaxWindow, Integer refundPageSize,
                             List<Integer> refundBizTypes, Double rateCap, Duration overlap, RetrySettings retry)
        implements PlatformSettings {

    public static final String DEFAULT_ENDPOINT = "https://eco.taobao.com/router/rest";
    public static final Duration PLATFORM_MAX_WINDOW = Duration.ofHours(3);
    public static final Duration PLATFORM_PROMOTION_MAX_WINDOW = Duration.ofMinutes(20);
    public static final Duration PLATFORM_REFUND_MAX_WINDOW = Duration.ofDays(1);
    public static final int PLATFORM_MAX_PAGE_SIZE = 100;

    public TaobaoSettings {
        endpoint = endpoint == null ? URI.create(DEFAULT_ENDPOINT) : endpoint;
        appKey = appKey == null ? "" : appKey.strip();
        appSecret = appSecret == null ? Secret.none() : appSecret;
        signMethod = signMethod == null ? TopSignMethod.MD5 : signMethod;
        window = within(window, PLATFORM_MAX_WINDOW, "window");
        promotionMaxWindow = within(promotionMaxWindow, PLATFORM_PROMOTION_MAX_WINDOW, "promotion-max-window");
        refundMaxWindow = within(refundMaxWindow, PLATFORM_REFUND_MAX_WINDOW, "refund-max-window");
        promotionPeriods = promotionPeriods == null ? List.of() : List.copyOf(promotionPeriods);
        pageSize = pageSize == null ? PLATFORM_MAX_PAGE_SIZE : pageSize;
        refundPageSize = refundPageSize == null ? PLATFORM_MAX_PAGE_SIZE : refundPageSize;
        maxPageNo = maxPageNo == null ? 100 : maxPageNo;
        refundBizTypes = refundBizTypes == null ? List.of(1, 2) : refundBizTypes;
        rateCap = rateCap == null ? 10.0 : rateCap;
        overlap = PlatformSettings.overlap(overlap, "rebatch.platforms.taobao.overlap");
        retry = retry == null ? RetrySettings.DEFAULTS : retry;
        if (pageSize < 1 || pageSize > PLATFORM_MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("rebatch.platforms.taobao.page-size must be 1..100, was " + pageSize);
        }
        if (refundPageSize < 1 || refundPageSize > PLATFORM_MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("rebatch.platforms.taobao.refund-page-size must be 1..100, was " + refundPageSize);
        }
        if (maxPageNo < 1) {
            throw new IllegalArgumentException("rebatch.platforms.taobao.max-page-no must be positive, was " + maxPageNo);
        }
        refundBizTypes = List.copyOf(refundBizTypes);
        if (refundBizTypes.isEmpty()) {
            throw new IllegalArgumentException("rebatch.platforms.taobao.refund-biz-types must name at least one biz_type (1 渠道, 2 会员)");
        }
        if (!(rateCap > 0)) {
            throw new IllegalArgumentException("rebatch.platforms.taobao.rate-cap must be positive, was " + rateCap);
        }
    }

    private static Duration within(Duration d, Duration max, String name) {
        if (d == null) {
            return max;
        }
        if (d.compareTo(Duration.ofSeconds(1)) < 0 || d.compareTo(max) > 0) {
            throw new IllegalArgumentException("rebatch.platforms.taobao." + name + " must be between 1 s and " + max
                    + " (the platform's limit), was " + d);
        }
        return d;
    }

    @Override
    public boolean credentialsConfigured() {
        return !appKey.isBlank() && !appSecret.isEmpty();
    }

    /** Every setting at its default (no credentials). */
    public static TaobaoSettings defaults() {
        return new TaobaoSettings(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
