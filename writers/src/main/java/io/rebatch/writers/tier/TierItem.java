package io.rebatch.writers.tier;

/** A buyer's settled rebates S in the month, and the tier bonus already posted for it. */
public record TierItem(long userId, long settledBuyerFen, long postedBonusFen, int revision) {
}
