package io.rebatch.domain.pdd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rebatch.domain.BadInputException;
import io.rebatch.domain.LineStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PddStatusTest {

    @ParameterizedTest
    @CsvSource({"0, PAID", "1, PAID", "2, RECEIVED", "3, RECEIVED", "5, SETTLED", "4, INVALID", "8, INVALID",
            "10, INVALID"})
    void orderStatus(int code, LineStatus status) {
        assertThat(PddStatus.of(code)).isEqualTo(status);
    }

    @Test
    void minusOneIsNotYetPaidAndUnknownCodesAreBadInput() {
        assertThat(PddStatus.of(-1)).isNull();
        assertThatThrownBy(() -> PddStatus.of(6)).isInstanceOf(BadInputException.class)
                .hasMessage("order_status 6 is not a known Pinduoduo status (expected -1, 0, 1, 2, 3, 4, 5, 8 or 10)");
    }
}
