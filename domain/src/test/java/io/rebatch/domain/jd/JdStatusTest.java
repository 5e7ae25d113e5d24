package io.rebatch.domain.jd;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.domain.LineStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JdStatusTest {

    @ParameterizedTest
    @CsvSource({"16, false, PAID", "24, false, PAID", "17, false, RECEIVED", "17, true, SETTLED", "18, false, SETTLED",
            "18, true, SETTLED", "2, false, INVALID", "3, false, INVALID", "25, false, INVALID"})
    void validCodes(int code, boolean payMonth, LineStatus status) {
        assertThat(JdStatus.of(code, payMonth)).isEqualTo(status);
    }

    @Test
    void fifteenIsNotYetPaid() {
        assertThat(JdStatus.of(15, false)).isNull();
        assertThat(JdStatus.of(15, true)).isNull();
    }
}
