package io.rebatch.sandbox.generator;

import io.rebatch.domain.BusinessTime;
import io.rebatch.domain.Platform;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The snapshots of a scenario by update day: what the platform APIs' time-window questions need.
 * Buckets are built a week at a time from the creation days that can reach them (a line lives at
 * most {@link ScenarioGenerator#MAX_LIFETIME_DAYS}) and a few are cached, so a client walking
 * forward through time regenerates each creation day only a few times.
 */
final class SnapshotIndex {
    private static final int BUCKET_BATCH_DAYS = 7;
    private static final int BUCKET_CACHE_DAYS = 9;

    private final ScenarioGenerator g;
    private final Map<LocalDate, DayBucket> bucketCache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<LocalDate, DayBucket> eldest) {
            return size() > BUCKET_CACHE_DAYS;
        }
    };

    SnapshotIndex(ScenarioGenerator g) {
        this.g = g;
    }

    List<Snapshot> orders(Platform platform, Instant from, Instant to) {
        return collect(from, to, bucket -> bucket.orders(platform));
    }

    List<Snapshot> refunds(Instant from, Instant to) {
        return collect(from, to, DayBucket::refunds);
    }

    private List<Snapshot> collect(Instant from, Instant to, Function<DayBucket, List<Snapshot>> pick) {
        ScenarioSpec spec = g.spec();
        Instant lo = from.isBefore(BusinessTime.startOf(spec.from())) ? BusinessTime.startOf(spec.from()) : from;
        Instant hi = to.isAfter(g.horizonEnd()) ? g.horizonEnd() : to;
        if (!lo.isBefore(hi)) {
            return List.of();
        }
        List<Snapshot> out = new ArrayList<>();
        LocalDate last = BusinessTime.dateOf(hi.minusNanos(1));
        for (LocalDate d = BusinessTime.dateOf(lo); !d.isAfter(last); d = d.plusDays(1)) {
            for (Snapshot s : pick.apply(bucket(d))) {
                if (!s.updatedAt().isBefore(lo) && s.updatedAt().isBefore(hi)) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    private DayBucket bucket(LocalDate d) {
        ScenarioSpec spec = g.spec();
        synchronized (bucketCache) {
            DayBucket b = bucketCache.get(d);
            if (b != null) {
                return b;
            }
            LocalDate last = d.plusDays(BUCKET_BATCH_DAYS - 1);
            if (last.isAfter(spec.to())) {
                last = spec.to();
            }
            if (last.isBefore(d)) {
                last = d;
            }
            Map<LocalDate, DayBucket.Builder> building = new LinkedHashMap<>();
            for (LocalDate u = d; !u.isAfter(last); u = u.plusDays(1)) {
                if (!bucketCache.containsKey(u)) {
                    building.put(u, new DayBucket.Builder());
                }
            }
            LocalDate firstCreation = d.minusDays(ScenarioGenerator.MAX_LIFETIME_DAYS + 1L);
            if (firstCreation.isBefore(spec.from())) {
                firstCreation = spec.from();
            }
            for (LocalDate c = firstCreation; !c.isAfter(last) && !c.isAfter(spec.to()); c = c.plusDays(1)) {
                for (GeneratedLine line : g.dayUncached(c).lines()) {
                    for (Snapshot s : line.snapshots()) {
                        DayBucket.Builder target = building.get(BusinessTime.dateOf(s.updatedAt()));
                        if (target != null) {
                            target.orders.computeIfAbsent(s.platform(), p -> new ArrayList<>()).add(s);
                        }
                    }
                    for (Snapshot s : line.refunds()) {
                        DayBucket.Builder target = building.get(BusinessTime.dateOf(s.updatedAt()));
                        if (target != null) {
                            target.refunds.add(s);
                        }
                    }
                }
            }
            for (Map.Entry<LocalDate, DayBucket.Builder> e : building.entrySet()) {
                bucketCache.put(e.getKey(), e.getValue().build());
            }
            return bucketCache.get(d) != null ? bucketCache.get(d) : building.get(d).build();
        }
    }

    /** The snapshots updated on one business day, per platform, sorted. */
    private record DayBucket(Map<Platform, List<Snapshot>> ordersByPlatform, List<Snapshot> refunds) {
        List<Snapshot> orders(Platform p) {
            return ordersByPlatform.getOrDefault(p, List.of());
        }

        static final class Builder {
            final Map<Platform, List<Snapshot>> orders = new HashMap<>();
            final List<Snapshot> refunds = new ArrayList<>();

            DayBucket build() {
                Map<Platform, List<Snapshot>> m = new HashMap<>();
                for (var e : orders.entrySet()) {
                    List<Snapshot> l = new ArrayList<>(e.getValue());
                    l.sort(ScenarioGenerator.BY_UPDATE_TIME);
                    m.put(e.getKey(), Collections.unmodifiableList(l));
                }
                List<Snapshot> r = new ArrayList<>(refunds);
                r.sort(ScenarioGenerator.BY_UPDATE_TIME);
                return new DayBucket(m, Collections.unmodifiableList(r));
            }
        }
    }
}
