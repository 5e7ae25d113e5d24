package io.rebatch.sandbox.generator;

import io.rebatch.domain.Platform;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * One generated order line of the scenario with its whole timeline of snapshots, in update-time
 * order (equal times are possible: the later one then has the higher status rank). A line may also
 * carry a refund timeline (Taobao's refund API). Identity equality: a regenerated line is an equal-valued but
 * distinct object.
 */
public final class GeneratedLine {
    private final Platform platform;
    private final String lineId;
    private final String parentOrderId;
    private final LocalDate creationDay;
    private final long ordinal;
    private final String itemId;
    private final String pid;
    private final Instant createdAt;
    private final List<Instant> snapshotTimes = new ArrayList<>();
    private final List<PlatformRow> snapshotRows = new ArrayList<>();
    private final List<Instant> refundTimes = new ArrayList<>();
    private final List<PlatformRow> refundRows = new ArrayList<>();
    private List<Snapshot> snapshots;
    private List<Snapshot> refunds;

    public GeneratedLine(Platform platform, String lineId, String parentOrderId, LocalDate creationDay, long ordinal,
              String itemId, String pid, Instant createdAt) {
        this.platform = platform;
        this.lineId = lineId;
        this.parentOrderId = parentOrderId;
        this.creationDay = creationDay;
        this.ordinal = ordinal;
        this.itemId = itemId;
        this.pid = pid;
        this.createdAt = createdAt;
    }

    void addSnapshot(Instant t, PlatformRow row) {
        snapshotTimes.add(t);
        snapshotRows.add(row);
    }

    void addRefund(Instant t, PlatformRow row) {
        refundTimes.add(t);
        refundRows.add(row);
    }

    /** Called once the timelines are complete: builds the immutable snapshots with their neighbours. */
    GeneratedLine seal() {
        snapshots = build(snapshotTimes, snapshotRows, false);
        refunds = build(refundTimes, refundRows, true);
        return this;
    }

    private List<Snapshot> build(List<Instant> times, List<PlatformRow> rows, boolean refund) {
        List<Snapshot> out = new ArrayList<>(times.size());
        for (int i = 0; i < times.size(); i++) {
            out.add(new Snapshot(platform, lineId, ordinal, i, refund, times.get(i), rows.get(i),
                    i > 0 ? times.get(i - 1) : null, i > 0 ? rows.get(i - 1) : null,
                    i + 1 < times.size() ? times.get(i + 1) : null));
        }
        return Collections.unmodifiableList(out);
    }

    public Platform platform() {
        return platform;
    }

    public String lineId() {
        return lineId;
    }

    public String parentOrderId() {
        return parentOrderId;
    }

    /** The business date of creation; the line is rebuilt from this day's seed. */
    public LocalDate creationDay() {
        return creationDay;
    }

    /** Position of the line in the whole scenario (0-based, by creation day then order of generation). */
    public long ordinal() {
        return ordinal;
    }

    /** The id clicks are matched on: Taobao {@code item_id}, JD {@code skuId}, PDD {@code goods_id}. */
    public String itemId() {
        return itemId;
    }

    /** The promotion position as a string: Taobao {@code adzone_id}, JD {@code positionId}, PDD {@code p_id}. */
    public String pid() {
        return pid;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public List<Snapshot> snapshots() {
        return snapshots;
    }

    public List<Snapshot> refunds() {
        return refunds;
    }

    /** The line as the platform shows it at instant t: its last snapshot updated at or before t. */
    public Optional<Snapshot> stateAt(Instant t) {
        return latestAtOrBefore(snapshots, t);
    }

    /** The line's refund as shown at instant t (Taobao lines only have one). */
    public Optional<Snapshot> refundStateAt(Instant t) {
        return latestAtOrBefore(refunds, t);
    }

    private static Optional<Snapshot> latestAtOrBefore(List<Snapshot> list, Instant t) {
        Snapshot best = null;
        for (Snapshot s : list) {
            if (!s.updatedAt().isAfter(t)) {
                best = s;
            }
        }
        return Optional.ofNullable(best);
    }

    @Override
    public String toString() {
        return "GeneratedLine[" + platform + " " + lineId + ", " + snapshots.size() + " snapshots]";
    }
}
