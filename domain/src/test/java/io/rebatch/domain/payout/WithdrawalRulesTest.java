package io.rebatch.domain.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rebatch.domain.BadInputException;
import io.rebatch.domain.RuleSet;
import io.rebatch.domain.payout.WithdrawalRules.Decision;
import io.rebatch.domain.payout.WithdrawalRules.Refusal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WithdrawalRulesTest {
    /** min 1.00 yuan, at most 5000.00 yuan a day. */
    private static final long MIN = 100;
    private static final long MAX_PER_DAY = 500_000;

    private static Decision decide(long amount, long available, long acceptedToday) {
        return WithdrawalRules.decide(amount, available, acceptedToday, MIN, MAX_PER_DAY);
    }

    @Test
    void withinAllLimitsIsAccepted() {
        Decision d = decide(1230, 5000, 0);
        assertThat(d.accepted()).isTrue();
        assertThat(d.refusal()).isNull();
    }

    @Test
    void belowMinimumIsRefused() {
        Decision d = decide(99, 5000, 0);
        assertThat(d.refusal()).isEqualTo(Refusal.BELOW_MINIMUM);
        assertThat(d.message()).isEqualTo("amount 0.99 yuan is below the minimum withdrawal of 1.00 yuan");
        assertThat(decide(100, 5000, 0).accepted()).isTrue();
    }

    @Test
    void aboveAvailableIsRefusedAndExactlyAvailableAccepted() {
        Decision d = decide(5001, 5000, 0);
        assertThat(d.refusal()).isEqualTo(Refusal.INSUFFICIENT_BALANCE);
        assertThat(d.message()).isEqualTo("amount 50.01 yuan exceeds the available balance of 50.00 yuan");
        assertThat(decide(5000, 5000, 0).accepted()).isTrue();
        assertThat(decide(100, 0, 0).refusal()).isEqualTo(Refusal.INSUFFICIENT_BALANCE);
    }

    @Test
    void exactlyAtTheDailyCapIsAcceptedOneFenOverIsRefused() {
        // 3000.00 already accepted today, 2000.00 more reaches 5000.00 exactly
        assertThat(decide(200_000, 1_000_000, 300_000).accepted()).isTrue();
        Decision d = decide(200_001, 1_000_000, 300_000);
        assertThat(d.refusal()).isEqualTo(Refusal.DAILY_LIMIT);
        assertThat(d.message()).isEqualTo("amount 2000.01 yuan exceeds what is left of today's limit: 2000.00 of 5000.00 yuan");
    }

    @Test
    void capAlreadyExhaustedRefusesEvenTheMinimum() {
        assertThat(decide(100, 1_000_000, 500_000).refusal()).isEqualTo(Refusal.DAILY_LIMIT);
        // a cap lowered by a newer rule set below what was already accepted: nothing left, no negative "left"
        Decision d = WithdrawalRules.decide(100, 1_000_000, 600_000, MIN, 500_000);
        assertThat(d.message()).endsWith("0.00 of 5000.00 yuan");
    }

    @Test
    void negativeBalanceAfterClawbackBlocksEveryWithdrawal() {
        Decision d = decide(100, -250, 0);
        assertThat(d.refusal()).isEqualTo(Refusal.NEGATIVE_BALANCE);
        assertThat(d.message()).isEqualTo("available balance is -2.50 yuan after a clawback; no withdrawal until it is positive again");
    }

    @Test
    void refusalsAreCheckedInTheDocumentedOrder() {
        // breaks all four: negative balance wins
        assertThat(decide(50, -1, 600_000).refusal()).isEqualTo(Refusal.NEGATIVE_BALANCE);
        // below minimum, above available and over the cap: below minimum wins
        assertThat(decide(50, 10, 600_000).refusal()).isEqualTo(Refusal.BELOW_MINIMUM);
        // above available and over the cap: insufficient balance wins
        assertThat(decide(200_000, 1000, 400_000).refusal()).isEqualTo(Refusal.INSUFFICIENT_BALANCE);
    }

    @Test
    void amountNotPositiveOrTooLargeIsBadInput() {
        assertThatThrownBy(() -> decide(0, 5000, 0))
                .isInstanceOf(BadInputException.class).hasMessage("withdrawal amount 0 fen must be positive");
        assertThatThrownBy(() -> decide(-100, 5000, 0))
                .isInstanceOf(BadInputException.class).hasMessage("withdrawal amount -100 fen must be positive");
        assertThatThrownBy(() -> decide(1_000_000_000_001L, Long.MAX_VALUE, 0))
                .isInstanceOf(BadInputException.class).hasMessageContaining("exceeds 1000000000000 fen");
        // zero is bad input even when the rule set has no minimum
        assertThatThrownBy(() -> WithdrawalRules.decide(0, 5000, 0, 0, MAX_PER_DAY)).isInstanceOf(BadInputException.class);
    }

    @Test
    void negativeSumsOrLimitsAreACallerBug() {
        assertThatThrownBy(() -> decide(100, 5000, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WithdrawalRules.decide(100, 5000, 0, -1, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hugeAmountsDoNotOverflow() {
        long t = 1_000_000_000_000L;
        assertThat(WithdrawalRules.decide(t, t, t, 1, 2 * t).accepted()).isTrue();
        assertThat(WithdrawalRules.decide(t, t, t + 1, 1, 2 * t).refusal()).isEqualTo(Refusal.DAILY_LIMIT);
        assertThat(WithdrawalRules.decide(t, Long.MAX_VALUE, Long.MAX_VALUE, 1, Long.MAX_VALUE).refusal())
                .isEqualTo(Refusal.DAILY_LIMIT);
        assertThat(WithdrawalRules.decide(t, Long.MAX_VALUE, 0, 1, Long.MAX_VALUE).accepted()).isTrue();
    }

    @Test
    void limitsComeFromTheRuleSet() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("version", "2026-01");
        doc.put("effective_from", "2026-01-01");
        doc.put("level_share_bps", Map.of("NORMAL", 5000, "VIP", 6500, "SVIP", 8000));
        doc.put("inviter_share_bps", 1000);
        doc.put("grand_inviter_share_bps", 500);
        doc.put("platform_fee_bps", Map.of("TAOBAO", 0, "JD", 0, "PDD", 200));
        doc.put("freeze_days", 7);
        doc.put("click_window_hours", 72);
        doc.put("monthly_tiers", List.of(Map.of("min_fen", 20000, "bonus_bps", 200)));
        doc.put("min_withdraw_fen", 1000);
        doc.put("max_withdraw_fen_per_day", 3000);
        RuleSet rules = RuleSet.fromMap(doc, "rules/2026-01.yml");
        assertThat(WithdrawalRules.decide(999, 5000, 0, rules).refusal()).isEqualTo(Refusal.BELOW_MINIMUM);
        assertThat(WithdrawalRules.decide(1000, 5000, 2000, rules).accepted()).isTrue();
        assertThat(WithdrawalRules.decide(1001, 5000, 2000, rules).refusal()).isEqualTo(Refusal.DAILY_LIMIT);
    }
}
