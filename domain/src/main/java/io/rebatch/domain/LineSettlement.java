package io.rebatch.domain;

import java.time.LocalDate;

/**
 * Everything a settle run decides for one attributed or unattributed line on business date D:
 * income, shares under the line's rule set, the bucket, the target positions. Pure function of its
 * inputs, so any order of snapshots and any rerun converge on the same result.
 */
public final class LineSettlement {
    private LineSettlement() {
    }

    public record Outcome(RuleSet rules, ShareSplit.Shares shares, Bucket bucket, LedgerDiff.Positions target) {
    }

    public static Outcome evaluate(OrderLine line, Refund latestRefund, RuleSets ruleSets,
                                   Attribution.Beneficiaries beneficiaries, LocalDate businessDate) {
        RuleSet rules = ruleSets.inForceOn(line.ruleDate());
        long income = Income.incomeFen(line, latestRefund, rules);
        ShareSplit.Shares shares = beneficiaries == null
                ? ShareSplit.Shares.unattributed(income)
                : ShareSplit.split(income, rules, beneficiaries.buyerLevel(),
                        beneficiaries.inviterId() != null, beneficiaries.grandInviterId() != null);
        Bucket bucket = FreezeRule.bucket(line.status(), line.settledAt(), rules.freezeDays(), businessDate);
        return new Outcome(rules, shares, bucket, LedgerDiff.targets(beneficiaries, shares, bucket));
    }
}
