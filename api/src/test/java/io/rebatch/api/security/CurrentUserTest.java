package io.rebatch.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CurrentUserTest {
    @Test
    void subjectMustBeAPositiveDecimalLong() {
        assertThat(CurrentUser.userIdOf("101505")).isEqualTo(101505L);
        assertThat(CurrentUser.userIdOf("999999999999999999")).isEqualTo(999999999999999999L);
        for (String bad : new String[] {null, "", "0", "-1", "+5", "1e3", " 7", "7 ", "0x10", "１２", "abc",
                "9999999999999999999", "12345678901234567890"}) {
            assertThat(CurrentUser.userIdOf(bad)).as(String.valueOf(bad)).isEqualTo(-1L);
        }
    }
}
