package io.rebatch.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * SPEC 5 "Balance of a user: pending, available, withdrawing, paid_total — sums of their entries", as a check: the
 * user's ledger entries summed per bucket must equal the stored balance row, to the fen. Used by
 * {@code rebatch explain}, which lists every entry and must prove they add up to what the app shows.
 */
public final class BalanceCheck {
    private final long[] entriesFen = new long[Bucket.values().length];
    private long entries;

    /** Adds one entry of the user (the user's leg; a bucket move is two entries). */
    public void add(Bucket bucket, long amountFen) {
        entriesFen[bucket.ordinal()] = Math.addExact(entriesFen[bucket.ordinal()], amountFen);
        entries++;
    }

    /** The sum of the added entries in a bucket. */
    public long sumFen(Bucket bucket) {
        return entriesFen[bucket.ordinal()];
    }

    /** How many entries were added. */
    public long entries() {
        return entries;
    }

    /** One bucket whose entries do not sum to the balance. */
    public record Mismatch(Bucket bucket, long entriesFen, long balanceFen) {
        /** {@code AVAILABLE entries sum to 780 fen but the balance holds 700 fen}. */
        public String describe() {
            return bucket + " entries sum to " + entriesFen + " fen but the balance holds " + balanceFen + " fen";
        }
    }

    /**
     * The buckets whose sum differs from the balance, in bucket order; empty when every bucket matches.
     *
     * @param balanceFen the balance row, indexed by {@link Bucket#ordinal()} (all zero when the user has none)
     */
    public List<Mismatch> mismatches(long[] balanceFen) {
        if (balanceFen.length != entriesFen.length) {
            throw new IllegalArgumentException("a balance has " + entriesFen.length + " buckets");
        }
        List<Mismatch> out = new ArrayList<>();
        for (Bucket b : Bucket.values()) {
            if (entriesFen[b.ordinal()] != balanceFen[b.ordinal()]) {
                out.add(new Mismatch(b, entriesFen[b.ordinal()], balanceFen[b.ordinal()]));
            }
        }
        return out;
    }
}
