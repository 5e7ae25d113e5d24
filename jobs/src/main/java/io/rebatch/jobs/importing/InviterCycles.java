package io.rebatch.jobs.importing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the users of a users file whose inviter chain would form a cycle (SPEC 9: "users whose inviter chain forms a
 * cycle are refused at load"), judged on the stored {@code app_user} rows overlaid with the file's rows.
 *
 * <p>Memory: one map entry per user of the file (user → inviter, the last row of a user wins, as the upsert would)
 * plus the stored edges actually reached from the file's users, fetched in batches (no query per row).
 *
 * <p>Rules:
 * <ul>
 *   <li>Every file user that is a member of a cycle is refused, with the cycle named from its smallest id
 *   ({@code inviter cycle 2 → 3 → 2}). Members that are only stored (not in the file) cannot be refused: the file's
 *   rows that close the cycle are.</li>
 *   <li>A user whose chain merely leads into a cycle is not refused: it is not part of the cycle, and once the
 *   members are refused its chain ends at their stored rows (or at a user not loaded, which SPEC 4 ignores).</li>
 *   <li>A refused user keeps its stored row, so its stored inviter counts again; if that closes a new cycle with the
 *   file's other rows, those members are refused too (repeated until nothing changes). The stored data is assumed
 *   acyclic: a cycle made only of stored users refuses nothing of the file.</li>
 * </ul>
 */
public final class InviterCycles {
    /** Stored inviters of the given users that exist: user → inviter id, 0 for none. */
    @FunctionalInterface
    public interface StoredInviters {
        Map<Long, Long> of(Collection<Long> userIds);
    }

    private static final int MAX_SHOWN = 12;

    private final Map<Long, Long> fileEdges = new HashMap<>();
    private final int batchSize;

    public InviterCycles(int batchSize) {
        this.batchSize = batchSize;
    }

    /** A good row of the file: {@code inviterId} null when none. A later row of the same user replaces it. */
    public void add(long userId, Long inviterId) {
        fileEdges.put(userId, inviterId == null ? 0L : inviterId);
    }

    public boolean isEmpty() {
        return fileEdges.isEmpty();
    }

    /** The refused file users, each with its reason naming the cycle. */
    public Map<Long, String> find(StoredInviters stored) {
        Map<Long, Long> storedEdges = new HashMap<>(); // fetched users that exist → inviter (0 none)
        Set<Long> fetched = new HashSet<>();
        Map<Long, String> refused = new LinkedHashMap<>();
        while (true) {
            fetchClosure(stored, storedEdges, fetched, refused);
            Map<Long, String> found = new LinkedHashMap<>();
            for (List<Long> cycle : cycles(storedEdges, refused.keySet())) {
                String reason = describe(cycle);
                for (Long u : cycle) {
                    if (fileEdges.containsKey(u) && !refused.containsKey(u)) {
                        found.put(u, reason);
                    }
                }
            }
            if (found.isEmpty()) {
                return refused;
            }
            refused.putAll(found);
        }
    }

    private long edge(long u, Map<Long, Long> storedEdges, Set<Long> refused) {
        if (fileEdges.containsKey(u) && !refused.contains(u)) {
            return fileEdges.get(u);
        }
        return storedEdges.getOrDefault(u, 0L);
    }

    /** Fetches the stored edge of every node the effective graph reaches from the file's users. */
    private void fetchClosure(StoredInviters stored, Map<Long, Long> storedEdges, Set<Long> fetched,
                              Map<Long, String> refused) {
        Set<Long> need = new HashSet<>();
        for (Map.Entry<Long, Long> e : fileEdges.entrySet()) {
            if (refused.containsKey(e.getKey())) {
                needs(e.getKey(), fetched, need);
            } else {
                long t = e.getValue();
                if (t != 0 && (!fileEdges.containsKey(t) || refused.containsKey(t))) {
                    needs(t, fetched, need);
                }
            }
        }
        while (!need.isEmpty()) {
            List<Long> all = new ArrayList<>(need);
            need.clear();
            for (int from = 0; from < all.size(); from += batchSize) {
                List<Long> batch = all.subList(from, Math.min(all.size(), from + batchSize));
                fetched.addAll(batch);
                Map<Long, Long> got = stored.of(batch);
                storedEdges.putAll(got);
                for (long t : got.values()) {
                    if (t != 0 && (!fileEdges.containsKey(t) || refused.containsKey(t))) {
                        needs(t, fetched, need);
                    }
                }
            }
        }
    }

    private static void needs(long u, Set<Long> fetched, Set<Long> need) {
        if (!fetched.contains(u)) {
            need.add(u);
        }
    }

    /** The cycles reachable from the file's users on the effective graph, each as its members in chain order. */
    private List<List<Long>> cycles(Map<Long, Long> storedEdges, Set<Long> refused) {
        Map<Long, Integer> walkOf = new HashMap<>(); // node → the walk that visited it
        List<List<Long>> out = new ArrayList<>();
        int walk = 0;
        for (long start : fileEdges.keySet()) {
            if (walkOf.containsKey(start)) {
                continue;
            }
            walk++;
            List<Long> path = new ArrayList<>();
            long u = start;
            while (u != 0 && !walkOf.containsKey(u)) {
                walkOf.put(u, walk);
                path.add(u);
                u = edge(u, storedEdges, refused);
            }
            if (u != 0 && walkOf.get(u) == walk) {
                out.add(new ArrayList<>(path.subList(path.lastIndexOf(u), path.size())));
            }
        }
        return out;
    }

    /** {@code inviter cycle 2 → 3 → 2}, starting at the smallest id; a long cycle is shortened in the middle. */
    static String describe(List<Long> cycle) {
        int min = 0;
        for (int i = 1; i < cycle.size(); i++) {
            if (cycle.get(i) < cycle.get(min)) {
                min = i;
            }
        }
        List<Long> ordered = new ArrayList<>(cycle.size() + 1);
        for (int i = 0; i < cycle.size(); i++) {
            ordered.add(cycle.get((min + i) % cycle.size()));
        }
        ordered.add(ordered.get(0));
        StringBuilder sb = new StringBuilder("inviter cycle ");
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.size() > MAX_SHOWN && i == MAX_SHOWN - 2) {
                sb.append(" → … (").append(cycle.size()).append(" users)");
                i = ordered.size() - 1;
            }
            if (i > 0) {
                sb.append(" → ");
            }
            sb.append(ordered.get(i));
        }
        return sb.toString();
    }
}
