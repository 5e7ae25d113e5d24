package io.rebatch.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The registry of platforms: every {@link PlatformRules} on the class path, loaded once with
 * {@link ServiceLoader}, in {@link PlatformRules#order()} order. Adding a platform is adding its package and
 * its services entry; nothing here changes.
 */
public final class Platforms {

    private static final class Loaded {
        static final List<PlatformRules> RULES = load();
        static final Map<Platform, PlatformRules> BY_PLATFORM = index(RULES);
        static final List<BindingKind> KINDS = RULES.stream().flatMap(r -> r.bindingKinds().stream()).toList();
        static final List<Platform> ALL = RULES.stream().map(PlatformRules::platform).toList();
    }

    private Platforms() {
    }

    /** Every registered platform, in listing order. */
    public static List<Platform> all() {
        return Loaded.ALL;
    }

    /** The rules of a registered platform; an unregistered one is a clear error. */
    public static PlatformRules rules(Platform platform) {
        PlatformRules r = Loaded.BY_PLATFORM.get(platform);
        if (r == null) {
            throw new BadInputException("platform " + platform + " is not registered (registered: " + expected() + ")");
        }
        return r;
    }

    /** Every registered binding kind, platform by platform in priority order. */
    public static List<BindingKind> bindingKinds() {
        return Loaded.KINDS;
    }

    /** {@code taobao, jd or pdd}: the registered codes for messages. */
    static String expected() {
        List<String> codes = all().stream().map(p -> p.code().toLowerCase(Locale.ROOT)).toList();
        if (codes.size() < 2) {
            return String.join("", codes);
        }
        return String.join(", ", codes.subList(0, codes.size() - 1)) + " or " + codes.get(codes.size() - 1);
    }

    static int rank(Platform p) {
        PlatformRules r = Loaded.BY_PLATFORM.get(p);
        return r == null ? Integer.MAX_VALUE : r.order();
    }

    private static List<PlatformRules> load() {
        List<PlatformRules> rules = new ArrayList<>();
        ServiceLoader.load(PlatformRules.class, PlatformRules.class.getClassLoader()).forEach(rules::add);
        rules.sort(Comparator.comparingInt(PlatformRules::order).thenComparing(r -> r.platform().code()));
        return List.copyOf(rules);
    }

    private static Map<Platform, PlatformRules> index(List<PlatformRules> rules) {
        Map<Platform, PlatformRules> out = new HashMap<>();
        Map<String, BindingKind> kinds = new HashMap<>();
        for (PlatformRules r : rules) {
            if (out.putIfAbsent(r.platform(), r) != null) {
                throw new IllegalStateException("platform " + r.platform() + " is registered twice: "
                        + rules.stream().filter(x -> x.platform().equals(r.platform()))
                        .map(x -> x.getClass().getName()).collect(Collectors.joining(", ")));
            }
            for (BindingKind k : r.bindingKinds()) {
                if (!k.platform().equals(r.platform())) {
                    throw new IllegalStateException(r.getClass().getName() + " declares binding kind " + k
                            + " of platform " + k.platform());
                }
                if (kinds.putIfAbsent(k.name(), k) != null) {
                    throw new IllegalStateException("binding kind " + k + " is declared by two platforms");
                }
            }
        }
        return Map.copyOf(out);
    }
}
