package io.rebatch.domain;

import static io.rebatch.domain.Fixtures.sh;
import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.domain.Attribution.Beneficiaries;
import io.rebatch.domain.LineSettlement.Outcome;
import io.rebatch.domain.ShareSplit.Shares;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LineSettlementTest {
    private static final Beneficiaries VIP_WITH_TWO_INVITERS = new Beneficiaries(1, Level.VIP, 2L, 3L);
    private static final LocalDate NOV_16 = LocalDate.of(2026, 11, 16);

    /** October: VIP 6500, PDD fee 0, freeze 7 days. November: VIP 7000, PDD fee 200, freeze 5 days. */
    private final RuleSets sets;

    LineSettlementTest() {
        Map<String, Object> oct = Fixtures.ruleDoc("2026-10", "2026-10-01");
        oct.put("platform_fee_bps", Map.of("TAOBAO", 0, "JD", 0, "PDD", 0));
        Map<String, Object> nov = Fixtures.ruleDoc("2026-11", "2026-11-01");
        nov.put("level_share_bps", Map.of("NORMAL", 5500, "VIP", 7000, "SVIP", 8200));
        nov.put("freeze_days", 5);
        sets = RuleSets.of(List.of(RuleSet.fromMap(oct, "2026-10.yml"), RuleSet.fromMap(nov, "2026-11.yml")));
    }

    /** A PDD line settled 2026-11-10 12:00 Shanghai with 5591 fen. */
    private static Fixtures.LineBuilder pddSettled(String paidAtShanghai) {
        return Fixtures.line().platform(Platform.PDD).paid(sh(paidAtShanghai)).created(sh(paidAtShanghai))
                .modified(sh("2026-11-10 12:00:00")).estimate(5591).settled(5591, sh("2026-11-10 12:00:00"));
    }

    @Test
    void lineLastMinuteOfOctoberUsesOctoberRules() {
        // paid 2026-10-31 23:59 Shanghai = 15:59Z: October set. No fee → N 5591;
        // VIP 6500 → 3634 (3634.15), inviter 559 (559.1), grand 279 (279.55), margin 1119.
        // Freeze 7 from Nov 10 → available on Nov 17: still PENDING on Nov 16.
        Outcome o = LineSettlement.evaluate(pddSettled("2026-10-31 23:59:00").build(), null, sets, VIP_WITH_TWO_INVITERS, NOV_16);
        assertThat(o.rules().version()).isEqualTo("2026-10");
        assertThat(o.shares()).isEqualTo(new Shares(5591, 3634, 559, 279, 1119));
        assertThat(o.bucket()).isEqualTo(Bucket.PENDING);
        assertThat(o.target()).isEqualTo(new LedgerDiff.Positions(3634, 0, 559, 0, 279, 0));
    }

    @Test
    void lineFirstMinuteOfNovemberShanghaiUsesNovemberRulesThoughUtcIsStillOctober() {
        // paid 2026-11-01 00:00:30 Shanghai = 2026-10-31T16:00:30Z: November set. Fee 200 bp of 5591 = 111 → N 5480;
        // VIP 7000 → 3836, inviter 548, grand 274, margin 822. Freeze 5 from Nov 10 → AVAILABLE on Nov 15 and after.
        Outcome o = LineSettlement.evaluate(pddSettled("2026-11-01 00:00:30").build(), null, sets, VIP_WITH_TWO_INVITERS, NOV_16);
        assertThat(o.rules().version()).isEqualTo("2026-11");
        assertThat(o.shares()).isEqualTo(new Shares(5480, 3836, 548, 274, 822));
        assertThat(o.bucket()).isEqualTo(Bucket.AVAILABLE);
        assertThat(o.target()).isEqualTo(new LedgerDiff.Positions(0, 3836, 0, 548, 0, 274));
        assertThat(LineSettlement.evaluate(pddSettled("2026-11-01 00:00:30").build(), null, sets, VIP_WITH_TWO_INVITERS,
                LocalDate.of(2026, 11, 14)).bucket()).isEqualTo(Bucket.PENDING);
    }

    @Test
    void unattributedLineKeepsAllIncomeAsMarginAndPostsNothing() {
        Outcome o = LineSettlement.evaluate(pddSettled("2026-11-01 00:00:30").build(), null, sets, null, NOV_16);
        assertThat(o.shares()).isEqualTo(new Shares(5480, 0, 0, 0, 5480));
        assertThat(o.target()).isEqualTo(LedgerDiff.Positions.none());
    }

    @Test
    void invalidLineTargetsNothing() {
        OrderLine invalid = pddSettled("2026-11-01 00:00:30").status(LineStatus.INVALID).build();
        Outcome o = LineSettlement.evaluate(invalid, null, sets, VIP_WITH_TWO_INVITERS, NOV_16);
        assertThat(o.shares()).isEqualTo(new Shares(0, 0, 0, 0, 0));
        assertThat(o.bucket()).isNull();
        assertThat(o.target()).isEqualTo(LedgerDiff.Positions.none());
    }

    @Test
    void refundLowersTheSettledShares() {
        // Taobao, October set: settled 5591 − refund 1591 = 4000; NORMAL 5000 → 2000, no inviters, margin 2000
        OrderLine taobao = Fixtures.line().paid(sh("2026-10-20 10:00:00")).settled(5591, sh("2026-11-10 12:00:00")).build();
        Refund refund = new Refund("123", 2, 1591, sh("2026-11-12 09:00:00"), "refunds.csv:2");
        Outcome o = LineSettlement.evaluate(taobao, refund, sets, new Beneficiaries(5, Level.NORMAL, null, null), NOV_16);
        assertThat(o.shares()).isEqualTo(new Shares(4000, 2000, 0, 0, 2000));
        assertThat(o.target()).isEqualTo(new LedgerDiff.Positions(2000, 0, 0, 0, 0, 0));
    }

    @Test
    void paidLineIsPendingOnTheEstimate() {
        OrderLine paid = Fixtures.line().platform(Platform.PDD).paid(sh("2026-11-02 09:00:00")).estimate(5591).build();
        Outcome o = LineSettlement.evaluate(paid, null, sets, new Beneficiaries(1, Level.VIP, 2L, null), NOV_16);
        assertThat(o.shares()).isEqualTo(new Shares(5480, 3836, 548, 0, 1096));
        assertThat(o.bucket()).isEqualTo(Bucket.PENDING);
        assertThat(o.target()).isEqualTo(new LedgerDiff.Positions(3836, 0, 548, 0, 0, 0));
    }
}
