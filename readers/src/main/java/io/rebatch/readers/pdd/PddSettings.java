package io.rebatch.readers.pdd;

import io.rebatch.readers.api.RetrySettings;
import io.rebatch.readers.api.Secret;
import io.rebatch.readers.platform.PlatformSettings;
import java.net.URI;
import java.time.Duration;

/**
 * Settings of the Pinduoduo client, {@code rebatch.platforms.pdd.*}. {@code toString()} shows the secret as
 * {@code ******}.
 *
 * @param endpoint         gateway URL (default {@value #DEFAULT_ENDPOINT})
 * @param clientId         {@code client_id} (default empty: the pull fails fast asking for it)
 * @param clientSecret     client secret (default none)
 * @param window           longest window, at most 24 h (default 24 h)
 * @param pageSize         {@code page_size} 10–100 (default 100)
 * @param rateCap          requests per second (default 10)
 * @param overlap          how far each pull reaches back before the watermark (default 30 min)
 * @param retry            back-off and attempts ({@link RetrySettings#DEFAULTS})
 */
public record PddSettings(URI endpoint, String clientId, Secret clientSecret, Duration window, Integer pageSize,
                          Double rateCap, Duration overlap, RetrySettings retry)
        implements PlatformSettings {

    public static final String DEFAULT_ENDPOINT = "https://gw-api.pinduoduo.com/api/router";
    public static final Duration PLATFORM_MAX_WINDOW = Duration.ofHours(24);
    public static final int PLATFORM_MIN_PAGE_SIZE = 10;
    public static final int PLATFORM_MAX_PAGE_SIZE = 100;

    public PddSettings {
        endpoint = endpoint == null ? URI.create(DEFAULT_ENDPOINT) : endpoint;
        window = window == null ? PLATFORM_MAX_WINDOW : window;
        pageSize = pageSize == null ? PLATFORM_MAX_PAGE_SIZE : pageSize;
        rateCap = rateCap == null ? 10.0 : rateCap;
        overlap = PlatformSettings.overlap(overlap, "rebatch.platforms.pdd.overlap");
        retry = retry == null ? RetrySettings.DEFAULTS : retry;
        clientId = clientId == null ? "" : clientId.strip();
        clientSecret = clientSecret == null ? Secret.none() : clientSecret;
        if (window.compareTo(Duration.ofSeconds(1)) < 0 || window.compareTo(PLATFORM_MAX_WINDOW) > 0) {
            throw new IllegalArgumentException("rebatch.platforms.pdd.window must be between 1 s and 24 h (the platform's limit), was " + window);
        }
        if (pageSize < PLATFORM_MIN_PAGE_SIZE || pageSize > PLATFORM_MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("rebatch.platforms.pdd.page-size must be 10..100, was " + pageSize);
        }
        if (!(rateCap > 0)) {
            throw new IllegalArgumentException("rebatch.platforms.pdd.rate-cap must be positive, was " + rateCap);
        }
    }

    @Override
    public boolean credentialsConfigured() {
        return !clientId.isBlank() && !clientSecret.isEmpty();
    }

    /** Every setting at its default (no credentials). */
    public static PddSettings defaults() {
        return new PddSettings(null, null, null, null, null, null, null, null);
    }
}
