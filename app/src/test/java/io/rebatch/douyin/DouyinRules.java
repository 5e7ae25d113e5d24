package io.rebatch.douyin;

import io.rebatch.domain.BindingKind;
import io.rebatch.domain.Platform;
import io.rebatch.domain.PlatformRules;
import io.rebatch.domain.TrackingField;
import java.util.List;
import java.util.OptionalInt;

/** The fake platform's rules: one binding kind on the line's custom parameter, a default fee of 1 %. */
public final class DouyinRules implements PlatformRules {

    public static final Platform DOUYIN = new Platform("DOUYIN");
    public static final BindingKind EXTERNAL_INFO = new BindingKind("EXTERNAL_INFO", DOUYIN, TrackingField.CUSTOM_UID,
            false);

    @Override
    public Platform platform() {
        return DOUYIN;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public List<BindingKind> bindingKinds() {
        return List.of(EXTERNAL_INFO);
    }

    /** The shipped rule sets do not name DOUYIN: they stay valid and its lines pay a 1 % fee. */
    @Override
    public OptionalInt defaultFeeBps() {
        return OptionalInt.of(100);
    }
}
