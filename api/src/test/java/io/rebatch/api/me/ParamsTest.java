package io.rebatch.api.me;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rebatch.api.problem.ApiException;
import org.junit.jupiter.api.Test;

class ParamsTest {
    @Test
    void limitIsOneToAHundredDefaultTwenty() {
        assertThat(Params.limit(null)).isEqualTo(20);
        assertThat(Params.limit(1)).isEqualTo(1);
        assertThat(Params.limit(100)).isEqualTo(100);
        for (int bad : new int[] {0, -1, 101, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
            assertThatThrownBy(() -> Params.limit(bad)).isInstanceOf(ApiException.class)
                    .hasMessageContaining("between 1 and 100");
        }
    }

    @Test
    void statusIsOneOfTheRecordStatusesExactly() {
        assertThat(Params.rebateStatus(null)).isNull();
        assertThat(Params.rebateStatus("")).isNull();
        assertThat(Params.rebateStatus("AVAILABLE")).isEqualTo("AVAILABLE");
        for (String bad : new String[] {"available", "PAID", "PENDING ", "' OR 1=1 --"}) {
            assertThatThrownBy(() -> Params.rebateStatus(bad)).isInstanceOf(ApiException.class);
        }
    }
}
