package io.rebatch.sandbox;

import io.rebatch.domain.Platform;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The registered {@link PlatformSimulator}s: every implementation listed in a
 * {@code META-INF/services/io.rebatch.sandbox.PlatformSimulator} file on the class path (this
 * module's lists Taobao, JD and Pinduoduo; a test source set may add its own), loaded once and
 * sorted by {@link PlatformSimulator#order()} so that seeded scenarios do not depend on class-path
 * order. Two simulators for one platform, or two with the same order, are a configuration error.
 */
public final class Simulators {
    private Simulators() {
    }

    private static final class Loaded {
        static final List<PlatformSimulator> ALL = load();
    }

    /** Every registered simulator, in {@link PlatformSimulator#order()}. */
    public static List<PlatformSimulator> all() {
        return Loaded.ALL;
    }

    /** The simulator of a platform; a clear error when none is registered. */
    /** The simulated platforms, in the simulators' order. */
    public static List<Platform> platforms() {
        return all().stream().map(PlatformSimulator::platform).toList();
    }

    public static PlatformSimulator of(Platform platform) {
        for (PlatformSimulator s : all()) {
            if (s.platform().equals(platform)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no sandbox simulator is registered for platform " + platform.name()
                + " (add its class to META-INF/services/" + PlatformSimulator.class.getName() + ")");
    }

    static List<PlatformSimulator> load() {
        List<PlatformSimulator> found = new ArrayList<>();
        ServiceLoader.load(PlatformSimulator.class, PlatformSimulator.class.getClassLoader()).forEach(found::add);
        return sorted(found);
    }

    static List<PlatformSimulator> sorted(List<PlatformSimulator> simulators) {
        List<PlatformSimulator> out = new ArrayList<>(simulators);
        out.sort(Comparator.comparingInt(PlatformSimulator::order));
        Map<String, PlatformSimulator> byPlatform = new HashMap<>();
        Set<Integer> orders = new HashSet<>();
        for (PlatformSimulator s : out) {
            PlatformSimulator clash = byPlatform.putIfAbsent(s.platform().name(), s);
            if (clash != null) {
                throw new IllegalStateException("two sandbox simulators for platform " + s.platform().name() + ": "
                        + clash.getClass().getName() + " and " + s.getClass().getName());
            }
            if (!orders.add(s.order())) {
                throw new IllegalStateException("two sandbox simulators with order " + s.order() + " (platform "
                        + s.platform().name() + "); each needs its own");
            }
        }
        return List.copyOf(out);
    }
}
