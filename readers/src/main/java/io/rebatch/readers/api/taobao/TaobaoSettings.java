package io.rebatch.readers.api.taobao;

import io.rebatch.readers.api.RetrySettings;
import io.rebatch.readers.api.Secret;
import io.rebatch.readers.api.TimeWindow;
import io.rebatch.readers.api.TopSignMethod;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Settings of the Taobao (TOP) clients, {@code rebatch.platforms.taobao.*}. Plain Java: the Spring binding maps onto
 * {@link #builder()}. {@code toString()} shows the secret as {@code ******}.
 *
 * @param endpoint           gateway URL (default {@value #DEFAULT_ENDPOINT})
 * @param appKey             {@code app_key} (default empty: the pull fails fast asking for it)
 * @param appSecret          app secret (default none)
 * @param signMethod         {@code sign_method} md5 | hmac | hmac-sha256 (default md5)
 * @param maxWindow          longest order window, at most 3 h (default 3 h)
 * @param promotionMaxWindow longest order window touching a promotion period, at most 20 min (default 20 min)
 * @param promotionPeriods   big-promotion periods {@code [start, end)} (618, 双11, 年货节; default none)
 * @param pageSize           {@code page_size} 1–100 (default 100)
 * @param maxPageNo          highest {@code page_no} the API serves (default 100); a window with more pages is pulled
 *                           again as two halves
 * @param refundMaxWindow    refund-feed window, at most 24 h (default 24 h; the API reads a day from {@code start_time})
 * @param refundPageSize     refund {@code page_size} 1–100 (default 100)
 * @param refundBizTypes     refund {@code biz_type}s to pull, each a pass (default 1 渠道 and 2 会员)
 * @param rateCapPerSecond   requests per second over both Taobao APIs (default 10; Alimama allows ≈ 40 via the API)
 * @param retry              back-off and attempts ({@link RetrySettings#DEFAULTS})
 */
public record TaobaoSettings(URI endpoint, String appKey, Secret appSecret, TopSignMethod signMethod,
                             Duration maxWindow, Duration promotionMaxWindow, List<TimeWindow> promotionPeriods,
                             int pageSize, int maxPageNo, Duration refundMaxWindow, int refundPageSize,
                             List<Integer> refundBizTypes, double rateCapPerSecond, RetrySettings retry) {

    public static final String DEFAULT_ENDPOINT = "https://eco.taobao.com/router/rest";
    public static final Duration PLATFORM_MAX_WINDOW = Duration.ofHours(3);
    public static final Duration PLATFORM_PROMOTION_MAX_WINDOW = Duration.ofMinutes(20);
    public static final Duration PLATFORM_REFUND_MAX_WINDOW = Duration.ofDays(1);
    public static final int PLATFORM_MAX_PAGE_SIZE = 100;

    public TaobaoSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        appKey = appKey == null ? "" : appKey.strip();
        appSecret = appSecret == null ? Secret.none() : appSecret;
        Objects.requireNonNull(signMethod, "signMethod");
        within(maxWindow, PLATFORM_MAX_WINDOW, "max-window");
        within(promotionMaxWindow, PLATFORM_PROMOTION_MAX_WINDOW, "promotion-max-window");
        within(refundMaxWindow, PLATFORM_REFUND_MAX_WINDOW, "refund-max-window");
        promotionPeriods = List.copyOf(promotionPeriods);
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
        if (!(rateCapPerSecond > 0)) {
            throw new IllegalArgumentException("rebatch.platforms.taobao.rate-cap must be positive, was " + rateCapPerSecond);
        }
        Objects.requireNonNull(retry, "retry");
    }

    private static void within(Duration d, Duration max, String name) {
        if (d == null || d.compareTo(Duration.ofSeconds(1)) < 0 || d.compareTo(max) > 0) {
            throw new IllegalArgumentException("rebatch.platforms.taobao." + name + " must be between 1 s and " + max
                    + " (the platform's limit), was " + d);
        }
    }

    public static TaobaoSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.endpoint = endpoint;
        b.appKey = appKey;
        b.appSecret = appSecret;
        b.signMethod = signMethod;
        b.maxWindow = maxWindow;
        b.promotionMaxWindow = promotionMaxWindow;
        b.promotionPeriods = new ArrayList<>(promotionPeriods);
        b.pageSize = pageSize;
        b.maxPageNo = maxPageNo;
        b.refundMaxWindow = refundMaxWindow;
        b.refundPageSize = refundPageSize;
        b.refundBizTypes = new ArrayList<>(refundBizTypes);
        b.rateCapPerSecond = rateCapPerSecond;
        b.retry = retry;
        return b;
    }

    public static final class Builder {
        private URI endpoint = URI.create(DEFAULT_ENDPOINT);
        private String appKey = "";
        private Secret appSecret = Secret.none();
        private TopSignMethod signMethod = TopSignMethod.MD5;
        private Duration maxWindow = PLATFORM_MAX_WINDOW;
        private Duration promotionMaxWindow = PLATFORM_PROMOTION_MAX_WINDOW;
        private List<TimeWindow> promotionPeriods = new ArrayList<>();
        private int pageSize = PLATFORM_MAX_PAGE_SIZE;
        private int maxPageNo = 100;
        private Duration refundMaxWindow = PLATFORM_REFUND_MAX_WINDOW;
        private int refundPageSize = PLATFORM_MAX_PAGE_SIZE;
        private List<Integer> refundBizTypes = new ArrayList<>(List.of(1, 2));
        private double rateCapPerSecond = 10;
        private RetrySettings retry = RetrySettings.DEFAULTS;

        private Builder() {
        }

        public Builder endpoint(URI endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        public Builder endpoint(String endpoint) {
            return endpoint(URI.create(endpoint));
        }

        public Builder appKey(String appKey) {
            this.appKey = appKey;
            return this;
        }

        public Builder appSecret(Secret appSecret) {
            this.appSecret = appSecret;
            return this;
        }

        public Builder appSecret(String appSecret) {
            return appSecret(Secret.of(appSecret));
        }

        public Builder signMethod(TopSignMethod signMethod) {
            this.signMethod = signMethod;
            return this;
        }

        public Builder maxWindow(Duration maxWindow) {
            this.maxWindow = maxWindow;
            return this;
        }

        public Builder promotionMaxWindow(Duration promotionMaxWindow) {
            this.promotionMaxWindow = promotionMaxWindow;
            return this;
        }

        public Builder promotionPeriods(List<TimeWindow> periods) {
            this.promotionPeriods = new ArrayList<>(periods);
            return this;
        }

        public Builder promotionPeriod(TimeWindow period) {
            this.promotionPeriods.add(period);
            return this;
        }

        public Builder pageSize(int pageSize) {
            this.pageSize = pageSize;
            return this;
        }

        public Builder maxPageNo(int maxPageNo) {
            this.maxPageNo = maxPageNo;
            return this;
        }

        public Builder refundMaxWindow(Duration refundMaxWindow) {
            this.refundMaxWindow = refundMaxWindow;
            return this;
        }

        public Builder refundPageSize(int refundPageSize) {
            this.refundPageSize = refundPageSize;
            return this;
        }

        public Builder refundBizTypes(List<Integer> bizTypes) {
            this.refundBizTypes = new ArrayList<>(bizTypes);
            return this;
        }

        public Builder rateCapPerSecond(double rateCapPerSecond) {
            this.rateCapPerSecond = rateCapPerSecond;
            return this;
        }

        public Builder retry(RetrySettings retry) {
            this.retry = retry;
            return this;
        }

        public TaobaoSettings build() {
            return new TaobaoSettings(endpoint, appKey, appSecret, signMethod, maxWindow, promotionMaxWindow,
                    promotionPeriods, pageSize, maxPageNo, refundMaxWindow, refundPageSize, refundBizTypes,
                    rateCapPerSecond, retry);
        }
    }
}
