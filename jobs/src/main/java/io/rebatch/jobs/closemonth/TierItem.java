package io.rebatch.jobs.closemonth;

/** A buyer's settled rebates S in the month, and the tier bonus already posted for it. */
public record TierItem(long userId, long settledBuyerFen, long postedBonusFen, int revision) {
}
