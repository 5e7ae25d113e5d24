package io.rebatch.sandbox.generator;

import io.rebatch.domain.BindingKind;
import io.rebatch.domain.BusinessTime;
import io.rebatch.domain.Level;
import io.rebatch.domain.Platform;
import io.rebatch.sandbox.PlatformSimulator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The scenario's cast, built once from the seed: users (with a few "ghost" ids the app's export
 * leaves out), every simulator's tracking bindings, and each platform's item and promotion-position
 * pools. Order lines draw their buyers, tracking values, items and positions from here.
 */
public final class Population {
    static final long SALT_USERS = 0x5553_4552L;
    static final long SALT_BINDINGS = 0x4249_4e44L;
    static final long SALT_ITEMS = 0x4954_454dL;

    private static final String[] TITLES = {
            "蓝月亮 洗衣液 3kg×2瓶", "小米 手环8 NFC版", "夏季新款纯棉T恤 男士短袖", "Apple AirPods Pro (第二代)",
            "花王 妙而舒 纸尿裤 L54片", "得力 中性笔 0.5mm 12支装", "三只松鼠 坚果礼盒 1.5kg", "李宁 跑步鞋, \"轻羽\" 系列",
            "维达 抽纸 3层100抽×24包", "九阳 豆浆机 家用全自动", "百草味 零食大礼包", "飞利浦 电动牙刷 HX6730",
            "安踏 运动裤 男 宽松", "美的 电饭煲 4L 智能", "农夫山泉 饮用天然水 550ml×24瓶", "华为 Mate 手机壳 硅胶"};

    private final List<GeneratedUser> users;
    private final List<GeneratedBinding> bindings;
    private final long[] userIds;
    private final long[] ghostUserIds;
    private final Set<String> boundValues = new HashSet<>();
    private final Map<BindingKind, String[]> values = new HashMap<>();
    private final Map<BindingKind, String[]> ghostValues = new HashMap<>();
    private final Map<Platform, int[]> bound = new HashMap<>();
    private final Map<Platform, Item[]> items = new HashMap<>();
    private final Map<Platform, String[]> pids = new HashMap<>();

    Population(ScenarioSpec spec, List<PlatformSimulator> simulators) {
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
        List<GeneratedUser> us = new ArrayList<>(n);
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
            us.add(new GeneratedUser(userIds[i], level, inviter, registered, shown));
        }
        users = Collections.unmodifiableList(us);
        bindings = Collections.unmodifiableList(drawBindings(spec, simulators, n));
        drawPools(spec, simulators, n);
    }

    /** Each user may have one value per kind; values are unique; a few bind unloaded users. */
    private List<GeneratedBinding> drawBindings(ScenarioSpec spec, List<PlatformSimulator> simulators, int n) {
        SplittableRandom b = SeedMath.random(spec.seed(), SALT_BINDINGS);
        for (PlatformSimulator sim : simulators) {
            for (TrackingKind k : sim.trackingKinds()) {
                values.put(k.kind(), new String[n]);
            }
        }
        for (int i = 0; i < n; i++) {
            for (PlatformSimulator sim : simulators) {
                for (TrackingKind k : sim.trackingKinds()) {
                    if (b.nextInt(100) < k.sharePercent()) {
                        values.get(k.kind())[i] = fresh(b, k.shape());
                    }
                }
            }
        }
        for (PlatformSimulator sim : simulators) {
            List<Integer> withAny = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                for (TrackingKind k : sim.trackingKinds()) {
                    if (values.get(k.kind())[i] != null) {
                        withAny.add(i);
                        break;
                    }
                }
            }
            bound.put(sim.platform(), withAny.stream().mapToInt(Integer::intValue).toArray());
        }
        int ghostBindings = Math.max(1, n / 40);
        for (PlatformSimulator sim : simulators) {
            for (TrackingKind k : sim.trackingKinds()) {
                if (k.ghosted()) {
                    ghostValues.put(k.kind(), new String[ghostBindings]);
                }
            }
        }
        for (int g = 0; g < ghostBindings; g++) {
            for (PlatformSimulator sim : simulators) {
                for (TrackingKind k : sim.trackingKinds()) {
                    if (k.ghosted()) {
                        ghostValues.get(k.kind())[g] = fresh(b, k.shape());
                    }
                }
            }
        }
        List<GeneratedBinding> bs = new ArrayList<>();
        for (PlatformSimulator sim : simulators) {
            for (TrackingKind k : sim.trackingKinds()) {
                String[] v = values.get(k.kind());
                for (int i = 0; i < n; i++) {
                    if (v[i] != null) {
                        bs.add(new GeneratedBinding(sim.platform(), k.kind(), v[i], userIds[i]));
                    }
                }
                String[] gv = k.ghosted() ? ghostValues.get(k.kind()) : new String[0];
                for (int g = 0; g < gv.length; g++) {
                    bs.add(new GeneratedBinding(sim.platform(), k.kind(), gv[g], ghostUserIds[g % ghostUserIds.length]));
                }
            }
        }
        return bs;
    }

    private void drawPools(ScenarioSpec spec, List<PlatformSimulator> simulators, int n) {
        SplittableRandom it = SeedMath.random(spec.seed(), SALT_ITEMS);
        int poolSize = Math.max(12, Math.min(20_000, spec.orders() / 6));
        int pidPool = Math.max(4, Math.min(2_000, n / 4));
        for (PlatformSimulator sim : simulators) {
            Item[] pool = new Item[poolSize];
            Set<String> seen = new HashSet<>();
            for (int k = 0; k < poolSize; k++) {
                String id = drawUnique(seen, () -> sim.drawItemId(it));
                long unit = it.nextInt(100) < 8 ? 50_000 + it.nextLong(450_000) : 590 + it.nextLong(99_000);
                int rate = sim.drawItemRate(it);
                pool[k] = new Item(id, TITLES[it.nextInt(TITLES.length)], unit, rate);
            }
            items.put(sim.platform(), pool);
            String[] pp = new String[pidPool];
            Set<String> seenPid = new HashSet<>();
            for (int k = 0; k < pidPool; k++) {
                pp[k] = drawUnique(seenPid, () -> sim.drawPid(it));
            }
            pids.put(sim.platform(), pp);
        }
    }

    private static String drawUnique(Set<String> seen, Supplier<String> draw) {
        while (true) {
            String v = draw.get();
            if (seen.add(v)) {
                return v;
            }
        }
    }

    private String fresh(SplittableRandom r, TrackingKind.Shape shape) {
        return drawUnique(boundValues, () -> shape.draw(r));
    }

    /** A value of the shape that nobody is bound to: a channel id the app never handed out. */
    public String unbound(SplittableRandom r, TrackingKind.Shape shape) {
        while (true) {
            String v = shape.draw(r);
            if (!boundValues.contains(v)) {
                return v;
            }
        }
    }

    public List<GeneratedUser> users() {
        return users;
    }

    public List<GeneratedBinding> bindings() {
        return bindings;
    }

    public int userCount() {
        return userIds.length;
    }

    public long userId(int index) {
        return userIds[index];
    }

    /** Ids of users who are not loaded (inviters, bindings and clicks may name them). */
    public long[] ghostUserIds() {
        return ghostUserIds.clone();
    }

    long ghostUserId(int index) {
        return ghostUserIds[index];
    }

    int ghostUserCount() {
        return ghostUserIds.length;
    }

    /** The user's value of a binding kind, or null when they have none. */
    public String value(BindingKind kind, int user) {
        return values.get(kind)[user];
    }

    /** The values of a kind bound to unloaded users. */
    public String ghostValue(BindingKind kind, SplittableRandom r) {
        String[] gv = ghostValues.get(kind);
        return gv[r.nextInt(gv.length)];
    }

    /** Indexes of the users with at least one binding on the platform. */
    int[] bound(Platform p) {
        return bound.get(p);
    }

    Item[] items(Platform p) {
        return items.get(p);
    }

    String[] pids(Platform p) {
        return pids.get(p);
    }
}
