package io.rebatch.domain.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rebatch.domain.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SerialNoTest {
    @Test
    void formatAndParseRoundTrip() {
        assertThat(SerialNo.of(17).format()).isEqualTo("W000000000017");
        assertThat(SerialNo.parse("W000000000017").withdrawalId()).isEqualTo(17);
        assertThat(SerialNo.of(999_999_999_999L).format()).isEqualTo("W999999999999");
        assertThat(SerialNo.parse("W999999999999")).isEqualTo(SerialNo.of(999_999_999_999L));
        assertThat(SerialNo.of(1).toString()).isEqualTo("W000000000001");
    }

    @Test
    void orderedByWithdrawalId() {
        assertThat(SerialNo.of(9)).isLessThan(SerialNo.of(10));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "W17", "W00000000017", "W0000000000017", "w000000000017", "000000000017",
            "W000000000000", " W000000000017", "W000000000017\n", "W-00000000017", "W00000000001٧"})
    void badFormsAreRefused(String text) {
        assertThatThrownBy(() -> SerialNo.parse(text)).isInstanceOf(BadInputException.class);
    }

    @Test
    void idsOutsideTwelveDigitsAreRefused() {
        assertThatThrownBy(() -> SerialNo.of(0)).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> SerialNo.of(-17)).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> SerialNo.of(1_000_000_000_000L))
                .isInstanceOf(BadInputException.class).hasMessage("withdrawal id 1000000000000 is outside 1..999999999999");
        assertThatThrownBy(() -> SerialNo.parse(null)).hasMessage("serial is missing");
    }
}
