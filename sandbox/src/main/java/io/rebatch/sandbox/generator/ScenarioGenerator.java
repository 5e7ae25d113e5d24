package io.rebatch.sandbox.generator;

import io.rebatch.domain.BindingKind;
import io.rebatch.domain.BusinessTime;
import io.rebatch.domain.Level;
import io.rebatch.domain.Platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A seeded, deterministic scenario: the app's users, bindings and clicks, and order lines on
 * Taobao, JD and Pinduoduo whose status moves over time. Same spec, same scenario, byte for byte.
 *
 * <p><b>What it owns.</b> The population (users, bindings, item and promotion-position pools) is
 * built in memory at construction. Order lines are <em>not</em> kept: each creation day's lines
 * and clicks are rebuilt on demand from that day's own seed ({@link #day(LocalDate)}), so a
 * scenario of a million lines is streamed a day at a time. The questions the platform APIs answer
 * are answered here: {@link #snapshots(Platform, Instant, Instant)} (every snapshot whose update time
 * lies in {@code [a, b)}), {@link #refundSnapshots(Instant, Instant)}, and
 * {@link OrderLine#stateAt(Instant)}. A small cache of per-update-day buckets keeps those queries
 * cheap for a client that walks forward through time.
 *
 * <p><b>Simulated vs real.</b> Field names, codes, units, id shapes and status life cycles follow
 * {@code platforms.md} (the real APIs); amounts are computed the way the platforms round them
 * (Taobao commission floored, tech fee half-up; JD fee half-up; PDD promotion amount half-up).
 * Timing (how long until receipt, settlement, refunds) and the mix of cases are invented. The
 * generator never decides who gets paid what: it has intentions (this line carries the buyer's
 * binding, that one only a click) but publishes no expected attribution, share or balance.
 *
 * <p>Thread-safe: all caches are synchronised; generated objects are immutable once published.
 */
public final class ScenarioGenerator {
    /** No snapshot of a line is updated more than this many days after its creation. */
    public static final int MAX_LIFETIME_DAYS = 40;
    private static final int BUCKET_BATCH_DAYS = 7;
    private static final int BUCKET_CACHE_DAYS = 9;
    private static final int DAY_CACHE = 3;

    static final long SALT_USERS = 0x5553_4552L;
    static final long SALT_BINDINGS = 0x4249_4e44L;
    static final long SALT_ITEMS = 0x4954_454dL;
    static final long SALT_DAYS = 0x4441_5953L;
    static final long SALT_DAY = 0x4441_5921L;

    private static final String[] TITLES = {
            "蓝月亮 洗衣液 3kg×2瓶", "小米 手环8 NFC版", "夏季新款纯棉T恤 男士短袖", "Apple AirPods Pro (第二代)",
            "花王 妙而舒 纸尿裤 L54片", "得力 中性笔 0.5mm 12支装", "三只松鼠 坚果礼盒 1.5kg", "李宁 跑步鞋, \"轻羽\" 系列",
            "维达 抽纸 3层100抽×24包", "九阳 豆浆机 家用全自动", "百草味 零食大礼包", "飞利浦 电动牙刷 HX6730",
            "安踏 运动裤 男 宽松", "美的 电饭煲 4L 智能", "农夫山泉 饮用天然水 550ml×24瓶", "华为 Mate 手机壳 硅胶"};
    private static final int[] TAOBAO_RATES_BPS = {150, 300, 500, 800, 1200, 2000, 3000};
    private static final int[] JD_RATES_BPS = {100, 200, 300, 500, 800, 1000, 1200, 1500, 2000, 3000};
    private static final int[] PDD_RATES_PERMILLE = {15, 30, 50, 80, 120, 150, 200, 300};

    private final ScenarioSpec spec;
    private final Instant horizonEnd;

    // population
    private final List<User> users;
    private final List<Binding> bindings;
    final long[] userIds;
    final long[] relationIds;
    final long[] specialIds;
    final String[] subUnionIds;
    final String[] pddUids;
    final int[] taobaoBound;
    final int[] jdBound;
    final int[] pddBound;
    final long[] ghostUserIds;
    final long[] ghostRelationIds;
    final String[] ghostSubUnionIds;
    final String[] ghostPddUids;
    final Set<String> boundValues = new HashSet<>();
    final Map<Platform, Item[]> items = new EnumMap<>(Platform.class);
    final Map<Platform, String[]> pids = new EnumMap<>(Platform.class);

    // days
    private final int[] dayCounts;
    private final long[] dayOrdinalBase;
    private final DayGenerator dayGenerator;

    private final Map<LocalDate, DayBatch> dayCache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<LocalDate, DayBatch> eldest) {
            return size() > DAY_CACHE;
        }
    };
    private final Map<LocalDate, DayBucket> bucketCache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<LocalDate, DayBucket> eldest) {
            return size() > BUCKET_CACHE_DAYS;
        }
    };

    public ScenarioGenerator(ScenarioSpec spec) {
        this.spec = spec;
        this.horizonEnd = BusinessTime.endOf(spec.to());
        int n = spec.users();
        SplittableRandom r = SeedMath.random(spec.seed(), SALT_USERS);

        // users: random 6-digit ids (wider when there are many), levels, inviter chains
        long range = Math.max(900_000L, n * 4L);
        LinkedHashSet<Long> ids = new LinkedHashSet<>();
        while (ids.size() < n) {
            ids.add(100_000L + r.nextLong(range));
        }
        userIds = ids.stream().mapToLong(Long::longValue).toArray();
        int ghosts = Math.max(3, n / 20);
        LinkedHashSet<Long> ghostIds = new LinkedHashSet<>();
        while (ghostIds.size() < ghosts) {
            long g = 100_000L + r.nextLong(range);
            if (!ids.contains(g)) {
                ghostIds.add(g);
            }
        }
        ghostUserIds = ghostIds.stream().mapToLong(Long::longValue).toArray();
        List<User> us = new ArrayList<>(n);
        Instant firstDay = BusinessTime.startOf(spec.from());
        for (int i = 0; i < n; i++) {
            int lv = r.nextInt(100);
            Level level = lv < 50 ? Level.NORMAL : lv < 80 ? Level.VIP : Level.SVIP;
            Long inviter = null;
            if (i > 0 && r.nextInt(100) < 65) {
                inviter = r.nextInt(100) < 7 ? ghostUserIds[r.nextInt(ghostUserIds.length)] : userIds[r.nextInt(i)];
            }
            Instant registered = firstDay.minusSeconds(86_400L * (30 + r.nextInt(500)) + r.nextInt(86_400));
            ZoneOffset shown = r.nextBoolean() ? ZoneOffset.ofHours(8) : ZoneOffset.UTC;
            us.add(new User(userIds[i], level, inviter, registered, shown));
        }
        users = Collections.unmodifiableList(us);

        // bindings: each user may have one value per kind; values are unique; a few bind unloaded users
        SplittableRandom b = SeedMath.random(spec.seed(), SALT_BINDINGS);
        relationIds = new long[n];
        specialIds = new long[n];
        subUnionIds = new String[n];
        pddUids = new String[n];
        List<Binding> bs = new ArrayList<>();
        List<Integer> tb = new ArrayList<>();
        List<Integer> jd = new ArrayList<>();
        List<Integer> pdd = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (b.nextInt(100) < 55) {
                relationIds[i] = freshTenDigits(b);
            }
            if (b.nextInt(100) < 20) {
                specialIds[i] = freshTenDigits(b);
            }
            if (b.nextInt(100) < 50) {
                subUnionIds[i] = freshString(b, "rb", 8);
            }
            if (b.nextInt(100) < 50) {
                pddUids[i] = freshString(b, "", 10);
            }
            if (relationIds[i] != 0 || specialIds[i] != 0) {
                tb.add(i);
            }
            if (subUnionIds[i] != null) {
                jd.add(i);
            }
            if (pddUids[i] != null) {
                pdd.add(i);
            }
        }
        int ghostBindings = Math.max(1, n / 40);
        ghostRelationIds = new long[ghostBindings];
        ghostSubUnionIds = new String[ghostBindings];
        ghostPddUids = new String[ghostBindings];
        for (int g = 0; g < ghostBindings; g++) {
            ghostRelationIds[g] = freshTenDigits(b);
            ghostSubUnionIds[g] = freshString(b, "rb", 8);
            ghostPddUids[g] = freshString(b, "", 10);
        }
        for (int i = 0; i < n; i++) {
            if (relationIds[i] != 0) {
                bs.add(new Binding(Platform.TAOBAO, BindingKind.RELATION_ID, Long.toString(relationIds[i]), userIds[i]));
            }
        }
        for (int g = 0; g < ghostBindings; g++) {
            bs.add(new Binding(Platform.TAOBAO, BindingKind.RELATION_ID, Long.toString(ghostRelationIds[g]), ghostUserIds[g % ghostUserIds.length]));
        }
        for (int i = 0; i < n; i++) {
            if (specialIds[i] != 0) {
                bs.add(new Binding(Platform.TAOBAO, BindingKind.SPECIAL_ID, Long.toString(specialIds[i]), userIds[i]));
            }
        }
        for (int i = 0; i < n; i++) {
            if (subUnionIds[i] != null) {
                bs.add(new Binding(Platform.JD, BindingKind.SUB_UNION_ID, subUnionIds[i], userIds[i]));
            }
        }
        for (int g = 0; g < ghostBindings; g++) {
            bs.add(new Binding(Platform.JD, BindingKind.SUB_UNION_ID, ghostSubUnionIds[g], ghostUserIds[g % ghostUserIds.length]));
        }
        for (int i = 0; i < n; i++) {
            if (pddUids[i] != null) {
                bs.add(new Binding(Platform.PDD, BindingKind.CUSTOM_PARAMETERS_UID, pddUids[i], userIds[i]));
            }
        }
        for (int g = 0; g < ghostBindings; g++) {
            bs.add(new Binding(Platform.PDD, BindingKind.CUSTOM_PARAMETERS_UID, ghostPddUids[g], ghostUserIds[g % ghostUserIds.length]));
        }
        bindings = Collections.unmodifiableList(bs);
        taobaoBound = tb.stream().mapToInt(Integer::intValue).toArray();
        jdBound = jd.stream().mapToInt(Integer::intValue).toArray();
        pddBound = pdd.stream().mapToInt(Integer::intValue).toArray();

        // item and promotion-position pools
        SplittableRandom it = SeedMath.random(spec.seed(), SALT_ITEMS);
        int poolSize = Math.max(12, Math.min(20_000, spec.orders() / 6));
        int pidPool = Math.max(4, Math.min(2_000, n / 4));
        for (Platform p : Platform.values()) {
            Item[] pool = new Item[poolSize];
            Set<String> seen = new HashSet<>();
            for (int k = 0; k < poolSize; k++) {
                String id;
                do {
                    id = p == Platform.TAOBAO && it.nextInt(100) < 45
                            ? SeedMath.token(it, 33)
                            : Long.toString(100_000_000_000L + it.nextLong(900_000_000_000L));
                } while (!seen.add(id));
                long unit = it.nextInt(100) < 8 ? 50_000 + it.nextLong(450_000) : 590 + it.nextLong(99_000);
                int rate = switch (p) {
                    case TAOBAO -> TAOBAO_RATES_BPS[it.nextInt(TAOBAO_RATES_BPS.length)];
                    case JD -> JD_RATES_BPS[it.nextInt(JD_RATES_BPS.length)];
                    case PDD -> PDD_RATES_PERMILLE[it.nextInt(PDD_RATES_PERMILLE.length)];
                };
                pool[k] = new Item(id, TITLES[it.nextInt(TITLES.length)], unit, rate);
            }
            items.put(p, pool);
            String[] pp = new String[pidPool];
            Set<String> seenPid = new HashSet<>();
            for (int k = 0; k < pidPool; k++) {
                String pid;
                do {
                    pid = p == Platform.PDD
                            ? (100_000 + it.nextInt(900_000)) + "_" + (10_000_000 + it.nextInt(90_000_000))
                            : Long.toString(10_000_000_000L + it.nextLong(90_000_000_000L));
                } while (!seenPid.add(pid));
                pp[k] = pid;
            }
            pids.put(p, pp);
        }

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
        java.util.Arrays.sort(order, Comparator.comparingDouble((Integer d) -> -rem[d]).thenComparingInt(d -> d));
        for (int k = 0; assigned < spec.orders(); k++, assigned++) {
            dayCounts[order[k % days]]++;
        }
        dayOrdinalBase = new long[days];
        long base = 0;
        for (int d = 0; d < days; d++) {
            dayOrdinalBase[d] = base;
            base += dayCounts[d];
        }
        dayGenerator = new DayGenerator(this);
    }

    private long freshTenDigits(SplittableRandom r) {
        while (true) {
            long v = 1_000_000_000L + r.nextLong(8_999_999_999L);
            if (boundValues.add(Long.toString(v))) {
                return v;
            }
        }
    }

    private String freshString(SplittableRandom r, String prefix, int hexDigits) {
        while (true) {
            String v = prefix + SeedMath.hex(r, hexDigits);
            if (boundValues.add(v)) {
                return v;
            }
        }
    }

    public ScenarioSpec spec() {
        return spec;
    }

    /** The end of the scenario's world: the end of {@code to} (Asia/Shanghai). No snapshot is updated at or after it. */
    public Instant horizonEnd() {
        return horizonEnd;
    }

    public List<User> users() {
        return users;
    }

    public List<Binding> bindings() {
        return bindings;
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

    int dayIndex(LocalDate day) {
        if (day.isBefore(spec.from()) || day.isAfter(spec.to())) {
            return -1;
        }
        return (int) (day.toEpochDay() - spec.from().toEpochDay());
    }

    long ordinalBase(LocalDate day) {
        return dayOrdinalBase[dayIndex(day)];
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
        DayBatch batch = dayGenerator.generate(day, lineCount(day), ordinalBase(day));
        synchronized (dayCache) {
            dayCache.put(day, batch);
        }
        return batch;
    }

    private DayBatch dayUncached(LocalDate day) {
        synchronized (dayCache) {
            DayBatch cached = dayCache.get(day);
            if (cached != null) {
                return cached;
            }
        }
        return dayGenerator.generate(day, lineCount(day), ordinalBase(day));
    }

    /** Every line of the scenario, a creation day at a time. */
    public Stream<OrderLine> lines() {
        return days().stream().flatMap(d -> dayUncached(d).lines().stream());
    }

    public Stream<OrderLine> lines(Platform platform) {
        return lines().filter(l -> l.platform() == platform);
    }

    /** Every click row of the scenario (duplicates included), a creation day at a time. */
    public Stream<Click> clicks() {
        return days().stream().flatMap(d -> dayUncached(d).clicks().stream());
    }

    /** Finds a line by platform and line id by regenerating days; meant for tests and debugging. */
    public Optional<OrderLine> findLine(Platform platform, String lineId) {
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
        return collect(from, to, bucket -> bucket.orders(platform));
    }

    /** Every Taobao refund snapshot whose {@code modified_time} lies in {@code [from, to)}, sorted. */
    public List<Snapshot> refundSnapshots(Instant from, Instant to) {
        return collect(from, to, DayBucket::refunds);
    }

    /** The order snapshots of a platform updated on business day d (what the day's API dump holds before quirks). */
    public List<Snapshot> snapshotsOn(Platform platform, LocalDate d) {
        return snapshots(platform, BusinessTime.startOf(d), BusinessTime.endOf(d));
    }

    /** The Taobao refund snapshots updated on business day d. */
    public List<Snapshot> refundSnapshotsOn(LocalDate d) {
        return refundSnapshots(BusinessTime.startOf(d), BusinessTime.endOf(d));
    }

    private List<Snapshot> collect(Instant from, Instant to, java.util.function.Function<DayBucket, List<Snapshot>> pick) {
        Instant lo = from.isBefore(BusinessTime.startOf(spec.from())) ? BusinessTime.startOf(spec.from()) : from;
        Instant hi = to.isAfter(horizonEnd) ? horizonEnd : to;
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

    private DayBucket bucket(LocalDate d) {
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
            LocalDate firstCreation = d.minusDays(MAX_LIFETIME_DAYS + 1L);
            if (firstCreation.isBefore(spec.from())) {
                firstCreation = spec.from();
            }
            for (LocalDate c = firstCreation; !c.isAfter(last) && !c.isAfter(spec.to()); c = c.plusDays(1)) {
                for (OrderLine line : dayUncached(c).lines()) {
                    for (Snapshot s : line.snapshots()) {
                        DayBucket.Builder target = building.get(BusinessTime.dateOf(s.updatedAt()));
                        if (target != null) {
                            target.orders.get(s.platform()).add(s);
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
    record DayBucket(Map<Platform, List<Snapshot>> ordersByPlatform, List<Snapshot> refunds) {
        List<Snapshot> orders(Platform p) {
            return ordersByPlatform.get(p);
        }

        static final class Builder {
            final Map<Platform, List<Snapshot>> orders = new EnumMap<>(Platform.class);
            final List<Snapshot> refunds = new ArrayList<>();

            Builder() {
                for (Platform p : Platform.values()) {
                    orders.put(p, new ArrayList<>());
                }
            }

            DayBucket build() {
                Map<Platform, List<Snapshot>> m = new EnumMap<>(Platform.class);
                for (var e : orders.entrySet()) {
                    List<Snapshot> l = new ArrayList<>(e.getValue());
                    l.sort(BY_UPDATE_TIME);
                    m.put(e.getKey(), Collections.unmodifiableList(l));
                }
                List<Snapshot> r = new ArrayList<>(refunds);
                r.sort(BY_UPDATE_TIME);
                return new DayBucket(m, Collections.unmodifiableList(r));
            }
        }
    }
}
