package io.rebatch.domain.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rebatch.domain.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PayeeTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "13812340000, 138****0000",
            "zhangsan@example.com, z******n@example.com",
            "ab@example.com, a*@example.com",
            "a@example.com, *@example.com",
            "2088123456789012, 208****9012",   // a 16-digit Alipay user id: fixed ****, length hidden
            "12345678, 123****5678",
            "1234567, 1****",                  // shorter than 8: first character only
            "138123400001, 138****0001",       // 12 digits is not a mobile number: other-id rule
    })
    void accountMasking(String account, String masked) {
        assertThat(Payee.of(account, "张三").maskedAccount()).isEqualTo(masked);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "张三, 张*",
            "欧阳娜娜, 欧***",
            "张, *",
            "迪丽热巴·迪力木拉提, 迪*********",
            "\uD842\uDFB7一, \uD842\uDFB7*",   // 𠮷 (outside the BMP) counts as one character
    })
    void nameMasking(String name, String masked) {
        assertThat(Payee.of("13812340000", name).maskedName()).isEqualTo(masked);
    }

    @Test
    void toStringNeverShowsTheClearValues() {
        Payee p = Payee.of("13812340000", "张三");
        assertThat(p.toString()).isEqualTo("Payee[138****0000, 张*]")
                .doesNotContain("13812340000").doesNotContain("张三");
        // the clear values stay available for the payout file
        assertThat(p.alipayAccount()).isEqualTo("13812340000");
        assertThat(p.realName()).isEqualTo("张三");
    }

    @Test
    void surroundingWhiteSpaceIsStripped() {
        assertThat(Payee.of("  13812340000 ", " 张三\t")).isEqualTo(Payee.of("13812340000", "张三"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "138,12340000", "138\"1234", "138\n1234", "138\r1234", "138 1234",
            "138\u200B1234", "138\u202E1234", "=1+2", "+8613812340000", "-1", "@x"})
    void badAccountsAreRefused(String account) {
        assertThatThrownBy(() -> Payee.of(account, "张三")).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("payee account");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "张,三", "张\"三", "张\n三", "张\u0000三", "=HYPERLINK(1)"})
    void badNamesAreRefused(String name) {
        assertThatThrownBy(() -> Payee.of("13812340000", name)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("payee name");
    }

    @Test
    void nullsAndOverlongValuesAreRefused() {
        assertThatThrownBy(() -> Payee.of(null, "张三")).hasMessage("payee account is missing");
        assertThatThrownBy(() -> Payee.of("13812340000", null)).hasMessage("payee name is missing");
        assertThat(Payee.of("a".repeat(100), "张三").alipayAccount()).hasSize(100);
        assertThatThrownBy(() -> Payee.of("a".repeat(101), "张三"))
                .hasMessage("payee account is 101 characters long; at most 100 allowed");
        assertThatThrownBy(() -> Payee.of("13812340000", "张".repeat(65)))
                .hasMessage("payee name is 65 characters long; at most 64 allowed");
    }

    @Test
    void theRefusalMessageNamesTheCharacterButNotTheValue() {
        assertThatThrownBy(() -> Payee.of("13812340000", "张\u202E三"))
                .hasMessage("payee name contains the control or invisible character U+202E at position 2");
    }
}
