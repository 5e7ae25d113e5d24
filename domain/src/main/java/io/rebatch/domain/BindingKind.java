package io.rebatch.domain;

/**
 * The kinds of tracking binding (SPEC §2.2) and the one platform each belongs to. The name is the code in
 * {@code bindings.csv} and the kind string {@link io.rebatch.domain.Attribution#trackingValues} uses.
 */
public enum BindingKind {
    RELATION_ID(Platform.TAOBAO),
    SPECIAL_ID(Platform.TAOBAO),
    SUB_UNION_ID(Platform.JD),
    CUSTOM_PARAMETERS_UID(Platform.PDD);

    private final Platform platform;

    BindingKind(Platform platform) {
        this.platform = platform;
    }

    public Platform platform() {
        return platform;
    }
}
