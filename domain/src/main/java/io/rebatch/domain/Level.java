package io.rebatch.domain;

/** A user's membership level; it picks the buyer's share in a rule set. */
public enum Level {
    NORMAL, VIP, SVIP
}
