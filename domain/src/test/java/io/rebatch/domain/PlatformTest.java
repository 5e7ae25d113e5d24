package io.rebatch.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rebatch.domain.jd.JdRules;
import io.rebatch.domain.taobao.TaobaoRules;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PlatformTest {

    @Test
    void aPlatformIsItsCode() {
        Platform read = new Platform("TAOBAO"); // as a stored row is read
        assertThat(read).isEqualTo(Platform.TAOBAO).hasSameHashCodeAs(Platform.TAOBAO).isNotSameAs(Platform.TAOBAO);
        assertThat(read.name()).isEqualTo("TAOBAO");
        assertThat(new Platform("DOUYIN")).isNotEqualTo(Platform.TAOBAO);
        assertThatThrownBy(() -> new Platform("taobao")).hasMessage("invalid platform code 'taobao' (2-8 of A-Z, 0-9)");
        assertThatThrownBy(() -> new Platform("TOOLONGCODE")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRegistryHoldsTheShippedPlatformsInTheirOrder() {
        assertThat(Platforms.all()).containsExactly(Platform.TAOBAO, Platform.JD, Platform.PDD);
        assertThat(new TreeSet<>(java.util.List.of(Platform.PDD, new Platform("JD"), Platform.TAOBAO)))
                .containsExactly(Platform.TAOBAO, Platform.JD, Platform.PDD);
        assertThat(Platform.parse(" jd ")).isEqualTo(Platform.JD);
        assertThatThrownBy(() -> Platform.parse("douyin"))
                .hasMessage("unknown platform 'douyin' (expected taobao, jd or pdd)");
        assertThatThrownBy(() -> Platforms.rules(new Platform("DOUYIN"))).isInstanceOf(BadInputException.class);
    }

    @Test
    void bindingKindsComeFromThePlatformsRules() {
        assertThat(Platforms.bindingKinds()).extracting(BindingKind::name)
                .containsExactly("RELATION_ID", "SPECIAL_ID", "SUB_UNION_ID", "CUSTOM_PARAMETERS_UID");
        assertThat(BindingKind.parse("SUB_UNION_ID")).isEqualTo(JdRules.SUB_UNION_ID);
        assertThat(TaobaoRules.RELATION_ID.platformIssued()).isTrue();
        assertThat(JdRules.SUB_UNION_ID.platformIssued()).isFalse();
        assertThatThrownBy(() -> BindingKind.parse("OPEN_ID")).isInstanceOf(IllegalArgumentException.class);
    }
}
