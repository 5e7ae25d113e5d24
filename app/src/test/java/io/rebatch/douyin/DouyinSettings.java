package io.rebatch.douyin;

import io.rebatch.readers.api.RetrySettings;
import io.rebatch.readers.api.Secret;
import io.rebatch.readers.platform.PlatformSettings;
import java.net.URI;
import java.time.Duration;

/** {@code rebatch.platforms.douyin.*}, bound onto this constructor; unset values take their defaults. */
public record DouyinSettings(URI endpoint, String appKey, Secret appSecret, Duration window, Duration overlap,
                             Double rateCap) implements PlatformSettings {

    public DouyinSettings {
        endpoint = endpoint == null ? URI.create("https://openapi-fxg.jinritemai.com/") : endpoint;
        appKey = appKey == null ? "" : appKey;
        appSecret = appSecret == null ? Secret.none() : appSecret;
        window = window == null ? Duration.ofHours(1) : window;
        overlap = PlatformSettings.overlap(overlap, "rebatch.platforms.douyin.overlap");
        rateCap = rateCap == null ? 5.0 : rateCap;
    }

    @Override
    public boolean credentialsConfigured() {
        return !appKey.isBlank() && !appSecret.isEmpty();
    }

    RetrySettings retry() {
        return RetrySettings.DEFAULTS;
    }
}
