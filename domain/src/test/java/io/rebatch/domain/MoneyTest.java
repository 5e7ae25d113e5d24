package io.rebatch.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    @ParameterizedTest(name = "\"{0}\" yuan = {1} fen")
    @CsvSource(delimiter = '|', value = {
            "12.30          | 1230",
            "12.3           | 1230",
            "12             | 1200",
            "0              | 0",
            "0.00           | 0",
            "0.01           | 1",
            "'  12.30 '     | 1230",
            // trailing zeros past the second decimal are still an exact fen amount
            "12.300         | 1230",
            "55.91          | 5591",
            // 10^12 fen, the largest accepted amount
            "10000000000.00 | 1000000000000",
    })
    void yuanToFenConvertsExactly(String yuan, long fen) {
        assertThat(Money.yuanToFen(yuan)).isEqualTo(fen);
    }

    @Test
    void exponentNotationIsAcceptedWhenItDenotesAWholeNumberOfFen() {
        // Decided from the code: BigDecimal syntax is the accepted number syntax, so "1e3" is 1000 yuan.
        assertThat(Money.yuanToFen("1e3")).isEqualTo(100_000);
        assertThat(Money.yuanToFen("1E-2")).isEqualTo(1);
        assertThat(Money.yuanToFen("+5")).isEqualTo(500);
        assertThatThrownBy(() -> Money.yuanToFen("1e-3"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("amount '1e-3' has more than two decimals");
    }

    @Test
    void moreThanTwoDecimalsIsRejected() {
        assertThatThrownBy(() -> Money.yuanToFen("12.345"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("amount '12.345' has more than two decimals");
        assertThatThrownBy(() -> Money.yuanToFen("0.001"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("more than two decimals");
    }

    @Test
    void negativeIsRejected() {
        assertThatThrownBy(() -> Money.yuanToFen("-1"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("amount '-1' is negative");
        assertThatThrownBy(() -> Money.yuanToFen("-0.01"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("amount '-0.01' is negative");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "12,30", "¥12.30", "12.30元", "1.2.3", "--", "NaN", "Infinity", "0x10"})
    void nonNumberIsRejected(String yuan) {
        assertThatThrownBy(() -> Money.yuanToFen(yuan))
                .isInstanceOf(BadInputException.class)
                .hasMessage("amount '" + yuan + "' is not a number");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void missingIsRejected(String yuan) {
        assertThatThrownBy(() -> Money.yuanToFen(yuan))
                .isInstanceOf(BadInputException.class)
                .hasMessage("amount is missing");
    }

    @Test
    void moreThanTenToTheTwelveFenIsRejected() {
        assertThatThrownBy(() -> Money.yuanToFen("10000000000.01"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("amount '10000000000.01' exceeds 1000000000000 fen");
        assertThatThrownBy(() -> Money.yuanToFen("1e100"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("exceeds");
    }

    @Test
    void bigDecimalYuanFromJsonNumbers() {
        assertThat(Money.yuanToFen(new BigDecimal("30.5"))).isEqualTo(3050);
        assertThat(Money.yuanToFen(new BigDecimal("30.5000"))).isEqualTo(3050);
        assertThatThrownBy(() -> Money.yuanToFen(new BigDecimal("30.505")))
                .isInstanceOf(BadInputException.class)
                .hasMessage("amount '30.505' has more than two decimals");
        assertThatThrownBy(() -> Money.yuanToFen((BigDecimal) null))
                .isInstanceOf(BadInputException.class)
                .hasMessage("amount is missing");
    }

    @ParameterizedTest(name = "\"{0}\" yuan rounded half-up = {1} fen")
    @CsvSource(delimiter = '|', value = {
            "1.2345 | 123",
            "1.2350 | 124",
            "1.235  | 124",
            "0.0049 | 0",
            "0.0050 | 1",
            "12.30  | 1230",
            "3      | 300",
    })
    void yuanToFenHalfUpRoundsRefundAmounts(String yuan, long fen) {
        assertThat(Money.yuanToFenHalfUp(yuan, 4)).isEqualTo(fen);
    }

    @Test
    void yuanToFenHalfUpStillRejectsBadAmounts() {
        assertThatThrownBy(() -> Money.yuanToFenHalfUp("1.23456", 4))
                .isInstanceOf(BadInputException.class)
                .hasMessage("amount '1.23456' has more than 4 decimals");
        assertThatThrownBy(() -> Money.yuanToFenHalfUp("-0.01", 4))
                .isInstanceOf(BadInputException.class)
                .hasMessage("amount '-0.01' is negative");
        assertThatThrownBy(() -> Money.yuanToFenHalfUp("abc", 4))
                .isInstanceOf(BadInputException.class)
                .hasMessage("amount 'abc' is not a number");
        assertThatThrownBy(() -> Money.yuanToFenHalfUp("", 4))
                .isInstanceOf(BadInputException.class)
                .hasMessage("amount is missing");
        assertThatThrownBy(() -> Money.yuanToFenHalfUp("10000000000.0051", 4))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("exceeds 1000000000000 fen");
    }

    @Test
    void integerFenIsBoundsChecked() {
        assertThat(Money.fen(5591, "order_amount")).isEqualTo(5591);
        assertThat(Money.fen(0, "order_amount")).isZero();
        assertThat(Money.fen(1_000_000_000_000L, "order_amount")).isEqualTo(1_000_000_000_000L);
        assertThatThrownBy(() -> Money.fen(-1, "order_amount"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("order_amount -1 is negative");
        assertThatThrownBy(() -> Money.fen(1_000_000_000_001L, "order_amount"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("order_amount 1000000000001 exceeds 1000000000000 fen");
    }

    @Test
    void formatYuanWritesTwoDecimals() {
        assertThat(Money.formatYuan(1230)).isEqualTo("12.30");
        assertThat(Money.formatYuan(5)).isEqualTo("0.05");
        assertThat(Money.formatYuan(0)).isEqualTo("0.00");
        assertThat(Money.formatYuan(-5)).isEqualTo("-0.05");
        assertThat(Money.formatYuan(123456)).isEqualTo("1234.56");
        assertThat(Money.formatYuan(1_000_000_000_000L)).isEqualTo("10000000000.00");
    }
}
