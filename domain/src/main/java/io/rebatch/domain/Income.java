package io.rebatch.domain;

/**
 * The income N of a line (SPEC §3): PAID/RECEIVED the estimate; SETTLED the settled income less
 * refunds; INVALID 0; then less the platform fee share of the line's rule set.
 */
public final class Income {
    private Income() {
    }

    /** Income before the platform fee. */
    public static long grossIncomeFen(OrderLine line, Refund latestRefund) {
        long n = switch (line.status()) {
            case PAID, RECEIVED -> line.estimatedIncomeFen();
            case SETTLED -> line.settledIncomeFen() - Refund.refundedIncomeFen(latestRefund, line.settledIncomeFen());
            case INVALID -> 0;
        };
        if (n < 0) {
            throw new BadInputException("order line " + line.orderLineId() + " has negative income " + n);
        }
        return n;
    }

    /** N after the platform fee: {@code gross - share(gross, platform_fee_bps)}. */
    public static long incomeFen(OrderLine line, Refund latestRefund, RuleSet rules) {
        long gross = grossIncomeFen(line, latestRefund);
        return gross - ShareSplit.share(gross, rules.platformFeeBps(line.platform()));
    }
}
