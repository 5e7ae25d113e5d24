package io.rebatch.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Desired-state posting (SPEC §5). For each (line, role, bucket) the job computes the amount that
 * should be posted; this class returns only the differences from what is already posted, each under
 * a deterministic entry key {@code L:platform:line:role:bucket:version:revision}. The revision is the
 * line's posting round (previous round + 1), so a key is never reused even when the same snapshot
 * version needs a second posting (a freeze period ending, a refund arriving).
 */
public final class LedgerDiff {
    private LedgerDiff() {
    }

    /**
     * What one line has posted so far (or should hold), per role and bucket: the six amounts a line can carry, named
     * as in {@code line_settlement}'s columns.
     */
    public record Positions(long buyerPending, long buyerAvailable, long inviterPending, long inviterAvailable,
                            long grandPending, long grandAvailable) {
        private static final Positions NONE = new Positions(0, 0, 0, 0, 0, 0);

        public static Positions none() {
            return NONE;
        }

        /** The amount of a role in a bucket (lines only post to PENDING and AVAILABLE). */
        public long get(Role role, Bucket bucket) {
            boolean pending = pending(bucket);
            return switch (role) {
                case BUYER -> pending ? buyerPending : buyerAvailable;
                case INVITER -> pending ? inviterPending : inviterAvailable;
                case GRAND_INVITER -> pending ? grandPending : grandAvailable;
            };
        }

        /** A copy with the amount of a role in a bucket replaced. */
        public Positions with(Role role, Bucket bucket, long fen) {
            boolean pending = pending(bucket);
            return switch (role) {
                case BUYER -> pending ? new Positions(fen, buyerAvailable, inviterPending, inviterAvailable,
                        grandPending, grandAvailable) : new Positions(buyerPending, fen, inviterPending,
                        inviterAvailable, grandPending, grandAvailable);
                case INVITER -> pending ? new Positions(buyerPending, buyerAvailable, fen, inviterAvailable,
                        grandPending, grandAvailable) : new Positions(buyerPending, buyerAvailable, inviterPending,
                        fen, grandPending, grandAvailable);
                case GRAND_INVITER -> pending ? new Positions(buyerPending, buyerAvailable, inviterPending,
                        inviterAvailable, fen, grandAvailable) : new Positions(buyerPending, buyerAvailable,
                        inviterPending, inviterAvailable, grandPending, fen);
            };
        }

        public Positions plus(List<Posting> postings) {
            Positions next = this;
            for (Posting p : postings) {
                next = next.with(p.role(), p.bucket(), next.get(p.role(), p.bucket()) + p.deltaFen());
            }
            return next;
        }

        private static boolean pending(Bucket bucket) {
            return switch (bucket) {
                case PENDING -> true;
                case AVAILABLE -> false;
                default -> throw new IllegalArgumentException("lines only post to PENDING or AVAILABLE, not " + bucket);
            };
        }
    }

    /** One posting: the user's leg gets {@code deltaFen}, the platform account the opposite. */
    public record Posting(String entryKey, Role role, Bucket bucket, long userId, long deltaFen) {
    }

    /** The positions a line should hold: each present beneficiary's share in the given bucket (null bucket: none). */
    public static Positions targets(Attribution.Beneficiaries beneficiaries, ShareSplit.Shares shares, Bucket bucket) {
        Positions t = Positions.none();
        if (beneficiaries != null && bucket != null) {
            for (Role role : Role.values()) {
                if (beneficiaries.userFor(role) != null) {
                    t = t.with(role, bucket, shares.of(role));
                }
            }
        }
        return t;
    }

    public static List<Posting> diff(Platform platform, String orderLineId, SnapshotOrder.Version version, int revision,
                                     Attribution.Beneficiaries beneficiaries, Positions target, Positions posted) {
        List<Posting> out = new ArrayList<>(2);
        for (Role role : Role.values()) {
            for (Bucket bucket : new Bucket[] {Bucket.PENDING, Bucket.AVAILABLE}) {
                long delta = target.get(role, bucket) - posted.get(role, bucket);
                if (delta != 0) {
                    Long user = beneficiaries == null ? null : beneficiaries.userFor(role);
                    if (user == null) {
                        throw new IllegalStateException("posting for " + role + " of " + platform + " line " + orderLineId
                                + " without a beneficiary");
                    }
                    out.add(new Posting(entryKey(platform, orderLineId, role, bucket, version, revision),
                            role, bucket, user, delta));
                }
            }
        }
        return out;
    }

    public static String entryKey(Platform platform, String orderLineId, Role role, Bucket bucket,
                                  SnapshotOrder.Version version, int revision) {
        return "L:" + platform + ":" + orderLineId + ":" + role + ":" + bucket + ":" + version.key() + ":" + revision;
    }

    /** What a line posting's entry key says: the line, role, bucket, the snapshot version posted and the round. */
    public record LineKey(String platform, String orderLineId, Role role, Bucket bucket, SnapshotOrder.Version version,
                          int revision) {
    }

    /**
     * Reads a key made by {@link #entryKey}; null when {@code key} is not a line posting's key. The line id may hold
     * any character but ':' is never in a platform, role, bucket, version or revision, so the key is read from both
     * ends.
     */
    public static LineKey parseLineKey(String key) {
        if (key == null || !key.startsWith("L:")) {
            return null;
        }
        String[] head = key.split(":", 3);
        String[] tail = head.length < 3 ? new String[0] : head[2].split(":");
        if (tail.length < 5) {
            return null;
        }
        int n = tail.length;
        try {
            String[] version = tail[n - 2].split("\\.");
            if (version.length != 2) {
                return null;
            }
            String lineId = String.join(":", java.util.Arrays.copyOfRange(tail, 0, n - 4));
            return new LineKey(head[1], lineId, Role.valueOf(tail[n - 4]), Bucket.valueOf(tail[n - 3]),
                    new SnapshotOrder.Version(java.time.Instant.ofEpochMilli(Long.parseLong(version[0])),
                            Integer.parseInt(version[1])), Integer.parseInt(tail[n - 1]));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * A month's tier bonus for one buyer as a desired state (SPEC §6): the bonus the buyer should have, what the
     * month's bonus row says, and the posting that moves one to the other ({@code deltaFen}, null {@code entryKey}
     * when nothing is to post).
     */
    public record TierPosting(long bonusFen, long deltaFen, int revision, String entryKey) {
        public boolean posts() {
            return deltaFen != 0;
        }
    }

    /**
     * The tier bonus difference: {@code desiredBonusFen} minus the {@code postedBonusFen} already posted in
     * {@code postedRevision} rounds; a non-zero difference is the next round, under {@link #tierKey}.
     */
    public static TierPosting tier(long userId, String month, long desiredBonusFen, long postedBonusFen,
                                   int postedRevision) {
        long delta = desiredBonusFen - postedBonusFen;
        if (delta == 0) {
            return new TierPosting(desiredBonusFen, 0, postedRevision, null);
        }
        int revision = postedRevision + 1;
        return new TierPosting(desiredBonusFen, delta, revision, tierKey(userId, month, revision));
    }

    /** The key of a month's tier bonus: {@code TIER:user:M} for the first posting, then {@code TIER:user:M:n}. */
    public static String tierKey(long userId, String month, int revision) {
        return revision <= 1 ? "TIER:" + userId + ":" + month : "TIER:" + userId + ":" + month + ":" + revision;
    }
}
