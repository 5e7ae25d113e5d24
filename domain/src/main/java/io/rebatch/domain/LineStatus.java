package io.rebatch.domain;

/**
 * Canonical status of an order line (SPEC §3). The rank orders snapshots of equal {@code modified_at}
 * (SPEC §2.1): PAID 1 &lt; RECEIVED 2 &lt; SETTLED 3 &lt; INVALID 4.
 */
public enum LineStatus {
    PAID(1), RECEIVED(2), SETTLED(3), INVALID(4);

    private final int rank;

    LineStatus(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    public static LineStatus ofRank(int rank) {
        for (LineStatus s : values()) {
            if (s.rank == rank) {
                return s;
            }
        }
        throw new IllegalArgumentException("no status of rank " + rank);
    }
}
