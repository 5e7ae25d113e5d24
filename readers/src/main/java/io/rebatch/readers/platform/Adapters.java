package io.rebatch.readers.platform;

import io.rebatch.domain.BadInputException;
import io.rebatch.domain.Platform;
import io.rebatch.domain.Platforms;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The registry of platform adapters: every {@link PlatformAdapter} on the class path, in the platforms' listing
 * order ({@link Platforms#all()}). Each registered platform must have exactly one adapter and the reverse.
 */
public final class Adapters {

    private static final class Loaded {
        static final List<PlatformAdapter> ALL = load();
    }

    private Adapters() {
    }

    public static List<PlatformAdapter> all() {
        return Loaded.ALL;
    }

    /** The adapter of a registered platform. */
    public static PlatformAdapter of(Platform platform) {
        for (PlatformAdapter a : Loaded.ALL) {
            if (a.platform().equals(platform)) {
                return a;
            }
        }
        throw new BadInputException("platform " + platform + " has no adapter");
    }

    /** Every feed of every platform, platform by platform. */
    public static List<Feed> feeds() {
        return Loaded.ALL.stream().flatMap(a -> a.feeds().stream()).toList();
    }

    /** The feeds of a platform, or of every platform when null. */
    public static List<Feed> feeds(Platform platform) {
        return platform == null ? feeds() : of(platform).feeds();
    }

    /** The feed of a name ({@code TAOBAO_REFUNDS}); an unknown name is a clear error. */
    public static Feed feed(String name) {
        return feeds().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown feed '" + name + "' (known: "
                        + feeds().stream().map(Feed::name).toList() + ")"));
    }

    private static List<PlatformAdapter> load() {
        Map<Platform, PlatformAdapter> found = new HashMap<>();
        for (PlatformAdapter a : ServiceLoader.load(PlatformAdapter.class, PlatformAdapter.class.getClassLoader())) {
            if (found.putIfAbsent(a.platform(), a) != null) {
                throw new IllegalStateException("platform " + a.platform() + " has two adapters");
            }
        }
        List<PlatformAdapter> out = new ArrayList<>();
        for (Platform p : Platforms.all()) {
            PlatformAdapter a = found.remove(p);
            if (a == null) {
                throw new IllegalStateException("platform " + p + " is registered but has no PlatformAdapter");
            }
            out.add(a);
        }
        if (!found.isEmpty()) {
            throw new IllegalStateException("adapters without PlatformRules: " + found.keySet());
        }
        return List.copyOf(out);
    }
}
