package io.rebatch.sandbox.generator;

import io.rebatch.domain.Platform;

/** The tracking values a binding can map to a user (SPEC §2.2). */
public enum BindingKind {
    RELATION_ID(Platform.TAOBAO), SPECIAL_ID(Platform.TAOBAO), SUB_UNION_ID(Platform.JD), CUSTOM_PARAMETERS_UID(Platform.PDD);

    private final Platform platform;

    BindingKind(Platform platform) {
        this.platform = platform;
    }

    public Platform platform() {
        return platform;
    }
}
