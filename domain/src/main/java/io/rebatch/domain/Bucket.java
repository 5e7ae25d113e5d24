package io.rebatch.domain;

/** Balance buckets a user's money sits in (SPEC §5, §7). Line money only ever targets PENDING or AVAILABLE. */
public enum Bucket {
    PENDING, AVAILABLE, WITHDRAWING, PAID
}
