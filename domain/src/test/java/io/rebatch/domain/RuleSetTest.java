package io.rebatch.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleSetTest {
    private static final String SOURCE = "rules/2026-11.yml";

    private static Map<String, Object> doc() {
        return Fixtures.ruleDoc("2026-11", "2026-11-01");
    }

    private static RuleSet load(Map<String, Object> doc) {
        return RuleSet.fromMap(doc, SOURCE);
    }

    @Test
    void loadsEveryKey() {
        RuleSet r = load(doc());
        assertThat(r.version()).isEqualTo("2026-11");
        assertThat(r.effectiveFrom()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(r.levelShareBps(Level.NORMAL)).isEqualTo(5000);
        assertThat(r.levelShareBps(Level.VIP)).isEqualTo(6500);
        assertThat(r.levelShareBps(Level.SVIP)).isEqualTo(8000);
        assertThat(r.inviterShareBps()).isEqualTo(1000);
        assertThat(r.grandInviterShareBps()).isEqualTo(500);
        assertThat(r.platformFeeBps(Platform.TAOBAO)).isZero();
        assertThat(r.platformFeeBps(Platform.JD)).isZero();
        assertThat(r.platformFeeBps(Platform.PDD)).isEqualTo(200);
        assertThat(r.freezeDays()).isEqualTo(7);
        assertThat(r.clickWindowHours()).isEqualTo(72);
        assertThat(r.monthlyTiers()).containsExactly(new RuleSet.Tier(20000, 200), new RuleSet.Tier(100000, 500));
        assertThat(r.minWithdrawFen()).isEqualTo(100);
        assertThat(r.maxWithdrawFenPerDay()).isEqualTo(500000);
    }

    @Test
    void acceptsLongValuesAndALocalDate() {
        Map<String, Object> d = doc();
        d.put("effective_from", LocalDate.of(2026, 11, 1));
        d.put("max_withdraw_fen_per_day", 5_000_000_000L);
        RuleSet r = load(d);
        assertThat(r.effectiveFrom()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(r.maxWithdrawFenPerDay()).isEqualTo(5_000_000_000L);
    }

    @Test
    void tiersAreSortedAndTheHighestReachedTierPays() {
        Map<String, Object> d = doc();
        d.put("monthly_tiers", List.of(Map.of("min_fen", 100000, "bonus_bps", 500), Map.of("min_fen", 20000, "bonus_bps", 200)));
        RuleSet r = load(d);
        assertThat(r.monthlyTiers()).extracting(RuleSet.Tier::minFen).containsExactly(20000L, 100000L);
        assertThat(r.tierBonusFen(0)).isZero();
        assertThat(r.tierBonusFen(19999)).isZero();
        assertThat(r.tierBonusFen(20000)).isEqualTo(400);       // 200 bp of 20000
        assertThat(r.tierBonusFen(99999)).isEqualTo(1999);      // 200 bp of 99999 = 1999.98
        assertThat(r.tierBonusFen(100000)).isEqualTo(5000);     // 500 bp of 100000
        assertThat(r.tierBonusFen(150001)).isEqualTo(7500);     // 500 bp of 150001 = 7500.05
    }

    @Test
    void noTiersMeansNoBonus() {
        Map<String, Object> d = doc();
        d.put("monthly_tiers", List.of());
        assertThat(load(d).tierBonusFen(1_000_000)).isZero();
    }

    @Test
    void missingKeyIsNamed() {
        Map<String, Object> d = doc();
        d.remove("freeze_days");
        assertThatThrownBy(() -> load(d))
                .isInstanceOf(BadInputException.class)
                .hasMessage("rules/2026-11.yml: missing key 'freeze_days'");
    }

    @Test
    void keyWithoutValueIsMissing() {
        Map<String, Object> d = doc();
        d.put("click_window_hours", null);
        assertThatThrownBy(() -> load(d))
                .isInstanceOf(BadInputException.class)
                .hasMessage("rules/2026-11.yml: missing key 'click_window_hours'");
    }

    @Test
    void unknownKeyIsNamed() {
        Map<String, Object> d = doc();
        d.put("freeze_dayz", 7);
        assertThatThrownBy(() -> load(d))
                .isInstanceOf(BadInputException.class)
                .hasMessage("rules/2026-11.yml: unknown key(s) [freeze_dayz]");
    }

    @Test
    void misspeltKeyReportsTheUnknownSpellingFirst() {
        Map<String, Object> d = doc();
        d.remove("freeze_days");
        d.put("freeze_dayz", 7);
        assertThatThrownBy(() -> load(d))
                .isInstanceOf(BadInputException.class)
                .hasMessage("rules/2026-11.yml: unknown key(s) [freeze_dayz]");
    }

    @Test
    void levelPlusReferralSharesAboveTenThousandIsRejected() {
        Map<String, Object> d = doc();
        d.put("level_share_bps", Map.of("NORMAL", 5000, "VIP", 6500, "SVIP", 8501));
        assertThatThrownBy(() -> load(d))
                .isInstanceOf(BadInputException.class)
                .hasMessage("rules/2026-11.yml: level SVIP share 8501 + inviter 1000 + grand-inviter 500 exceeds 10000 bp");
    }

    @Test
    void levelPlusReferralSharesOfExactlyTenThousandIsAccepted() {
        Map<String, Object> d = doc();
        d.put("level_share_bps", Map.of("NORMAL", 5000, "VIP", 6500, "SVIP", 8500));
        assertThat(load(d).levelShareBps(Level.SVIP)).isEqualTo(8500);
    }

    @Test
    void raisingAReferralShareCanBreakTheSum() {
        Map<String, Object> d = doc();
        d.put("grand_inviter_share_bps", 1001);   // SVIP 8000 + 1000 + 1001 = 10001
        assertThatThrownBy(() -> load(d))
                .isInstanceOf(BadInputException.class)
                .hasMessage("rules/2026-11.yml: level SVIP share 8000 + inviter 1000 + grand-inviter 1001 exceeds 10000 bp");
    }

    @Test
    void nonIntegerValueIsRejected() {
        Map<String, Object> d = doc();
        d.put("inviter_share_bps", 10.5);
        assertThatThrownBy(() -> load(d))
                .isInstanceOf(BadInputException.class)
                .hasMessage("rules/2026-11.yml: inviter_share_bps must be a whole number, got '10.5'");

        Map<String, Object> quoted = doc();
        quoted.put("freeze_days", "7");
        assertThatThrownBy(() -> load(quoted))
                .isInstanceOf(BadInputException.class)
                .hasMessage("rules/2026-11.yml: freeze_days must be a whole number, got '7'");

        Map<String, Object> level = doc();
        level.put("level_share_bps", Map.of("NORMAL", 5000.0, "VIP", 6500, "SVIP", 8000));
        assertThatThrownBy(() -> load(level))
                .isInstanceOf(BadInputException.class)
                .hasMessage("rules/2026-11.yml: level_share_bps.NORMAL must be a whole number, got '5000.0'");
    }

    @Test
    void negativeValueIsRejected() {
        Map<String, Object> d = doc();
        d.put("freeze_days", -1);
        assertThatThrownBy(() -> load(d))
                .isInstanceOf(BadInputException.class)
                .hasMessage("rules/2026-11.yml: freeze_days must not be negative, got -1");
    }

    @Test
    void bpsAboveTenThousandIsRejected() {
        Map<String, Object> d = doc();
        d.put("platform_fee_bps", Map.of("TAOBAO", 0, "JD", 0, "PDD", 10001));
        assertThatThrownBy(() -> load(d))
                .isInstanceOf(BadInputException.class)
                .hasMessage("rules/2026-11.yml: platform_fee_bps.PDD = 10001 exceeds 10000 bp");
    }

    @Test
    void everyLevelAndPlatformMustBeListed() {
        Map<String, Object> noSvip = doc();
        noSvip.put("level_share_bps", Map.of("NORMAL", 5000, "VIP", 6500));
        assertThatThrownBy(() -> load(noSvip))
                .isInstanceOf(BadInputException.class)
                .hasMessage("rules/2026-11.yml: level_share_bps is missing level SVIP");

        Map<String, Object> gold = doc();
        gold.put("level_share_bps", Map.of("NORMAL", 5000, "VIP", 6500, "SVIP", 8000, "GOLD", 9000));
        assertThatThrownBy(() -> load(gold))
                .isInstanceOf(BadInputException.class)
                .hasMessage("rules/2026-11.yml: level_share_bps has unknown level 'GOLD'");

        Map<String, Object> noJd = doc();
        noJd.put("platform_fee_bps", Map.of("TAOBAO", 0, "PDD", 200));
        assertThatThrownBy(() -> load(noJd))
                .isInstanceOf(BadInputException.class)
                .hasMessage("rules/2026-11.yml: platform_fee_bps is missing platform JD");

        Map<String, Object> tmall = doc();
        tmall.put("platform_fee_bps", Map.of("TAOBAO", 0, "JD", 0, "PDD", 200, "TMALL", 0));
        assertThatThrownBy(() -> load(tmall))
                .isInstanceOf(BadInputException.class)
                .hasMessage("rules/2026-11.yml: platform_fee_bps has unknown platform 'TMALL'");
    }

    @Test
    void mapsAndListsMustHaveTheirShape() {
        Map<String, Object> flat = doc();
        flat.put("level_share_bps", 5000);
        assertThatThrownBy(() -> load(flat))
                .isInstanceOf(BadInputException.class)
                .hasMessage("rules/2026-11.yml: level_share_bps must be a map");

        Map<String, Object> tiersMap = doc();
        tiersMap.put("monthly_tiers", Map.of("min_fen", 20000, "bonus_bps", 200));
        assertThatThrownBy(() -> load(tiersMap))
                .isInstanceOf(BadInputException.class)
                .hasMessage("rules/2026-11.yml: monthly_tiers must be a list");

        Map<String, Object> extraTierKey = doc();
        extraTierKey.put("monthly_tiers", List.of(Map.of("min_fen", 20000, "bonus_bps", 200, "cap_fen", 1)));
        assertThatThrownBy(() -> load(extraTierKey))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("rules/2026-11.yml: each monthly tier needs exactly min_fen and bonus_bps, got ");

        Map<String, Object> tierBps = doc();
        tierBps.put("monthly_tiers", List.of(Map.of("min_fen", 20000, "bonus_bps", 20000)));
        assertThatThrownBy(() -> load(tierBps))
                .isInstanceOf(BadInputException.class)
                .hasMessage("rules/2026-11.yml: monthly_tiers.bonus_bps = 20000 exceeds 10000 bp");
    }

    @Test
    void effectiveFromMustBeADate() {
        Map<String, Object> d = doc();
        d.put("effective_from", "2026-13-01");
        assertThatThrownBy(() -> load(d))
                .isInstanceOf(BadInputException.class)
                .hasMessage("rules/2026-11.yml: effective_from '2026-13-01' is not a date yyyy-MM-dd");
        d.put("effective_from", "2026-11-01T00:00");
        assertThatThrownBy(() -> load(d))
                .isInstanceOf(BadInputException.class)
                .hasMessage("rules/2026-11.yml: effective_from '2026-11-01T00:00' is not a date yyyy-MM-dd");
    }

    @Test
    void emptyDocumentIsRejected() {
        assertThatThrownBy(() -> RuleSet.fromMap(null, SOURCE))
                .isInstanceOf(BadInputException.class)
                .hasMessage("rules/2026-11.yml: empty rule set");
    }
}
