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

    /** Every setting at its default (no credentials). */
    public static JdSettings defaults() {
        return new JdSettings(null, null, null, null, null, null, null, null);
    }
}
