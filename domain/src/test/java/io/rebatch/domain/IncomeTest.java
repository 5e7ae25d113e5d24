package io.rebatch.domain;

import static io.rebatch.domain.Fixtures.sh;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class IncomeTest {
    private static final Instant SETTLED_AT = sh("2026-11-10 12:00:00");
    private final RuleSet rules = Fixtures.rules();   // fees: TAOBAO 0, JD 0, PDD 200 bp

    private static Refund refund(int status, long fen) {
        return new Refund("123", status, fen, sh("2026-11-12 09:00:00"), "refund page 1");
    }

    @Test
    void paidAndReceivedUseTheEstimate() {
        OrderLine paid = Fixtures.line().estimate(1234).build();
        OrderLine received = Fixtures.line().estimate(1234).status(LineStatus.RECEIVED).build();
        assertThat(Income.grossIncomeFen(paid, null)).isEqualTo(1234);
        assertThat(Income.grossIncomeFen(received, null)).isEqualTo(1234);
        // a refund snapshot does not touch an unsettled line's estimate
        assertThat(Income.grossIncomeFen(paid, refund(2, 300))).isEqualTo(1234);
    }

    @Test
    void settledUsesSettledIncomeLessTheRefund() {
        OrderLine settled = Fixtures.line().estimate(1234).settled(1500, SETTLED_AT).build();
        assertThat(Income.grossIncomeFen(settled, null)).isEqualTo(1500);
        assertThat(Income.grossIncomeFen(settled, refund(2, 300))).isEqualTo(1200);
        assertThat(Income.grossIncomeFen(settled, refund(15, 300))).isEqualTo(1200);
        assertThat(Income.grossIncomeFen(settled, refund(4, 300))).isEqualTo(1500);   // still open
        assertThat(Income.grossIncomeFen(settled, refund(3, 300))).isEqualTo(1500);   // failed
        assertThat(Income.grossIncomeFen(settled, refund(13, 2000))).isZero();        // capped at 1500
    }

    @Test
    void invalidIsZero() {
        OrderLine invalid = Fixtures.line().estimate(1234).status(LineStatus.INVALID).build();
        assertThat(Income.grossIncomeFen(invalid, null)).isZero();
        assertThat(Income.incomeFen(invalid, null, rules)).isZero();
    }

    @Test
    void pinduoduoFeeIsTakenOffTheIncome() {
        // 200 bp of 5591 = 111.82 → 111; N = 5591 − 111 = 5480
        OrderLine pdd = Fixtures.line().platform(Platform.PDD).estimate(5591).settled(5591, SETTLED_AT).build();
        assertThat(Income.incomeFen(pdd, null, rules)).isEqualTo(5480);
        OrderLine pddPaid = Fixtures.line().platform(Platform.PDD).estimate(5591).build();
        assertThat(Income.incomeFen(pddPaid, null, rules)).isEqualTo(5480);
    }

    @Test
    void taobaoAndJdWithoutFeeKeepTheWholeIncome() {
        OrderLine taobao = Fixtures.line().settled(5591, SETTLED_AT).build();
        OrderLine jd = Fixtures.line().platform(Platform.JD).settled(5591, SETTLED_AT).build();
        assertThat(Income.incomeFen(taobao, null, rules)).isEqualTo(5591);
        assertThat(Income.incomeFen(jd, null, rules)).isEqualTo(5591);
    }

    @Test
    void feeIsTakenAfterTheRefund() {
        // (5591 − 1000) = 4591; 200 bp of 4591 = 91.82 → 91; N = 4500
        OrderLine pdd = Fixtures.line().platform(Platform.PDD).settled(5591, SETTLED_AT).build();
        assertThat(Income.incomeFen(pdd, refund(2, 1000), rules)).isEqualTo(4500);
    }
}
