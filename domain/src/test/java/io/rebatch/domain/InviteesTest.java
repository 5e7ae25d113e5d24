package io.rebatch.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InviteesTest {
    @Test
    void masksAllButTheEdgesOfAnInviteeId() {
        assertThat(Invitees.maskUserId(101505)).isEqualTo("10****05");
        assertThat(Invitees.maskUserId(12345)).isEqualTo("12****45");
        assertThat(Invitees.maskUserId(1234)).isEqualTo("1***");
        assertThat(Invitees.maskUserId(7)).isEqualTo("7***");
        assertThat(Invitees.maskUserId(Long.MAX_VALUE)).isEqualTo("92****07");
    }
}
