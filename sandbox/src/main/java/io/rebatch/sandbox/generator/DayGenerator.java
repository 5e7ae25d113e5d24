package io.rebatch.sandbox.generator;

import io.rebatch.domain.BusinessTime;
import io.rebatch.sandbox.PlatformSimulator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Builds one creation day's order lines, their snapshot timelines and their clicks from the day's
 * seed. Only {@link ScenarioGenerator} calls it; everything it decides is a pure function of
 * (scenario seed, day). It draws what orders share (platform, time, buyer, intent, position) and
 * the clicks around each line; each platform's simulator draws its tracking, ids, amounts and
 * status life cycle ({@link PlatformSimulator#startOrder}).
 */
final class DayGenerator {
    static final long SALT_DAY = 0x4441_5921L;
    private static final ZoneOffset SHANGHAI_OFFSET = ZoneOffset.ofHours(8);

    private final List<PlatformSimulator> simulators;
    private final Population population;
    private final GenerationContext ctx;
    private final int totalSharePercent;

    DayGenerator(ScenarioSpec spec, Instant horizonEnd, Population population, List<PlatformSimulator> simulators) {
        this.simulators = simulators;
        this.population = population;
        this.ctx = new GenerationContext(spec.seed(), horizonEnd, population);
        this.totalSharePercent = simulators.stream().mapToInt(PlatformSimulator::lineSharePercent).sum();
    }

    DayBatch generate(LocalDate day, int count, long ordinalBase) {
        SplittableRandom r = SeedMath.random(ctx.seed(), SALT_DAY, day.toEpochDay());
        List<GeneratedLine> lines = new ArrayList<>(count);
        List<GeneratedClick> clicks = new ArrayList<>();
        long ordinal = ordinalBase;
        Instant dayStart = BusinessTime.startOf(day);
        while (lines.size() < count) {
            PlatformSimulator sim = pick(r.nextInt(totalSharePercent));
            int n = sim.multiLineOrders() && r.nextInt(100) < 15 ? 2 + r.nextInt(2) : 1;
            n = Math.min(n, count - lines.size());
            OrderDraft o = newOrder(r, sim, day, dayStart, ordinal);
            OrderLines maker = sim.startOrder(o, r, ctx);
            for (int k = 0; k < n; k++) {
                GeneratedLine line = maker.line(r, k, ordinal);
                lines.add(line.seal());
                clicksFor(r, o, line, clicks);
                ordinal++;
            }
        }
        // the app's click log is not in order
        for (int i = clicks.size() - 1; i > 0; i--) {
            Collections.swap(clicks, i, r.nextInt(i + 1));
        }
        return new DayBatch(day, Collections.unmodifiableList(lines), Collections.unmodifiableList(clicks));
    }

    private PlatformSimulator pick(int roll) {
        int upTo = 0;
        for (PlatformSimulator sim : simulators) {
            upTo += sim.lineSharePercent();
            if (roll < upTo) {
                return sim;
            }
        }
        throw new IllegalStateException("roll " + roll + " beyond the simulators' shares " + upTo);
    }

    private OrderDraft newOrder(SplittableRandom r, PlatformSimulator sim, LocalDate day, Instant dayStart, long ordinal) {
        int roll = r.nextInt(100);
        long second = roll < 6 ? LineDraws.DAY - 1 - r.nextInt(900) : roll < 8 ? r.nextInt(600) : r.nextInt((int) LineDraws.DAY);
        Instant created = dayStart.plusSeconds(second);
        Instant paid = created.plusSeconds(30 + r.nextInt(870));
        String[] pp = population.pids(sim.platform());
        String pid = pp[r.nextInt(pp.length)];
        int[] bound = population.bound(sim.platform());
        int pathRoll = r.nextInt(100);
        OrderDraft.Path path = pathRoll < 45 && bound.length > 0 ? OrderDraft.Path.DIRECT
                : pathRoll < 75 ? OrderDraft.Path.CLICK : OrderDraft.Path.NONE;
        int buyer = path == OrderDraft.Path.DIRECT ? bound[r.nextInt(bound.length)] : r.nextInt(population.userCount());
        return new OrderDraft(day, ordinal, buyer, path, created, paid, pid);
    }

    // ---------------------------------------------------------------- clicks

    /**
     * The clicks around a line: the buyer's own click (for CLICK lines, and for most DIRECT lines),
     * and decoys rebatch must not pick: another user's click after creation, one outside the click
     * window, one on another promotion position, an older competing click, a click by a user who is
     * not loaded, an exact tie on {@code clicked_at}, and duplicate rows of the same click.
     */
    private void clicksFor(SplittableRandom r, OrderDraft o, GeneratedLine line, List<GeneratedClick> out) {
        long idBase = 10_000_000L + line.ordinal() * 8;
        List<GeneratedClick> mine = new ArrayList<>(8);
        int[] next = {0};
        Instant created = line.createdAt();
        long buyer = population.userId(o.buyer());
        boolean buyerClicks = o.path() == OrderDraft.Path.CLICK || (o.path() == OrderDraft.Path.DIRECT && r.nextInt(100) < 60);
        if (buyerClicks) {
            long gap = r.nextInt(100) < 70 ? 60 + r.nextLong(47 * LineDraws.HOUR)
                    : 48 * LineDraws.HOUR + 60 + r.nextLong(24 * LineDraws.HOUR - 120);
            Instant at = created.minusSeconds(gap);
            if (o.path() == OrderDraft.Path.CLICK && r.nextInt(100) < 8) {
                // two users clicked in the same second: the smaller click_id wins, whichever it is
                long other = otherUser(r, buyer);
                boolean buyerFirst = r.nextBoolean();
                mine.add(click(idBase, next, buyerFirst ? buyer : other, line, line.pid(), at, r));
                mine.add(click(idBase, next, buyerFirst ? other : buyer, line, line.pid(), at, r));
            } else {
                mine.add(click(idBase, next, buyer, line, line.pid(), at, r));
            }
            if (r.nextInt(100) < 15) {
                mine.add(click(idBase, next, otherUser(r, buyer), line, line.pid(), at.minusSeconds(60 + r.nextInt(36_000)), r));
            }
            if (r.nextInt(100) < 3) {
                long ghost = population.ghostUserId(r.nextInt(population.ghostUserCount()));
                long room = Duration.between(at, created).getSeconds();
                if (room > 2) {
                    mine.add(click(idBase, next, ghost, line, line.pid(), at.plusSeconds(1 + r.nextLong(room - 1)), r));
                }
            }
        }
        if (r.nextInt(100) < 20) {
            mine.add(click(idBase, next, otherUser(r, buyer), line, line.pid(), created.plusSeconds(1 + r.nextInt(3 * 3_600)), r));
        }
        if (r.nextInt(100) < 15) {
            mine.add(click(idBase, next, otherUser(r, buyer), line, line.pid(),
                    created.minusSeconds(73 * LineDraws.HOUR + r.nextLong(7 * LineDraws.DAY)), r));
        }
        if (r.nextInt(100) < 12) {
            String[] pool = population.pids(line.platform());
            String otherPid = pool[r.nextInt(pool.length)];
            if (!otherPid.equals(line.pid())) {
                mine.add(click(idBase, next, otherUser(r, buyer), line, otherPid, created.minusSeconds(60 + r.nextInt(3_600)), r));
            }
        }
        for (GeneratedClick c : mine) {
            out.add(c);
            if (r.nextInt(100) < 5) {
                ZoneOffset flipped = c.shownOffset().equals(ZoneOffset.UTC) ? SHANGHAI_OFFSET : ZoneOffset.UTC;
                out.add(new GeneratedClick(c.clickId(), c.userId(), c.platform(), c.itemId(), c.pid(), c.clickedAt(), flipped));
            }
        }
    }

    private static GeneratedClick click(long idBase, int[] next, long user, GeneratedLine line, String pid, Instant at, SplittableRandom r) {
        if (next[0] >= 8) {
            throw new IllegalStateException("more than 8 clicks for line " + line.lineId());
        }
        long id = idBase + next[0]++;
        ZoneOffset shown = r.nextBoolean() ? SHANGHAI_OFFSET : ZoneOffset.UTC;
        return new GeneratedClick(id, user, line.platform(), line.itemId(), pid, at.truncatedTo(ChronoUnit.SECONDS), shown);
    }

    private long otherUser(SplittableRandom r, long not) {
        if (population.userCount() == 1) {
            return population.ghostUserId(0);
        }
        while (true) {
            long u = population.userId(r.nextInt(population.userCount()));
            if (u != not) {
                return u;
            }
        }
    }
}
