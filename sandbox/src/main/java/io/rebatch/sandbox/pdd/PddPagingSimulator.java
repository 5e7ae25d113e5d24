package io.rebatch.sandbox.pdd;

import io.rebatch.domain.Platform;
import io.rebatch.sandbox.generator.ScenarioGenerator;
import io.rebatch.sandbox.generator.SeedMath;
import io.rebatch.sandbox.generator.Snapshot;
import io.rebatch.sandbox.server.Counters;
import io.rebatch.sandbox.server.ServedSnapshot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Pinduoduo's increment API under load: orders keep changing while a client pages through a
 * window, which is why PDD tells clients to page from the last page back to the first.
 *
 * <p>The result of a window is sorted by {@code order_modify_at} ascending (then {@code order_sn})
 * and cut into pages by offset, computed afresh on every request. The simulator remembers, per
 * window and page size, which pages it has served. Before it serves the next page of a window it
 * has already started, it applies {@code updatesPerPage} updates, each aimed so that it moves rows
 * across the boundary between served and unserved pages:
 *
 * <ol>
 *   <li>find the first unserved page that follows a served page; its first row is at offset {@code f};</li>
 *   <li>pick an order on the served page just before it (one whose next real change is later) and
 *       give it a new snapshot stamped one second after the row at {@code f}, still inside the window;</li>
 *   <li>the order's old row disappears from the window (the platform lists an order at its latest
 *       update), so every row up to {@code f} moves one place forward: the row that was first on the
 *       unserved page now sits on the served one.</li>
 * </ol>
 * A client paging forward never sees that row: it misses it. A client paging backwards has the
 * served pages behind it only after it has read them; the rows that slide forward land on pages it
 * has yet to read (page 1 last), so it misses nothing — it may see a row twice. The first request
 * of a window and a request after every page has been served (the pass is over) change nothing.
 *
 * <p>The changes are global: once made they stay, for every client and every later query, and
 * the made-up snapshots are reported as {@link ServedSnapshot#simulated()}. They only re-stamp
 * {@code order_modify_at}; status and amounts stay those of the order's last real snapshot.
 */
final class PddPagingSimulator {
    private final ScenarioGenerator generator;
    private final int updatesPerPage;
    private final Counters counters;
    private final Random random;
    private final Set<String> removed = new HashSet<>();
    private final List<Snapshot> added = new ArrayList<>();
    private final Set<String> addedIds = new HashSet<>();
    private final Map<String, Set<Integer>> servedPages = new HashMap<>();

    PddPagingSimulator(ScenarioGenerator generator, int updatesPerPage, Counters counters, long seed) {
        this.generator = generator;
        this.updatesPerPage = updatesPerPage;
        this.counters = counters;
        this.random = new Random(SeedMath.mix(seed, 0x9DD));
    }

    /** A page of a window: its rows and the window's size when it was cut. */
    record Page(List<Snapshot> rows, int total) {
    }

    private static String id(Snapshot s) {
        return s.key() + "@" + s.updatedAt().getEpochSecond();
    }

    boolean simulated(Snapshot s) {
        synchronized (this) {
            return addedIds.contains(id(s));
        }
    }

    /** Everything in the window right now: the real snapshots minus those superseded, plus the made-up ones. */
    synchronized List<Snapshot> window(Instant a, Instant b) {
        List<Snapshot> out = new ArrayList<>();
        for (Snapshot s : generator.snapshots(Platform.PDD, a, b)) {
            if (!removed.contains(id(s))) {
                out.add(s);
            }
        }
        for (Snapshot s : added) {
            if (!s.updatedAt().isBefore(a) && s.updatedAt().isBefore(b)) {
                out.add(s);
            }
        }
        out.sort(ScenarioGenerator.BY_UPDATE_TIME);
        return out;
    }

    synchronized Page page(Instant a, Instant b, int page, int size) {
        String session = a.getEpochSecond() + "-" + b.getEpochSecond() + "-" + size;
        Set<Integer> served = servedPages.get(session);
        if (served != null && !served.isEmpty() && updatesPerPage > 0) {
            for (int i = 0; i < updatesPerPage; i++) {
                updateAcrossBoundary(a, b, size, served);
            }
        }
        List<Snapshot> rows = window(a, b);
        int from = (int) Math.min(rows.size(), (long) (page - 1) * size);
        List<Snapshot> slice = List.copyOf(rows.subList(from, Math.min(rows.size(), from + size)));
        served = servedPages.computeIfAbsent(session, k -> new TreeSet<>());
        served.add(page);
        int pages = Math.max(1, (rows.size() + size - 1) / size);
        boolean complete = true;
        for (int q = 1; q <= pages; q++) {
            complete &= served.contains(q);
        }
        if (complete) {
            servedPages.remove(session); // the pass is over; the next request starts a new one
        }
        return new Page(slice, rows.size());
    }

    private void updateAcrossBoundary(Instant a, Instant b, int size, Set<Integer> served) {
        List<Snapshot> rows = window(a, b);
        int pages = (rows.size() + size - 1) / size;
        int q = -1;
        for (int candidate = 2; candidate <= pages; candidate++) {
            if (!served.contains(candidate) && served.contains(candidate - 1)) {
                q = candidate;
                break;
            }
        }
        if (q < 0) {
            return;
        }
        int f = (q - 1) * size;
        Instant stamp = rows.get(f).updatedAt().plusSeconds(1);
        if (!stamp.isBefore(b) || !stamp.isBefore(generator.horizonEnd())) {
            return;
        }
        List<Snapshot> movable = new ArrayList<>();
        for (int j = (q - 2) * size; j < f; j++) {
            Snapshot s = rows.get(j);
            if (s.updatedAt().isBefore(stamp) && (s.nextUpdatedAt() == null || stamp.isBefore(s.nextUpdatedAt()))) {
                movable.add(s);
            }
        }
        if (movable.isEmpty()) {
            return;
        }
        Snapshot old = movable.get(random.nextInt(movable.size()));
        Snapshot fresh = old.restamped(stamp, ((PddOrderRow) old.row()).withOrderModifyAt(stamp));
        if (addedIds.remove(id(old))) {
            added.removeIf(s -> id(s).equals(id(old)));
        } else {
            removed.add(id(old));
        }
        added.add(fresh);
        addedIds.add(id(fresh));
        counters.injectedUpdates.incrementAndGet();
    }
}
