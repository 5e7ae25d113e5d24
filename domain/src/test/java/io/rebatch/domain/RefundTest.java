package io.rebatch.domain;

import static io.rebatch.domain.Fixtures.sh;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RefundTest {
    private static final Instant T = sh("2026-11-28 10:00:00");

    private static Refund refund(int status, long fen, Instant modified, String source) {
        return new Refund("123", status, fen, modified, source);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 13, 15})
    void statusTwoThirteenFifteenTakeEffect(int status) {
        assertThat(refund(status, 300, T, "r").effective()).isTrue();
        assertThat(Refund.refundedIncomeFen(refund(status, 300, T, "r"), 1500)).isEqualTo(300);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3, 4, 12, 14, 16})
    void otherStatusesTakeNothingBack(int status) {
        assertThat(refund(status, 300, T, "r").effective()).isFalse();
        assertThat(Refund.refundedIncomeFen(refund(status, 300, T, "r"), 1500)).isZero();
    }

    @Test
    void noRefundTakesNothingBack() {
        assertThat(Refund.refundedIncomeFen(null, 1500)).isZero();
    }

    @Test
    void amountIsCappedAtTheSettledIncome() {
        assertThat(Refund.refundedIncomeFen(refund(2, 1500, T, "r"), 1500)).isEqualTo(1500);
        assertThat(Refund.refundedIncomeFen(refund(2, 1501, T, "r"), 1500)).isEqualTo(1500);
        assertThat(Refund.refundedIncomeFen(refund(13, 99_999, T, "r"), 1234)).isEqualTo(1234);
    }

    @Test
    void refundAmountsComeFromFourDecimalYuanRoundedHalfUp() {
        // tk_commission_fee_refund_pub "3.1250" → 312.5 fen → 313
        assertThat(Refund.refundedIncomeFen(refund(2, Money.yuanToFenHalfUp("3.1250", 4), T, "r"), 1500)).isEqualTo(313);
    }

    @Test
    void laterModifiedTimeReplacesEarlierNever() {
        Refund open = refund(4, 300, T, "r1");
        Refund done = refund(2, 300, T.plusSeconds(60), "r2");
        assertThat(Refund.replaces(open, null)).isTrue();
        assertThat(Refund.replaces(done, open)).isTrue();
        assertThat(Refund.replaces(open, done)).isFalse();
    }

    @Test
    void equalModifiedTimeLastImportedWins() {
        Refund a = refund(2, 300, T, "file A");
        Refund b = refund(3, 300, T, "file B");
        assertThat(Refund.replaces(b, a)).isTrue();
        assertThat(Refund.replaces(a, b)).isTrue();
        assertThat(latestOf(List.of(a, b)).source()).isEqualTo("file B");
        assertThat(latestOf(List.of(b, a)).source()).isEqualTo("file A");
    }

    @Test
    void theLatestSnapshotDecidesEvenWhenItUndoesTheRefund() {
        // took effect at T, then a later snapshot says the refund failed (3): nothing is taken back
        Refund effective = refund(2, 300, T, "r1");
        Refund failed = refund(3, 300, T.plusSeconds(3600), "r2");
        Refund latest = latestOf(List.of(failed, effective));   // arriving out of order
        assertThat(latest).isSameAs(failed);
        assertThat(Refund.refundedIncomeFen(latest, 1500)).isZero();
    }

    private static Refund latestOf(List<Refund> importOrder) {
        Refund stored = null;
        for (Refund r : importOrder) {
            if (Refund.replaces(r, stored)) {
                stored = r;
            }
        }
        return stored;
    }
}
