package io.rebatch.readers.api.jd;

import io.rebatch.readers.api.RetrySettings;
import io.rebatch.readers.api.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the JD Union client, {@code rebatch.platforms.jd.*}. {@code toString()} shows the secret as
 * {@code ******}.
 *
 * @param endpoint         gateway URL (default {@value #DEFAULT_ENDPOINT})
 * @param appKey           {@code app_key} (default empty: the pull fails fast asking for it)
 * @param appSecret        app secret (default none)
 * @param maxWindow        longest window, at most 1 h (default 1 h)
 * @param pageSize         {@code pageSize} 1–500 (default 500)
 * @param rateCapPerSecond requests per second (default 10)
 * @param retry            back-off and attempts ({@link RetrySettings#DEFAULTS})
 */
public record JdSettings(URI endpoint, String appKey, Secret appSecret, Duration maxWindow, int pageSize,
                         double rateCapPerSecond, RetrySettings retry) {

    public static final String DEFAULT_ENDPOINT = "https://api.jd.com/routerjson";
    public static final Duration PLATFORM_MAX_WINDOW = Duration.ofHours(1);
    public static final int PLATFORM_MAX_PAGE_SIZE = 500;

    public JdSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        appKey = appKey == null ? "" : appKey.strip();
        appSecret = appSecret == null ? Secret.none() : appSecret;
        if (maxWindow == null || maxWindow.compareTo(Duration.ofSeconds(1)) < 0 || maxWindow.compareTo(PLATFORM_MAX_WINDOW) > 0) {
            throw new IllegalArgumentException("rebatch.platforms.jd.max-window must be between 1 s and 1 h (the platform's limit), was " + maxWindow);
        }
        if (pageSize < 1 || pageSize > PLATFORM_MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("rebatch.platforms.jd.page-size must be 1..500, was " + pageSize);
        }
        if (!(rateCapPerSecond > 0)) {
            throw new IllegalArgumentException("rebatch.platforms.jd.rate-cap must be positive, was " + rateCapPerSecond);
        }
        Objects.requireNonNull(retry, "retry");
    }

    public static JdSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().endpoint(endpoint).appKey(appKey).appSecret(appSecret).maxWindow(maxWindow)
                .pageSize(pageSize).rateCapPerSecond(rateCapPerSecond).retry(retry);
    }

    public static final class Builder {
        private URI endpoint = URI.create(DEFAULT_ENDPOINT);
        private String appKey = "";
        private Secret appSecret = Secret.none();
        private Duration maxWindow = PLATFORM_MAX_WINDOW;
        private int pageSize = PLATFORM_MAX_PAGE_SIZE;
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

        public Builder retry(RetrySettings retry) {
            this.retry = retry;
            return this;
        }

        public JdSettings build() {
            return new JdSettings(endpoint, appKey, appSecret, maxWindow, pageSize, rateCapPerSecond, retry);
        }
    }
}
