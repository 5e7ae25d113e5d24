package io.rebatch.domain;

import java.util.List;
import java.util.OptionalInt;

/**
 * What a platform means to the SPEC's rules: its code, where it is listed, and the tracking bindings that
 * attribute its lines (SPEC §2.2, §4). One implementation per platform, in that platform's own package,
 * registered with {@link java.util.ServiceLoader} in
 * {@code META-INF/services/io.rebatch.domain.PlatformRules}; {@link Platforms} is the registry.
 */
public interface PlatformRules {

    Platform platform();

    /** Where the platform is listed in reports and loops: lower first (the shipped ones use 10, 20, 30). */
    int order();

    /** The binding kinds of this platform in attribution priority order (the first present value wins). */
    List<BindingKind> bindingKinds();

    /**
     * The fee of a rule set that does not name this platform in {@code platform_fee_bps}. Empty (the
     * shipped platforms): every rule set must name it and loading one that does not fails (SPEC §2.3). A
     * platform added later may document a default so the rule sets written before it stay valid.
     */
    default OptionalInt defaultFeeBps() {
        return OptionalInt.empty();
    }
}
