package io.rebatch.sandbox.generator;

import io.rebatch.domain.BusinessTime;
import io.rebatch.domain.Platform;
import io.rebatch.sandbox.PlatformSimulator;
import io.rebatch.sandbox.Simulators;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A seeded, deterministic scenario: the app's users, bindings and clicks, and order lines on every
 * registered platform ({@link Simulators}) whose status moves over time. Same spec, same
 * simulators, same scenario, byte for byte.
 *
 * <p><b>What it owns.</b> The {@link Population} (users, bindings, item and promotion-position
 * pools) is built in memory at construction. Order lines are <em>not</em> kept: each creation day's
 * lines and clicks are rebuilt on demand from that day's own seed ({@link #day(LocalDate)}), so a
 * scenario of a million lines is streamed a day at a time. The questions the platform APIs answer
 * are answered here: {@link #snapshots(Platform, Instant, Instant)} (every snapshot whose update time
 * lies in {@code [a, b)}), {@link #refundSnapshots(Instant, Instant)}, and
 * {@link GeneratedLine#stateAt(Instant)}; a {@link SnapshotIndex} keeps those queries cheap for a
 * client that walks forward through time.
 *
 * <p><b>Simulated vs real.</b> Field names, codes, units, id shapes, status life cycles and
 * rounding are each platform simulator's (after {@code platforms.md}); timing and the mix of cases
 * are invented. The generator never decides who gets paid what: it has intentions (this line
 * carries the buyer's binding, that one only a click) but publishes no expected attribution, share
 * or balance.
 *
 * <p>Thread-safe: all caches are synchronised; generated objects are immutable once published.
 */
public final class ScenarioGenerator {
    /** No snapshot of a line is updated more than this many days after its creation. */
    public static final int MAX_LIFETIME_DAYS = 40;
    private static final int DAY_CACHE = 3;
    static final long SALT_DAYS = 0x4441_5953L;

    /** Snapshot order used everywhere: update time, line id, timeline, sequence. */
    public static final Comparator<Snapshot> BY_UPDATE_TIME = (a, b) -> {
        int c = a.updatedAt().compareTo(b.updatedAt());
        if (c != 0) {
            return c;
        }
        c = a.lineId().compareTo(b.lineId());
        if (c != 0) {
            return c;
        }
        c = Boolean.compare(a.refund(), b.refund());
        return c != 0 ? c : Integer.compare(a.seq(), b.seq());
    };

    private final ScenarioSpec spec;
    private final Instant horizonEnd;
    private final List<PlatformSimulator> simulators;
    private final Population population;
    private final int[] dayCounts;
    private final long[] dayOrdinalBase;
    private final DayGenerator dayGenerator;
    private final SnapshotIndex index = new SnapshotIndex(this);
    private final Map<LocalDate, DayBatch> dayCache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<LocalDate, DayBatch> eldest) {
            return size() > DAY_CACHE;
        }
    };

    public ScenarioGenerator(ScenarioSpec spec) {
        this.spec = spec;
        this.horizonEnd = BusinessTime.endOf(spec.to());
        this.simulators = Simulators.all();
        this.population = new Population(spec, simulators);

        // how many lines each creation day gets: random weights, largest remainder
        int days = spec.days();
        SplittableRandom dr = SeedMath.random(spec.seed(), SALT_DAYS);
        double[] w = new double[days];
        double total = 0;
        for (int d = 0; d < days; d++) {
            w[d] = 0.6 + dr.nextDouble() * 0.8;
            total += w[d];
        }
        dayCounts = new int[days];
        double[] rem = new double[days];
        int assigned = 0;
        for (int d = 0; d < days; d++) {
            double exact = spec.orders() * w[d] / total;
            dayCounts[d] = (int) Math.floor(exact);
            rem[d] = exact - dayCounts[d];
            assigned += dayCounts[d];
        }
        Integer[] order = IntStream.range(0, days).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer d) -> -rem[d]).thenComparingInt(d -> d));
        for (int k = 0; assigned < spec.orders(); k++, assigned++) {
            dayCounts[order[k % days]]++;
        }
        dayOrdinalBase = new long[days];
        long base = 0;
        for (int d = 0; d < days; d++) {
            dayOrdinalBase[d] = base;
            base += dayCounts[d];
        }
        dayGenerator = new DayGenerator(spec, horizonEnd, population, simulators);
    }

    public ScenarioSpec spec() {
        return spec;
    }

    /** The end of the scenario's world: the end of {@code to} (Asia/Shanghai). No snapshot is updated at or after it. */
    public Instant horizonEnd() {
        return horizonEnd;
    }

    /** The simulators the scenario was generated with, in their order. */
    public List<PlatformSimulator> simulators() {
        return simulators;
    }

    public Population population() {
        return population;
    }

    public List<GeneratedUser> users() {
        return population.users();
    }

    public List<GeneratedBinding> bindings() {
        return population.bindings();
    }

    /** Creation days of the scenario, {@code from} to {@code to}. */
    public List<LocalDate> days() {
        return spec.from().datesUntil(spec.to().plusDays(1)).toList();
    }

    /** Number of lines created on a day (0 outside the scenario). */
    public int lineCount(LocalDate day) {
        int idx = dayIndex(day);
        return idx < 0 ? 0 : dayCounts[idx];
    }

    private int dayIndex(LocalDate day) {
        if (day.isBefore(spec.from()) || day.isAfter(spec.to())) {
            return -1;
        }
        return (int) (day.toEpochDay() - spec.from().toEpochDay());
    }

    /** The lines created on a day and their clicks, rebuilt from that day's seed (a few recent days are cached). */
    public DayBatch day(LocalDate day) {
        if (dayIndex(day) < 0) {
            return new DayBatch(day, List.of(), List.of());
        }
        synchronized (dayCache) {
            DayBatch cached = dayCache.get(day);
            if (cached != null) {
                return cached;
            }
        }
        DayBatch batch = generate(day);
        synchronized (dayCache) {
            dayCache.put(day, batch);
        }
        return batch;
    }

    DayBatch dayUncached(LocalDate day) {
        synchronized (dayCache) {
            DayBatch cached = dayCache.get(day);
            if (cached != null) {
                return cached;
            }
        }
        return generate(day);
    }

    private DayBatch generate(LocalDate day) {
        return dayGenerator.generate(day, lineCount(day), dayOrdinalBase[dayIndex(day)]);
    }

    /** Every line of the scenario, a creation day at a time. */
    public Stream<GeneratedLine> lines() {
        return days().stream().flatMap(d -> dayUncached(d).lines().stream());
    }

    public Stream<GeneratedLine> lines(Platform platform) {
        return lines().filter(l -> l.platform().equals(platform));
    }

    /** Every click row of the scenario (duplicates included), a creation day at a time. */
    public Stream<GeneratedClick> clicks() {
        return days().stream().flatMap(d -> dayUncached(d).clicks().stream());
    }

    /** Finds a line by platform and line id by regenerating days; meant for tests and debugging. */
    public Optional<GeneratedLine> findLine(Platform platform, String lineId) {
        return lines(platform).filter(l -> l.lineId().equals(lineId)).findFirst();
    }

    /** The state of a line as of instant t, as its platform would show it (empty before its first snapshot). */
    public Optional<Snapshot> stateAt(Platform platform, String lineId, Instant t) {
        return findLine(platform, lineId).flatMap(l -> l.stateAt(t));
    }

    /**
     * Every order snapshot of a platform whose update time lies in {@code [from, to)}, sorted by
     * update time, then line id, then sequence.
     */
    public List<Snapshot> snapshots(Platform platform, Instant from, Instant to) {
        return index.orders(platform, from, to);
    }

    /** Every refund snapshot (Taobao's refund API) whose {@code modified_time} lies in {@code [from, to)}, sorted. */
    public List<Snapshot> refundSnapshots(Instant from, Instant to) {
        return index.refunds(from, to);
    }

    /** The order snapshots of a platform updated on business day d (what the day's API dump holds before quirks). */
    public List<Snapshot> snapshotsOn(Platform platform, LocalDate d) {
        return snapshots(platform, BusinessTime.startOf(d), BusinessTime.endOf(d));
    }

    /** The refund snapshots updated on business day d. */
    public List<Snapshot> refundSnapshotsOn(LocalDate d) {
        return refundSnapshots(BusinessTime.startOf(d), BusinessTime.endOf(d));
    }

    /** The latest snapshot of each of the platform's lines created between the two days that passes the filter. */
    public List<Snapshot> latestStates(Platform platform, LocalDate firstDay, LocalDate lastDay, Predicate<Snapshot> keep) {
        List<Snapshot> out = new ArrayList<>();
        for (LocalDate d = firstDay; !d.isAfter(lastDay); d = d.plusDays(1)) {
            for (GeneratedLine line : day(d).lines()) {
                if (!line.platform().equals(platform) || line.snapshots().isEmpty()) {
                    continue;
                }
                Snapshot latest = line.snapshots().get(line.snapshots().size() - 1);
                if (keep.test(latest)) {
                    out.add(latest);
                }
            }
        }
        return out;
    }
}
