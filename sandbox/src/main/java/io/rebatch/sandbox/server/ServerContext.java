package io.rebatch.sandbox.server;

import io.rebatch.domain.Platform;
import io.rebatch.sandbox.generator.ScenarioGenerator;
import io.rebatch.sandbox.generator.ScenarioWriter;
import io.rebatch.sandbox.generator.SeedMath;
import io.rebatch.sandbox.generator.Snapshot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** What the three gateways share: the scenario, settings, counters, the served-rows log. */
final class ServerContext {
    final ScenarioGenerator generator;
    final Map<Platform, AppCredentials> apps;
    final List<PromotionPeriod> promotions;
    final int banSeconds;
    final int pddUpdatesPerPage;
    final Clock clock;
    final Duration timestampTolerance;
    final Faults faults;
    final long seed;
    private final Map<Platform, Counters> counters = new EnumMap<>(Platform.class);
    private final Map<Platform, List<ServedSnapshot>> served = new EnumMap<>(Platform.class);
    private final SplittableRandom requestIds;

    ServerContext(ScenarioGenerator generator, Map<Platform, AppCredentials> apps, List<PromotionPeriod> promotions,
                  int banSeconds, int pddUpdatesPerPage, Clock clock, Duration timestampTolerance, long seed,
                  double throttleRate, double errorRate) {
        this.generator = generator;
        this.apps = apps;
        this.promotions = List.copyOf(promotions);
        this.banSeconds = banSeconds;
        this.pddUpdatesPerPage = pddUpdatesPerPage;
        this.clock = clock;
        this.timestampTolerance = timestampTolerance;
        this.seed = seed;
        this.faults = new Faults(seed, throttleRate, errorRate);
        this.requestIds = SeedMath.random(seed, 0x5E9);
        for (Platform p : Platform.values()) {
            counters.put(p, new Counters());
            served.put(p, Collections.synchronizedList(new ArrayList<>()));
        }
    }

    Counters counters(Platform p) {
        return counters.get(p);
    }

    List<ServedSnapshot> served(Platform p) {
        synchronized (served.get(p)) {
            return List.copyOf(served.get(p));
        }
    }

    void clear() {
        for (Platform p : Platform.values()) {
            counters.get(p).reset();
            served.get(p).clear();
        }
    }

    /** Counts a successful page and logs its rows. */
    void recordPage(Platform p, String api, List<Snapshot> rows, long requestNo, long pageNo, java.util.function.Predicate<Snapshot> simulated) {
        Counters c = counters.get(p);
        c.pagesServed.incrementAndGet();
        c.snapshotsServed.addAndGet(rows.size());
        List<ServedSnapshot> log = served.get(p);
        for (Snapshot s : rows) {
            log.add(new ServedSnapshot(p, api, s.key(), s.lineId(), s.seq(), s.updatedAt(), s.statusCode(),
                    simulated.test(s), requestNo, pageNo));
        }
    }

    String topRequestId() {
        synchronized (requestIds) {
            return ScenarioWriter.topRequestId(requestIds);
        }
    }

    String jdRequestId() {
        synchronized (requestIds) {
            return ScenarioWriter.jdRequestId(requestIds);
        }
    }

    String pddRequestId() {
        synchronized (requestIds) {
            return ScenarioWriter.pddRequestId(requestIds);
        }
    }

    /** True when a timestamp is acceptable: always, unless a tolerance was configured. */
    boolean timestampFresh(Instant t) {
        if (timestampTolerance == null) {
            return true;
        }
        Duration skew = Duration.between(clock.instant(), t).abs();
        return skew.compareTo(timestampTolerance) <= 0;
    }
}
