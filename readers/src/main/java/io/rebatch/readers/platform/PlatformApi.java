package io.rebatch.readers.platform;

import io.rebatch.readers.api.OrderPull;
import java.util.Map;
import java.util.Objects;

/** A platform's API clients built from its bound settings: one {@link OrderPull} per feed. */
public record PlatformApi(PlatformSettings settings, Map<Feed, OrderPull> pulls) {

    public PlatformApi {
        Objects.requireNonNull(settings, "settings");
        pulls = Map.copyOf(pulls);
    }

    public OrderPull pull(Feed feed) {
        OrderPull p = pulls.get(feed);
        if (p == null) {
            throw new IllegalArgumentException("no API client for feed " + feed);
        }
        return p;
    }
}
