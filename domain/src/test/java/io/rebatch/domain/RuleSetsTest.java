package io.rebatch.domain;

import static io.rebatch.domain.Fixtures.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleSetsTest {
    private final RuleSet october = Fixtures.rules("2026-10", "2026-10-01");
    private final RuleSet november = Fixtures.rules("2026-11", "2026-11-01");
    private final RuleSets sets = RuleSets.of(List.of(november, october));

    @Test
    void theSettleDigestChangesWithWhatSettlementUsesAndNothingElse() {
        String digest = sets.settleDigest();
        assertThat(digest).hasSize(64).isEqualTo(RuleSets.of(List.of(october, november)).settleDigest());
        java.util.function.Function<java.util.function.Consumer<Map<String, Object>>, String> changed = change -> {
            Map<String, Object> doc = Fixtures.ruleDoc("2026-11", "2026-11-01");
            change.accept(doc);
            return RuleSets.of(List.of(october, RuleSet.fromMap(doc, "2026-11.yml"))).settleDigest();
        };
        assertThat(changed.apply(doc -> { })).isEqualTo(digest);
        assertThat(changed.apply(doc -> doc.put("freeze_days", 8))).isNotEqualTo(digest);
        assertThat(changed.apply(doc -> doc.put("inviter_share_bps", 1100))).isNotEqualTo(digest);
        assertThat(changed.apply(doc -> doc.put("platform_fee_bps", Map.of("TAOBAO", 0, "JD", 0, "PDD", 300))))
                .isNotEqualTo(digest);
        assertThat(changed.apply(doc -> doc.put("level_share_bps", Map.of("NORMAL", 5000, "VIP", 6600, "SVIP", 8000))))
                .isNotEqualTo(digest);
        assertThat(changed.apply(doc -> doc.put("click_window_hours", 48))).isNotEqualTo(digest);
        assertThat(changed.apply(doc -> doc.put("effective_from", "2026-11-02"))).isNotEqualTo(digest);
        // month close and withdrawals do not touch a line's settlement
        assertThat(changed.apply(doc -> doc.put("min_withdraw_fen", 200))).isEqualTo(digest);
        assertThat(changed.apply(doc -> doc.put("monthly_tiers", List.of(Map.of("min_fen", 1, "bonus_bps", 1)))))
                .isEqualTo(digest);
    }

    @Test
    void setsAreOrderedByEffectiveFrom() {
        assertThat(sets.all()).containsExactly(october, november);
    }

    @Test
    void theSetInForceIsTheLatestOneStartedOnOrBeforeTheDate() {
        assertThat(sets.inForceOn(LocalDate.of(2026, 10, 1))).isSameAs(october);
        assertThat(sets.inForceOn(LocalDate.of(2026, 10, 31))).isSameAs(october);
        assertThat(sets.inForceOn(LocalDate.of(2026, 11, 1))).isSameAs(november);
        assertThat(sets.inForceOn(LocalDate.of(2027, 6, 30))).isSameAs(november);
    }

    @Test
    void aDateBeforeEverySetIsAClearError() {
        assertThatThrownBy(() -> sets.inForceOn(LocalDate.of(2026, 9, 30)))
                .isInstanceOf(BadInputException.class)
                .hasMessage("no rule set is in force on 2026-09-30 (earliest effective_from is 2026-10-01)");
    }

    @Test
    void lineJustBeforeShanghaiMidnightUsesTheOctoberSet() {
        Instant paidAt = sh("2026-10-31 23:59:00");
        assertThat(paidAt).isEqualTo(Instant.parse("2026-10-31T15:59:00Z"));
        assertThat(sets.inForceOn(BusinessTime.dateOf(paidAt))).isSameAs(october);
    }

    @Test
    void lineJustAfterShanghaiMidnightUsesTheNovemberSetThoughItIsStillOctoberInUtc() {
        Instant paidAt = sh("2026-11-01 00:00:30");
        assertThat(paidAt).isEqualTo(Instant.parse("2026-10-31T16:00:30Z"));
        assertThat(paidAt.atOffset(ZoneOffset.UTC).toLocalDate()).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(sets.inForceOn(BusinessTime.dateOf(paidAt))).isSameAs(november);
    }

    @Test
    void twoSetsWithTheSameEffectiveFromAreRejected() {
        RuleSet twin = Fixtures.rules("2026-11b", "2026-11-01");
        assertThatThrownBy(() -> RuleSets.of(List.of(october, november, twin)))
                .isInstanceOf(BadInputException.class)
                .hasMessage("rule sets '2026-11' and '2026-11b' share effective_from 2026-11-01");
    }

    @Test
    void twoSetsWithTheSameVersionAreRejected() {
        RuleSet sameLabel = Fixtures.rules("2026-11", "2026-12-01");
        assertThatThrownBy(() -> RuleSets.of(List.of(november, sameLabel)))
                .isInstanceOf(BadInputException.class)
                .hasMessage("two rule sets share a version label");
    }

    @Test
    void noSetsIsRejected() {
        assertThatThrownBy(() -> RuleSets.of(List.of()))
                .isInstanceOf(BadInputException.class)
                .hasMessage("no rule sets found");
    }
}
