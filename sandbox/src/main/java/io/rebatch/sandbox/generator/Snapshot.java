package io.rebatch.sandbox.generator;

import io.rebatch.domain.Platform;

import java.time.Instant;

/**
 * One state of an order line (or, for Taobao, of its refund) as the platform reports it, stamped
 * with its update time ({@code modified_time} / {@code modifyTime} / {@code order_modify_at}).
 *
 * <p>A snapshot does not hold its {@link GeneratedLine}, so that a day's snapshots can be kept
 * without keeping every line they came from; it carries just enough of its neighbours: the
 * previous snapshot's row and time (platforms re-send it) and the next snapshot's time.
 *
 * @param lineOrdinal the line's position in the scenario ({@link GeneratedLine#ordinal()})
 * @param seq         index of this snapshot in its timeline (orders and refunds counted separately)
 * @param refund      true for a Taobao refund ({@code taobao.tbk.relation.refund}) snapshot
 * @param previousUpdatedAt update time of the line's previous snapshot in the same timeline, or null
 * @param previousRow row of the line's previous snapshot in the same timeline, or null
 * @param nextUpdatedAt update time of the line's next snapshot in the same timeline, or null when this is the last one
 */
public record Snapshot(Platform platform, String lineId, long lineOrdinal, int seq, boolean refund, Instant updatedAt,
                       PlatformRow row, Instant previousUpdatedAt, PlatformRow previousRow, Instant nextUpdatedAt) {

    public int statusCode() {
        return row.statusCode();
    }

    /**
     * The line's previous snapshot in the same timeline, or null. It is rebuilt from what this one
     * carries, so its own {@code previous()} is null and its {@code nextUpdatedAt} is this one's time.
     */
    public Snapshot previous() {
        if (previousRow == null) {
            return null;
        }
        return new Snapshot(platform, lineId, lineOrdinal, seq - 1, refund, previousUpdatedAt, previousRow, null, null,
                updatedAt);
    }

    /** The same snapshot with another update time and row: the sandbox server's simulated updates. */
    public Snapshot restamped(Instant newUpdatedAt, PlatformRow newRow) {
        return new Snapshot(platform, lineId, lineOrdinal, seq, refund, newUpdatedAt, newRow, previousUpdatedAt,
                previousRow, nextUpdatedAt);
    }

    /** A stable text key: platform, line id, timeline, sequence. */
    public String key() {
        return platform + ":" + lineId + (refund ? ":R" : ":O") + seq;
    }

    @Override
    public String toString() {
        return "Snapshot[" + key() + " @" + updatedAt + " status=" + row.statusCode() + "]";
    }
}
