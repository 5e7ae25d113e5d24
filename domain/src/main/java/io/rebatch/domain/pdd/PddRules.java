package io.rebatch.domain.pdd;

import io.rebatch.domain.BindingKind;
import io.rebatch.domain.Platform;
import io.rebatch.domain.PlatformRules;
import io.rebatch.domain.TrackingField;

import java.util.List;

/** PDD's rules: its tracking binding — the {@code uid} of the custom parameters ({@code custom_parameters}). */
public final class PddRules implements PlatformRules {

    public static final BindingKind CUSTOM_PARAMETERS_UID = new BindingKind("CUSTOM_PARAMETERS_UID", Platform.PDD,
            TrackingField.CUSTOM_UID, false);

    @Override
    public Platform platform() {
        return Platform.PDD;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public List<BindingKind> bindingKinds() {
        return List.of(CUSTOM_PARAMETERS_UID);
    }
}
