package io.rebatch.readers.api;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/**
 * Timeouts of the one OkHttpClient all platform clients share. A timeout is a transient failure: retried.
 *
 * @param connectTimeout TCP/TLS connect (default 10 s)
 * @param readTimeout    silence between bytes of the response (default 30 s)
 * @param callTimeout    a whole request, body included (default 60 s)
 */
public record HttpSettings(Duration connectTimeout, Duration readTimeout, Duration callTimeout) {

    public static final HttpSettings DEFAULTS =
            new HttpSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60));

    public HttpSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(callTimeout, "callTimeout");
    }

    /**
     * A client with these timeouts. Redirects are not followed: a gateway URL that redirects (http → https, a moved
     * host) would turn the signed POST into a GET, so it is reported as a configuration error instead.
     */
    public OkHttpClient newClient() {
        return new OkHttpClient.Builder()
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .callTimeout(callTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
    }
}
