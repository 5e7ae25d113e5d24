package io.rebatch.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RatesTest {

    @ParameterizedTest(name = "\"{0}\" % = {1} bp")
    @CsvSource(delimiter = '|', value = {
            "20.00   | 2000",
            "30.0000 | 3000",
            "5       | 500",
            "5.00    | 500",
            "0.01    | 1",
            "12.34   | 1234",
            "0       | 0",
            "0.00    | 0",
            "100     | 10000",
            "100.00  | 10000",
            "' 20.00 ' | 2000",
            // decided from the code: BigDecimal syntax, so an exponent is accepted when exact
            "1e1     | 1000",
    })
    void percentStringToBps(String percent, int bps) {
        assertThat(Rates.percentToBps(percent)).isEqualTo(bps);
    }

    @Test
    void percentNumberToBps() {
        assertThat(Rates.percentToBps(new BigDecimal("30.0000"))).isEqualTo(3000);
        assertThat(Rates.percentToBps(new BigDecimal("2.5"))).isEqualTo(250);
        assertThatThrownBy(() -> Rates.percentToBps((BigDecimal) null))
                .isInstanceOf(BadInputException.class).hasMessage("rate is missing");
    }

    @Test
    void fractionOfABasisPointIsRejected() {
        assertThatThrownBy(() -> Rates.percentToBps("12.345"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("rate '12.345' % is not a whole number of basis points");
        assertThatThrownBy(() -> Rates.percentToBps("0.001"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("not a whole number of basis points");
    }

    @Test
    void aboveHundredPercentOrNegativeIsRejected() {
        assertThatThrownBy(() -> Rates.percentToBps("100.01"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("rate 100.01 % exceeds 100 %");
        assertThatThrownBy(() -> Rates.percentToBps("-1"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("rate -1 % is negative");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "20%", "20,00", "--"})
    void nonNumberIsRejected(String percent) {
        assertThatThrownBy(() -> Rates.percentToBps(percent))
                .isInstanceOf(BadInputException.class)
                .hasMessage("rate '" + percent + "' is not a number");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void missingIsRejected(String percent) {
        assertThatThrownBy(() -> Rates.percentToBps(percent))
                .isInstanceOf(BadInputException.class)
                .hasMessage("rate is missing");
    }

    @Test
    void perMilleToBps() {
        assertThat(Rates.perMilleToBps(200)).isEqualTo(2000);
        assertThat(Rates.perMilleToBps(5)).isEqualTo(50);
        assertThat(Rates.perMilleToBps(0)).isZero();
        assertThat(Rates.perMilleToBps(1000)).isEqualTo(10000);
        assertThatThrownBy(() -> Rates.perMilleToBps(1001))
                .isInstanceOf(BadInputException.class)
                .hasMessage("rate 1001 ‰ exceeds 100 %");
        assertThatThrownBy(() -> Rates.perMilleToBps(-1))
                .isInstanceOf(BadInputException.class)
                .hasMessage("rate -1 ‰ is negative");
        assertThatThrownBy(() -> Rates.perMilleToBps(Long.MAX_VALUE))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("exceeds 100 %");
    }
}
