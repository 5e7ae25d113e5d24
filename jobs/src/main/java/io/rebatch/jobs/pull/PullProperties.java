package io.rebatch.jobs.pull;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What every pull shares, {@code rebatch.platforms.*}: the lag behind now a window ends at (default 5 min). Each
 * platform's own settings ({@code rebatch.platforms.<code>.*}) are bound by its adapter's settings record.
 */
@ConfigurationProperties("rebatch.platforms")
public record PullProperties(Duration pullLag) {

    public PullProperties {
        pullLag = pullLag == null ? Duration.ofMinutes(5) : pullLag;
        if (pullLag.isNegative()) {
            throw new IllegalArgumentException("rebatch.platforms.pull-lag must not be negative, was " + pullLag);
        }
    }
}
