package io.rebatch.sandbox.generator;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Commission rule sets written next to a scenario ({@code config/rules/*.yml}), with exactly the
 * keys of SPEC §2.3 and the sample. The values are the sample's two sets; they are inputs for
 * rebatch, not something the sandbox evaluates.
 */
final class RuleSetTemplates {
    private RuleSetTemplates() {
    }

    /** The base set, in force from the first day of the scenario's first month. */
    static String base(YearMonth month) {
        return """
                version: "%s"
                effective_from: %s
                level_share_bps: {NORMAL: 5000, VIP: 6500, SVIP: 8000}
                inviter_share_bps: 1000
                grand_inviter_share_bps: 500
                platform_fee_bps: {TAOBAO: 0, JD: 0, PDD: 0}
                freeze_days: 7
                click_window_hours: 72
                monthly_tiers:
                  - {min_fen: 20000, bonus_bps: 200}
                  - {min_fen: 100000, bonus_bps: 500}
                min_withdraw_fen: 100
                max_withdraw_fen_per_day: 500000
                """.formatted(month, month.atDay(1));
    }

    /** A second set from the first day of the scenario's second month: other shares, a PDD fee, a 48 h click window. */
    static String revised(YearMonth month) {
        LocalDate from = month.atDay(1);
        return """
                version: "%s"
                effective_from: %s
                level_share_bps: {NORMAL: 5500, VIP: 7000, SVIP: 8200}
                inviter_share_bps: 1000
                grand_inviter_share_bps: 500
                platform_fee_bps: {TAOBAO: 0, JD: 0, PDD: 200}
                freeze_days: 5
                click_window_hours: 48
                monthly_tiers:
                  - {min_fen: 15000, bonus_bps: 300}
                  - {min_fen: 80000, bonus_bps: 600}
                min_withdraw_fen: 100
                max_withdraw_fen_per_day: 500000
                """.formatted(month, from);
    }
}
