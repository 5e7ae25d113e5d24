package io.rebatch.jobs.pull;

import io.rebatch.domain.Platform;
import io.rebatch.domain.PlausibleTimes;
import io.rebatch.readers.api.OrderPull;
import io.rebatch.readers.api.PullRuntime;
import io.rebatch.readers.platform.Adapters;
import io.rebatch.readers.platform.Feed;
import io.rebatch.readers.platform.PlatformApi;
import io.rebatch.readers.platform.PlatformSettings;
import io.rebatch.readers.platform.SettingsBinder;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The API clients of every registered platform: each platform's settings are bound and its clients built once, on
 * first use (a platform read only from files never needs valid API settings).
 */
public class Feeds {
    private final SettingsBinder settings;
    private final PullRuntime runtime;
    private final Supplier<PlausibleTimes> times;
    private final Duration pullLag;
    private final Map<Platform, PlatformApi> apis = new ConcurrentHashMap<>();

    public Feeds(SettingsBinder settings, PullRuntime runtime, Supplier<PlausibleTimes> times, Duration pullLag) {
        this.settings = settings;
        this.runtime = runtime;
        this.times = times;
        this.pullLag = pullLag;
    }

    public OrderPull pull(Feed feed) {
        return api(feed.platform()).pull(feed);
    }

    /** The configured overlap of a feed's platform. */
    public Duration overlap(Feed feed) {
        return settings(feed.platform()).overlap();
    }

    /**
     * Whether the platform's API credentials are configured. The scheduler pulls only such platforms: one whose
     * reports come in as files has none, and is not an error.
     */
    public boolean credentialsConfigured(Platform platform) {
        return settings(platform).credentialsConfigured();
    }

    /** How long before now a pull window ends: updates of the last minutes may still be settling. */
    public Duration pullLag() {
        return pullLag;
    }

    private PlatformSettings settings(Platform platform) {
        return api(platform).settings();
    }

    private PlatformApi api(Platform platform) {
        return apis.computeIfAbsent(platform, p -> Adapters.of(p).api(settings, runtime, times));
    }
}
