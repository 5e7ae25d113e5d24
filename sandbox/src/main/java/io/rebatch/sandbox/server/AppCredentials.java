package io.rebatch.sandbox.server;

import java.util.Objects;

/** An app's key and secret on one platform (Taobao app_key, JD app_key, PDD client_id). */
public record AppCredentials(String key, String secret) {
    public AppCredentials {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "AppCredentials[key=" + key + ", secret=***]";
    }
}
