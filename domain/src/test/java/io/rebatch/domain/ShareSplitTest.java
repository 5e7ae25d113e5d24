package io.rebatch.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rebatch.domain.ShareSplit.Shares;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShareSplitTest {
    /** NORMAL 5000, VIP 6500, SVIP 8000, inviter 1000, grand-inviter 500. */
    private final RuleSet rules = Fixtures.rules();

    @ParameterizedTest(name = "share({0}, {1}) = {2}")
    @CsvSource({
            "303, 5000, 151",        // 151.5 floored
            "3916, 6500, 2545",      // 2545.4
            "3916, 1000, 391",       // 391.6
            "3916, 500, 195",        // 195.8
            "9999, 1, 0",
            "10000, 1, 1",
            "1, 10000, 1",
            "0, 10000, 0",
            "123456, 0, 0",
            "1000000000000, 10000, 1000000000000",
            "1000000000000, 9999, 999900000000",
            "1000000000000, 1, 100000000",
            "999999999999, 3333, 333299999999",  // 333299999999.6667
    })
    void shareIsFloorOfAmountTimesBpsOverTenThousand(long amount, int bps, long expected) {
        assertThat(ShareSplit.share(amount, bps)).isEqualTo(expected);
    }

    @Test
    void bpsOutsideZeroToTenThousandIsRejected() {
        assertThatThrownBy(() -> ShareSplit.share(100, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("bps out of range: -1");
        assertThatThrownBy(() -> ShareSplit.share(100, 10001))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("bps out of range: 10001");
    }

    @Test
    void vipBuyerWithInviterAndGrandInviter() {
        // N = 3916: buyer 6500 bp → 2545 (2545.4), inviter 1000 bp → 391 (391.6),
        // grand 500 bp → 195 (195.8), margin 3916 − 2545 − 391 − 195 = 785
        Shares s = ShareSplit.split(3916, rules, Level.VIP, true, true);
        assertThat(s).isEqualTo(new Shares(3916, 2545, 391, 195, 785));
    }

    @Test
    void vipBuyerWithoutInvitersLeavesTheRestAsMargin() {
        // margin 3916 − 2545 = 1371
        assertThat(ShareSplit.split(3916, rules, Level.VIP, false, false))
                .isEqualTo(new Shares(3916, 2545, 0, 0, 1371));
    }

    @Test
    void inviterButNoGrandInviter() {
        // margin 3916 − 2545 − 391 = 980
        assertThat(ShareSplit.split(3916, rules, Level.VIP, true, false))
                .isEqualTo(new Shares(3916, 2545, 391, 0, 980));
    }

    @Test
    void levelPicksTheBuyerShare() {
        // NORMAL 5000 → 1958; SVIP 8000 → 3132 (3132.8), margin 3916 − 3132 − 391 − 195 = 198
        assertThat(ShareSplit.split(3916, rules, Level.NORMAL, true, true))
                .isEqualTo(new Shares(3916, 1958, 391, 195, 1372));
        assertThat(ShareSplit.split(3916, rules, Level.SVIP, true, true))
                .isEqualTo(new Shares(3916, 3132, 391, 195, 198));
    }

    @Test
    void marginTakesEveryRoundingRemainder() {
        // N = 99, SVIP: 79 (79.2) + 9 (9.9) + 4 (4.95) = 92; margin 7 = the unallocated 500 bp (4.95)
        // plus the three remainders (0.2 + 0.9 + 0.95)
        assertThat(ShareSplit.split(99, rules, Level.SVIP, true, true))
                .isEqualTo(new Shares(99, 79, 9, 4, 7));
        // a rule set whose shares add up to exactly 10000 bp: 84 (84.15) + 9 (9.9) + 4 (4.95) = 97,
        // the margin 2 is nothing but the three remainders (0.15 + 0.9 + 0.95)
        Map<String, Object> doc = Fixtures.ruleDoc("full", "2026-01-01");
        doc.put("level_share_bps", Map.of("NORMAL", 8500, "VIP", 8500, "SVIP", 8500));
        RuleSet full = RuleSet.fromMap(doc, "full.yml");
        assertThat(ShareSplit.split(99, full, Level.SVIP, true, true))
                .isEqualTo(new Shares(99, 84, 9, 4, 2));
        // N = 1: every share floors to 0, the fen stays with the platform
        assertThat(ShareSplit.split(1, full, Level.SVIP, true, true))
                .isEqualTo(new Shares(1, 0, 0, 0, 1));
    }

    @Test
    void zeroIncomeSplitsToZeros() {
        assertThat(ShareSplit.split(0, rules, Level.SVIP, true, true)).isEqualTo(new Shares(0, 0, 0, 0, 0));
    }

    @Test
    void negativeIncomeIsRejected() {
        assertThatThrownBy(() -> ShareSplit.split(-1, rules, Level.VIP, true, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("income must not be negative: -1");
    }

    @Test
    void unattributedSharesAreAllMargin() {
        Shares s = Shares.unattributed(5480);
        assertThat(s).isEqualTo(new Shares(5480, 0, 0, 0, 5480));
        assertThat(s.of(Role.BUYER)).isZero();
    }

    @Test
    void sharesOfRole() {
        Shares s = new Shares(3916, 2545, 391, 195, 785);
        assertThat(s.of(Role.BUYER)).isEqualTo(2545);
        assertThat(s.of(Role.INVITER)).isEqualTo(391);
        assertThat(s.of(Role.GRAND_INVITER)).isEqualTo(195);
    }
}
