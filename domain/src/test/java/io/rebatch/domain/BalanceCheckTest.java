package io.rebatch.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BalanceCheckTest {
    @Test
    void entriesThatSumToTheBalanceMatch() {
        BalanceCheck check = new BalanceCheck();
        check.add(Bucket.PENDING, 780);
        check.add(Bucket.PENDING, -780);
        check.add(Bucket.AVAILABLE, 780);
        check.add(Bucket.AVAILABLE, -500);   // a withdrawal request: available -> withdrawing
        check.add(Bucket.WITHDRAWING, 500);
        assertThat(check.sumFen(Bucket.AVAILABLE)).isEqualTo(280);
        assertThat(check.entries()).isEqualTo(5);
        assertThat(check.mismatches(new long[] {0, 280, 500, 0})).isEmpty();
    }

    @Test
    void aBucketOffByOneFenIsNamed() {
        BalanceCheck check = new BalanceCheck();
        check.add(Bucket.AVAILABLE, 780);
        assertThat(check.mismatches(new long[] {0, 779, 0, 0}))
                .containsExactly(new BalanceCheck.Mismatch(Bucket.AVAILABLE, 780, 779));
        assertThat(check.mismatches(new long[] {0, 779, 0, 0}).get(0).describe())
                .isEqualTo("AVAILABLE entries sum to 780 fen but the balance holds 779 fen");
        assertThat(new BalanceCheck().mismatches(new long[] {0, 0, 0, 1})).hasSize(1);
    }
}
