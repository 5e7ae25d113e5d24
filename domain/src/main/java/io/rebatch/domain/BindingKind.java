package io.rebatch.domain;

import java.util.Objects;

/**
 * A kind of tracking binding (SPEC §2.2): its code (the {@code kind} in {@code bindings.csv} and in stored
 * bindings), the one platform it belongs to, the line column it matches, and whether its values are ids the
 * platform issues (digits, checked as such) rather than the app's own free text. Each platform's
 * {@link PlatformRules} declares its kinds; {@link #parse} accepts any registered one.
 */
public record BindingKind(String name, Platform platform, TrackingField field, boolean platformIssued) {

    public BindingKind {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(field, "field");
        if (name == null || !name.matches("[A-Z][A-Z0-9_]{0,31}")) {
            throw new IllegalArgumentException("invalid binding kind '" + name + "'");
        }
    }

    /** The registered kind of a code, or a clear error naming the registered ones. */
    public static BindingKind parse(String code) {
        return Platforms.bindingKinds().stream().filter(k -> k.name.equals(code)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown binding kind '" + code + "' (expected one of "
                        + Platforms.bindingKinds().stream().map(BindingKind::name).toList() + ")"));
    }

    @Override
    public String toString() {
        return name;
    }
}
