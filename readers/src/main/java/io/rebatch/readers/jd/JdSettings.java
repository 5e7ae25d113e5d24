package io.rebatch.readers.jd;

import io.rebatch.readers.api.RetrySettings;
import io.rebatch.readers.api.Secret;
import io.rebatch.readers.platform.PlatformSettings;
import java.net.URI;
import java.time.Duration;

/**
 * Settings of the JD Union client, {@code rebatch.platforms.jd.*}. {@code toString()} shows the secret as
 * {@code ******}.
 *
 * @param endpoint         gateway URL (default {@value #DEFAULT_ENDPOINT})
 * @param appKey           {@code app_key} (default empty: the pull fails fast asking for it)
 * @param appSecret        app secret (default none)
 * @param window           longest window, at most 1 h (default 1 h)
 * @param pageSize         {@code pageSize} 1–500 (default 500)
 * @param rateCap          requests per second (default 10)
 * @param overlap          how far each pull reaches back before the watermark (default 30 min)
 * @param retry            back-off and attempts ({@link RetrySettings#DEFAULTS})
 */
public record JdSettings(URI endpoint, String appKey, Secret appSecret, Duration window, Integer pageSize,
                         Double rateCap, Duration overlap, RetrySettings retry)
        implements PlatformSettings {

    public static final String DEFAULT_ENDPOINT = "https://api.jd.com/routerjson";
    public static final Duration PLATFORM_MAX_WINDOW = Duration.ofHours(1);
    public static final int PLATFORM_MAX_PAGE_SIZE = 500;

    public JdSettings {
        endpoint = endpoint == null ? URI.create(DEFAULT_ENDPOINT) : endpoint;
        window = window == null ? PLATFORM_MAX_WINDOW : window;
        pageSize = pageSize == null ? PLATFORM_MAX_PAGE_SIZE : pageSize;
        rateCap = rateCap == null ? 10.0 : rateCap;
        overlap = PlatformSettings.overlap(overlap, "rebatch.platforms.jd.overlap");
        retry = retry == null ? RetrySettings.DEFAULTS : retry;
        appKey = appKey == null ? "" : appKey.strip();
        appSecret = appSecret == null ? Secret.none() : appSecret;
        if (window.compareTo(Duration.ofSeconds(1)) < 0 || window.compareTo(PLATFORM_MAX_WINDOW) > 0) {
            throw new IllegalArgumentException("rebatch.platforms.jd.window must be between 1 s and 1 h (the platform's limit), was " + window);
        }
        if (pageSize < 1 || pageSize > PLATFORM_MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("rebatch.platforms.jd.page-size must be 1..500, was " + pageSize);
        }
        if (!(rateCap > 0)) {
            throw new IllegalArgumentException("rebatch.platforms.jd.rate-cap must be positive, was " + rateCap);
        }
    }

    @Override
    public boolean credentialsConfigured() {
        return !appKey.isBlank() && !appSecret.isEmpty();
    }

    public static JdSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().endpoint(endpoint).appKey(appKey).appSecret(appSecret).maxWindow(window)
                .pageSize(pageSize).rateCapPerSecond(rateCap).overlap(overlap).retry(retry);
    }

    public static final class Builder {
        private URI endpoint = URI.create(DEFAULT_ENDPOINT);
        private String appKey = "";
        private Secret appSecret = Secret.none();
        private Duration maxWindow = PLATFORM_MAX_WINDOW;
        private int pageSize = PLATFORM_MAX_PAGE_SIZE;
        private double rateCapPerSecond = 10;
        private RetrySettings retry = RetrySettings.DEFAULTS;
        private Duration overlap;

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

        public Builder maxWindow(Duration maxWindow) {
            this.maxWindow = maxWindow;
            return this;
        }

        public Builder pageSize(int pageSize) {
            this.pageSize = pageSize;
            return this;
        }

        public Builder rateCapPerSecond(double rateCapPerSecond) {
            this.rateCapPerSecond = rateCapPerSecond;
            return this;
        }

        public Builder overlap(Duration overlap) {
            this.overlap = overlap;
            return this;
        }

        public Builder retry(RetrySettings retry) {
            this.retry = retry;
            return this;
        }

        public JdSettings build() {
            return new JdSettings(endpoint, appKey, appSecret, maxWindow, pageSize, rateCapPerSecond, overlap, retry);
        }
    }
}
