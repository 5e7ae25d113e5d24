package io.rebatch.domain.taobao;

import io.rebatch.domain.BindingKind;
import io.rebatch.domain.Platform;
import io.rebatch.domain.PlatformRules;
import io.rebatch.domain.TrackingField;

import java.util.List;

/** TAOBAO's rules: its tracking binding — relation id (渠道, {@code relation_id}) before special id (会员, {@code special_id}). */
public final class TaobaoRules implements PlatformRules {

    public static final BindingKind RELATION_ID = new BindingKind("RELATION_ID", Platform.TAOBAO, TrackingField.RELATION_ID, true);
    public static final BindingKind SPECIAL_ID = new BindingKind("SPECIAL_ID", Platform.TAOBAO, TrackingField.SPECIAL_ID, true);

    @Override
    public Platform platform() {
        return Platform.TAOBAO;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<BindingKind> bindingKinds() {
        return List.of(RELATION_ID, SPECIAL_ID);
    }
}
