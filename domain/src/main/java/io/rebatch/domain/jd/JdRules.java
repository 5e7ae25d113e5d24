package io.rebatch.domain.jd;

import io.rebatch.domain.BindingKind;
import io.rebatch.domain.Platform;
import io.rebatch.domain.PlatformRules;
import io.rebatch.domain.TrackingField;

import java.util.List;

/** JD's rules: its tracking binding — the sub-union id ({@code subUnionId}). */
public final class JdRules implements PlatformRules {

    public static final BindingKind SUB_UNION_ID = new BindingKind("SUB_UNION_ID", Platform.JD, TrackingField.SUB_UNION_ID, false);

    @Override
    public Platform platform() {
        return Platform.JD;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public List<BindingKind> bindingKinds() {
        return List.of(SUB_UNION_ID);
    }
}
