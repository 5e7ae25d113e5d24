package io.rebatch.readers.platform;

import io.rebatch.domain.Platform;
import io.rebatch.domain.PlausibleTimes;
import io.rebatch.readers.api.PullRuntime;
import io.rebatch.readers.report.ReportCursor;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * Everything one platform means to the readers: its feeds, its report files, how its rows look, and its API
 * clients with their settings. One implementation per platform, in the platform's own package, registered with
 * {@link java.util.ServiceLoader} in {@code META-INF/services/io.rebatch.readers.platform.PlatformAdapter} next
 * to its {@link io.rebatch.domain.PlatformRules}; {@link Adapters} is the registry. Core code (import, pull,
 * settle, reports) iterates over the registered adapters and never names a platform.
 */
public interface PlatformAdapter {

    Platform platform();

    /** Its feeds: the order feed first, then any other (Taobao's refunds). */
    List<Feed> feeds();

    /**
     * Opens a report file of one of its feeds as a stream of rows, choosing the format by content, never by
     * name. An empty file yields no rows.
     */
    ReportCursor open(Path file, Feed feed, PlausibleTimes times);

    /** How its feeds' rows look, for naming the likely cause of a refused file. */
    List<ReportSignature> signatures();

    /** Binds its settings ({@link #settingsPrefix()}) and builds its API clients. */
    PlatformApi api(SettingsBinder settings, PullRuntime runtime, Supplier<PlausibleTimes> times);

    /** {@code rebatch.platforms.taobao}: the prefix of its settings. */
    default String settingsPrefix() {
        return "rebatch.platforms." + platform().code().toLowerCase(java.util.Locale.ROOT);
    }
}
