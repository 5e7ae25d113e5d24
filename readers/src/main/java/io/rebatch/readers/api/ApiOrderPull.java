package io.rebatch.readers.api;

import io.rebatch.domain.Platform;
import io.rebatch.domain.PlausibleTimes;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What every platform's API pull shares: its {@link ApiCaller} (platform, API method, retries, rate limit) and the
 * plausible range its pages' rows are checked against ({@code times.get()} is asked once per page, so a long-lived
 * pull follows the clock).
 */
public abstract class ApiOrderPull implements OrderPull {
    protected final ApiCaller caller;
    protected final Supplier<PlausibleTimes> times;

    protected ApiOrderPull(ApiCaller caller, Supplier<PlausibleTimes> times) {
        this.caller = Objects.requireNonNull(caller, "caller");
        this.times = Objects.requireNonNull(times, "times");
    }

    @Override
    public final Platform platform() {
        return caller.platform();
    }

    @Override
    public final String api() {
        return caller.api();
    }

    /**
     * Fails as CONFIGURATION before any request when a credential is not set, naming its property and environment
     * variable: {@code no app key: set rebatch.platforms.jd.app-key (or REBATCH_PLATFORMS_JD_APP_KEY)}.
     */
    public void requireSet(TimeWindow window, boolean set, String what, String property) {
        if (!set) {
            String key = caller.settingsPrefix() + "." + property;
            throw caller.configurationError(window, "no " + what + ": set " + key + " (or "
                    + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_') + ")");
        }
    }
}
