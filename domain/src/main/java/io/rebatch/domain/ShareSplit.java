package io.rebatch.domain;

/**
 * The share split of SPEC §5: buyer, inviter and grand-inviter shares of a line's income N, each
 * {@code floor(N * bps / 10000)}, and the platform margin that takes every rounding remainder.
 */
public final class ShareSplit {
    private ShareSplit() {
    }

    /** {@code share(amount, bps) = floor(amount * bps / 10000)}, exact for amounts up to 10^12 fen and bps up to 10000. */
    public static long share(long amountFen, int bps) {
        if (bps < 0 || bps > Rates.MAX_BPS) {
            throw new IllegalArgumentException("bps out of range: " + bps);
        }
        // Exact for |amount| up to 9.2e14 fen at 10000 bp; beyond that multiplyExact refuses instead of wrapping.
        return Math.floorDiv(Math.multiplyExact(amountFen, (long) bps), Rates.MAX_BPS);
    }

    /** The amounts of one line. {@code buyerFen + inviterFen + grandInviterFen + platformMarginFen == incomeFen}. */
    public record Shares(long incomeFen, long buyerFen, long inviterFen, long grandInviterFen, long platformMarginFen) {
        public static Shares unattributed(long incomeFen) {
            return new Shares(incomeFen, 0, 0, 0, incomeFen);
        }

        public long of(Role role) {
            return switch (role) {
                case BUYER -> buyerFen;
                case INVITER -> inviterFen;
                case GRAND_INVITER -> grandInviterFen;
            };
        }
    }

    /** The share in bp a rule set gives a role: the buyer's level share, or the inviter / grand-inviter share. */
    public static int bpsOf(RuleSet rules, Role role, Level buyerLevel) {
        return switch (role) {
            case BUYER -> rules.levelShareBps(buyerLevel);
            case INVITER -> rules.inviterShareBps();
            case GRAND_INVITER -> rules.grandInviterShareBps();
        };
    }

    /**
     * Splits N for a buyer of the given level, with or without inviter and grand-inviter, under a rule set.
     */
    public static Shares split(long incomeFen, RuleSet rules, Level buyerLevel, boolean hasInviter, boolean hasGrandInviter) {
        if (incomeFen < 0) {
            throw new IllegalArgumentException("income must not be negative: " + incomeFen);
        }
        long buyer = share(incomeFen, rules.levelShareBps(buyerLevel));
        long inviter = hasInviter ? share(incomeFen, rules.inviterShareBps()) : 0;
        long grand = hasGrandInviter ? share(incomeFen, rules.grandInviterShareBps()) : 0;
        long margin = incomeFen - buyer - inviter - grand;
        if (margin < 0) {
            throw new IllegalStateException("shares exceed income " + incomeFen + " under rule set " + rules.version());
        }
        return new Shares(incomeFen, buyer, inviter, grand, margin);
    }
}
