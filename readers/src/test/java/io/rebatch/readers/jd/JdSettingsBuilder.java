package io.rebatch.readers.jd;

import io.rebatch.readers.api.RetrySettings;
import io.rebatch.readers.api.Secret;
import java.net.URI;
import java.time.Duration;

/** Test fixture: {@link JdSettings} built field by field (production binds it from the configuration). */
public final class JdSettingsBuilder {
    private URI endpoint;
    private String appKey;
    private Secret appSecret;
    private Duration maxWindow;
    private Integer pageSize;
    private Double rateCapPerSecond;
    private RetrySettings retry;
    private Duration overlap;

    private JdSettingsBuilder() {
    }

    public JdSettingsBuilder endpoint(URI endpoint) {
        this.endpoint = endpoint;
        return this;
    }

    public JdSettingsBuilder endpoint(String endpoint) {
        return endpoint(URI.create(endpoint));
    }

    public JdSettingsBuilder appKey(String appKey) {
        this.appKey = appKey;
        return this;
    }

    public JdSettingsBuilder appSecret(Secret appSecret) {
        this.appSecret = appSecret;
        return this;
    }

    public JdSettingsBuilder appSecret(String appSecret) {
        return appSecret(Secret.of(appSecret));
    }

    public JdSettingsBuilder maxWindow(Duration maxWindow) {
        this.maxWindow = maxWindow;
        return this;
    }

    public JdSettingsBuilder pageSize(int pageSize) {
        this.pageSize = pageSize;
        return this;
    }

    public JdSettingsBuilder rateCapPerSecond(double rateCapPerSecond) {
        this.rateCapPerSecond = rateCapPerSecond;
        return this;
    }

    public JdSettingsBuilder overlap(Duration overlap) {
        this.overlap = overlap;
        return this;
    }

    public JdSettingsBuilder retry(RetrySettings retry) {
        this.retry = retry;
        return this;
    }

    public JdSettings build() {
        return new JdSettings(endpoint, appKey, appSecret, maxWindow, pageSize, rateCapPerSecond, overlap, retry);
    }

    public static JdSettingsBuilder builder() {
        return new JdSettingsBuilder();
    }

    public static JdSettingsBuilder from(JdSettings s) {
        return new JdSettingsBuilder().endpoint(s.endpoint()).appKey(s.appKey()).appSecret(s.appSecret()).maxWindow(s.window())
                .pageSize(s.pageSize()).rateCapPerSecond(s.rateCap()).overlap(s.overlap()).retry(s.retry());
    }
}
