package io.rebatch.sandbox;

import io.rebatch.domain.Platform;
import io.rebatch.sandbox.jd.JdSimulator;
import io.rebatch.sandbox.pdd.PddSimulator;
import io.rebatch.sandbox.taobao.TaobaoSimulator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatorsTest {
    @Test
    void theThreePlatformsAreRegisteredInTheirFixedOrder() {
        assertThat(Simulators.all()).extracting(s -> s.platform().name()).containsExactly("TAOBAO", "JD", "PDD");
        assertThat(Simulators.all()).extracting(PlatformSimulator::order).containsExactly(0, 1, 2);
        assertThat(Simulators.of(Platform.JD)).isInstanceOf(JdSimulator.class);
        assertThat(Simulators.all()).isSameAs(Simulators.all());
    }

    @Test
    void theOrderDoesNotDependOnClassPathOrder() {
        List<PlatformSimulator> shuffled = List.of(new PddSimulator(), new TaobaoSimulator(), new JdSimulator());
        assertThat(Simulators.sorted(shuffled)).extracting(s -> s.platform().name()).containsExactly("TAOBAO", "JD", "PDD");
    }

    @Test
    void twoSimulatorsForOnePlatformAreRefused() {
        assertThatThrownBy(() -> Simulators.sorted(List.of(new JdSimulator(), new JdSimulator())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("two sandbox simulators for platform JD");
    }

    @Test
    void lineSharesAddUpToAHundredPercentAndGatewayPathsDiffer() {
        assertThat(Simulators.all().stream().mapToInt(PlatformSimulator::lineSharePercent).sum()).isEqualTo(100);
        assertThat(Simulators.all().stream().map(PlatformSimulator::gatewayPath).distinct().count()).isEqualTo(3);
    }
}
