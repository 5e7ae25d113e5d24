package io.rebatch.sandbox.server;

import io.rebatch.domain.Platform;
import io.rebatch.sandbox.PlatformSimulator;
import io.rebatch.sandbox.generator.ScenarioGenerator;
import io.rebatch.sandbox.generator.SeedMath;
import io.rebatch.sandbox.generator.Snapshot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Predicate;

/** What the gateways of one server share: the scenario, settings, counters, the served-rows log, request ids. */
public final class ServerContext {
    private final ScenarioGenerator generator;
    private final Map<Platform, AppCredentials> apps;
    private final List<PromotionPeriod> promotions;
    private final int banSeconds;
    private final int pddUpdatesPerPage;
    private final Clock clock;
    private final Duration timestampTolerance;
    private final long seed;
    final Faults faults;
    private final Map<Platform, Counters> counters = new HashMap<>();
    private final Map<Platform, List<ServedSnapshot>> served = new HashMap<>();
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
        this.faults = new Faults(seed, throttleRate, errorRate, generator.simulators());
        this.requestIds = SeedMath.random(seed, 0x5E9);
        for (PlatformSimulator sim : generator.simulators()) {
            counters.put(sim.platform(), new Counters());
            served.put(sim.platform(), Collections.synchronizedList(new ArrayList<>()));
        }
    }

    public ScenarioGenerator generator() {
        return generator;
    }

    public AppCredentials app(Platform p) {
        return apps.get(p);
    }

    /** Big-promotion periods (Taobao's shorter windows). */
    public List<PromotionPeriod> promotions() {
        return promotions;
    }

    /** N in a throttling answer's "ban will last for N more seconds". */
    public int banSeconds() {
        return banSeconds;
    }

    /** Pinduoduo updates simulated before each further page of a window; 0 for none. */
    public int pddUpdatesPerPage() {
        return pddUpdatesPerPage;
    }

    /** The server's seed (fault injection, request ids, simulated updates). */
    public long seed() {
        return seed;
    }

    public Counters counters(Platform p) {
        return counters.get(p);
    }

    List<ServedSnapshot> served(Platform p) {
        synchronized (served.get(p)) {
            return List.copyOf(served.get(p));
        }
    }

    void clear() {
        for (Counters c : counters.values()) {
            c.reset();
        }
        for (List<ServedSnapshot> log : served.values()) {
            log.clear();
        }
    }

    /** Counts a successful page and logs its rows. */
    public void recordPage(Platform p, String api, List<Snapshot> rows, long requestNo, long pageNo, Predicate<Snapshot> simulated) {
        Counters c = counters.get(p);
        c.pagesServed.incrementAndGet();
        c.snapshotsServed.addAndGet(rows.size());
        List<ServedSnapshot> log = served.get(p);
        for (Snapshot s : rows) {
            log.add(new ServedSnapshot(p, api, s.key(), s.lineId(), s.seq(), s.updatedAt(), s.statusCode(),
                    simulated.test(s), requestNo, pageNo));
        }
    }

    /** The next request id, in the platform's shape; one seeded stream for every platform of the server. */
    public String requestId(Function<SplittableRandom, String> shape) {
        synchronized (requestIds) {
            return shape.apply(requestIds);
        }
    }

    /** True when a timestamp is acceptable: always, unless a tolerance was configured. */
    public boolean timestampFresh(Instant t) {
        if (timestampTolerance == null) {
            return true;
        }
        Duration skew = Duration.between(clock.instant(), t).abs();
        return skew.compareTo(timestampTolerance) <= 0;
    }
}
