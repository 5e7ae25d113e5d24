package io.rebatch.domain.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rebatch.domain.BadInputException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A request's own checks, the idempotency key, and when a stored withdrawal is a replay of a request. */
class WithdrawalRequestTest {
    private static Withdrawal stored(long amountFen, String account, String name) {
        return new Withdrawal(3, 5, IdempotencyKey.of("key-1"), amountFen, Payee.of(account, name),
                WithdrawalStatus.REQUESTED, Instant.parse("2026-11-26T01:00:00Z"), null, null, null);
    }

    @Test
    void theSameRequestUnderTheSameKeyIsAReplay() {
        WithdrawalRequest r = WithdrawalRequest.of(5, 1230, "13812340000", "张三", "key-1");
        assertThat(r.isReplayOf(stored(1230, "13812340000", "张三"))).isTrue();
        assertThat(r.isReplayOf(stored(1231, "13812340000", "张三"))).as("another amount").isFalse();
        assertThat(r.isReplayOf(stored(1230, "13812340001", "张三"))).as("another account").isFalse();
        assertThat(r.isReplayOf(stored(1230, "13812340000", "李四"))).as("another name").isFalse();
        assertThat(WithdrawalRequest.of(6, 1230, "13812340000", "张三", "key-1")
                .isReplayOf(stored(1230, "13812340000", "张三"))).as("another user").isFalse();
    }

    @Test
    void aRequestIsValidatedBeforeAnyDatabaseSeesIt() {
        assertThatThrownBy(() -> WithdrawalRequest.of(0, 1230, "13812340000", "张三", "k"))
                .isInstanceOf(BadInputException.class).hasMessage("user id 0 must be positive");
        assertThatThrownBy(() -> WithdrawalRequest.of(5, 0, "13812340000", "张三", "k"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("outside 1..");
        assertThatThrownBy(() -> WithdrawalRequest.of(5, 1_000_000_000_001L, "13812340000", "张三", "k"))
                .isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> WithdrawalRequest.of(5, 100, "=cmd", "张三", "k"))
                .isInstanceOf(BadInputException.class);
    }

    @Test
    void idempotencyKeysAreExactAndBounded() {
        assertThat(IdempotencyKey.of("3f2b8c9e-1d4a-4b7e-9f00-123456789abc").value()).hasSize(36);
        assertThat(IdempotencyKey.of("a").equals(IdempotencyKey.of("A"))).isFalse();
        for (String bad : new String[] {"", " k", "k k", "k\n", "ключ", "x".repeat(65)}) {
            assertThatThrownBy(() -> IdempotencyKey.of(bad)).as("'%s'", bad).isInstanceOf(BadInputException.class);
        }
        assertThatThrownBy(() -> IdempotencyKey.of(null)).isInstanceOf(BadInputException.class);
        assertThat(IdempotencyKey.of("x".repeat(64)).value()).hasSize(64);
    }

    @Test
    void printedFormsMaskThePayee() {
        WithdrawalRequest r = WithdrawalRequest.of(5, 1230, "13812340000", "张三", "key-1");
        assertThat(r.toString()).contains("138****0000").contains("张*").doesNotContain("13812340000")
                .doesNotContain("张三");
        assertThat(stored(1230, "13812340000", "张三").toString()).doesNotContain("13812340000").doesNotContain("张三");
    }
}
