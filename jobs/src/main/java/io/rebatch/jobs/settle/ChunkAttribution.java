package io.rebatch.jobs.settle;

import io.rebatch.domain.Attribution;
import io.rebatch.domain.AttributionLock;
import io.rebatch.domain.OrderLine;
import io.rebatch.domain.Platform;
import io.rebatch.domain.RuleSet;
import io.rebatch.domain.RuleSets;
import io.rebatch.writers.settle.SettleItem;
import io.rebatch.writers.settle.SettleLookups;
import io.rebatch.writers.settle.SettlementState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Attribution (SPEC 4) for one chunk: picks the lines due a try, fetches bindings, clicks and users with one
 * batched look-up per kind for the whole chunk, and applies {@link Attribution} to each. A line whose rule date
 * has no rule set in force is not tried (it will be held); it is tried once the rule set exists.
 */
final class ChunkAttribution {
    private final RuleSets ruleSets;
    private final SettleLookups lookups;
    private final LocalDate businessDate;
    private final Duration maxClickWindow;
    private final Set<SettleItem> tried = Collections.newSetFromMap(new IdentityHashMap<>());

    ChunkAttribution(RuleSets ruleSets, SettleLookups lookups, LocalDate businessDate) {
        this.ruleSets = ruleSets;
        this.lookups = lookups;
        this.businessDate = businessDate;
        this.maxClickWindow = Duration.ofHours(ruleSets.all().stream().mapToInt(RuleSet::clickWindowHours).max()
                .orElse(0));
    }

    /** Whether the last {@link #attribute} call tried this line. */
    boolean wasTried(SettleItem item) {
        return tried.contains(item);
    }

    Map<SettleItem, Attribution.Result> attribute(List<SettleItem> items) {
        tried.clear();
        Map<SettleItem, RuleSet> toTry = new IdentityHashMap<>();
        for (SettleItem item : items) {
            SettlementState s = item.state();
            AttributionLock attribution = s == null ? AttributionLock.NONE : s.attribution();
            if (attribution.dueTry(s != null && s.tried(), item.line().createdAt(), businessDate)) {
                RuleSet rules = ruleSetOf(item.line());
                if (rules != null) {
                    toTry.put(item, rules);
                    tried.add(item);
                }
            }
        }
        Map<SettleItem, Attribution.Result> out = new IdentityHashMap<>();
        if (toTry.isEmpty()) {
            return out;
        }
        Set<String> values = new HashSet<>();
        Map<Platform, Set<String>> itemIds = new HashMap<>();
        Map<Platform, Instant[]> ranges = new HashMap<>();
        for (SettleItem item : toTry.keySet()) {
            OrderLine l = item.line();
            for (Attribution.TrackingValue tv : Attribution.trackingValues(l)) {
                values.add(tv.value());
            }
            itemIds.computeIfAbsent(l.platform(), p -> new HashSet<>()).add(l.itemId());
            Instant[] r = ranges.computeIfAbsent(l.platform(), p -> new Instant[] {l.createdAt(), l.createdAt()});
            if (l.createdAt().isBefore(r[0])) {
                r[0] = l.createdAt();
            }
            if (l.createdAt().isAfter(r[1])) {
                r[1] = l.createdAt();
            }
        }
        Map<String, Long> bindings = lookups.bindings(values);
        Map<String, List<Attribution.Click>> clicksByItem = new HashMap<>();
        Set<Long> userIds = new HashSet<>(bindings.values());
        for (Map.Entry<Platform, Set<String>> e : itemIds.entrySet()) {
            Instant[] r = ranges.get(e.getKey());
            for (Attribution.Click c : lookups.clicks(e.getKey(), e.getValue(), r[0].minus(maxClickWindow), r[1])) {
                clicksByItem.computeIfAbsent(c.platform() + "\u0000" + c.itemId(), k -> new ArrayList<>()).add(c);
                userIds.add(c.userId());
            }
        }
        Map<Long, Attribution.User> users = lookups.usersWithUplines(userIds);
        for (Map.Entry<SettleItem, RuleSet> e : toTry.entrySet()) {
            OrderLine l = e.getKey().line();
            Optional<Attribution.Result> r = Attribution.attribute(l, e.getValue().clickWindowHours(),
                    tv -> bindings.get(SettleLookups.bindingKey(l.platform().name(), tv.kind(), tv.value())),
                    users::get, clicksByItem.getOrDefault(l.platform() + "\u0000" + l.itemId(), List.of()));
            r.ifPresent(result -> out.put(e.getKey(), result));
        }
        return out;
    }

    private RuleSet ruleSetOf(OrderLine line) {
        try {
            return ruleSets.inForceOn(line.ruleDate());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
