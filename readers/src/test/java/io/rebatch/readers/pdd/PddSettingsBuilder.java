package io.rebatch.readers.pdd;

import io.rebatch.readers.api.RetrySettings;
import io.rebatch.readers.api.Secret;
import java.net.URI;
import java.time.Duration;

/** Test fixture: {@link PddSettings} built field by field (production binds it from the configuration). */
public final class PddSettingsBuilder {
    private URI endpoint;
    private String clientId;
    private Secret clientSecret;
    private Duration maxWindow;
    private Integer pageSize;
    private Double rateCapPerSecond;
    private RetrySettings retry;
    private Duration overlap;

    private PddSettingsBuilder() {
    }

    public PddSettingsBuilder endpoint(URI endpoint) {
        this.endpoint = endpoint;
        return this;
    }

    public PddSettingsBuilder endpoint(String endpoint) {
        return endpoint(URI.create(endpoint));
    }

    public PddSettingsBuilder clientId(String clientId) {
        this.clientId = clientId;
        return this;
    }

    public PddSettingsBuilder clientSecret(Secret clientSecret) {
        this.clientSecret = clientSecret;
        return this;
    }

    public PddSettingsBuilder clientSecret(String clientSecret) {
        return clientSecret(Secret.of(clientSecret));
    }

    public PddSettingsBuilder maxWindow(Duration maxWindow) {
        this.maxWindow = maxWindow;
        return this;
    }

    public PddSettingsBuilder pageSize(int pageSize) {
        this.pageSize = pageSize;
        return this;
    }

    public PddSettingsBuilder rateCapPerSecond(double rateCapPerSecond) {
        this.rateCapPerSecond = rateCapPerSecond;
        return this;
    }

    public PddSettingsBuilder overlap(Duration overlap) {
        this.overlap = overlap;
        return this;
    }

    public PddSettingsBuilder retry(RetrySettings retry) {
        this.retry = retry;
        return this;
    }

    public PddSettings build() {
        return new PddSettings(endpoint, clientId, clientSecret, maxWindow, pageSize, rateCapPerSecond, overlap, retry);
    }

    public static PddSettingsBuilder builder() {
        return new PddSettingsBuilder();
    }

    public static PddSettingsBuilder from(PddSettings s) {
        return new PddSettingsBuilder().endpoint(s.endpoint()).clientId(s.clientId()).clientSecret(s.clientSecret()).maxWindow(s.window())
                .pageSize(s.pageSize()).rateCapPerSecond(s.rateCap()).overlap(s.overlap()).retry(s.retry());
    }
}
