package io.rebatch.jobs.settle;

import io.rebatch.domain.Attribution;
import io.rebatch.domain.AttributionMethod;
import io.rebatch.domain.LedgerDiff;
import io.rebatch.domain.LineSettlement;
import io.rebatch.domain.OrderLine;
import io.rebatch.domain.Platform;
import io.rebatch.domain.RuleSet;
import io.rebatch.domain.RuleSets;
import io.rebatch.jobs.common.FaultInjection;
import io.rebatch.writers.ledger.LedgerWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Settles one chunk of lines as of business date D, in the chunk's transaction: attributes the lines that are
 * due a try (SPEC 4) with one batched look-up per kind of data, evaluates income, shares and buckets with the
 * domain rules, posts only the differences from what is already posted (SPEC 5), and records the new
 * settlement state of each line. Because the state and the postings commit together and the diff is taken
 * from the committed state, a rerun posts nothing and a crash at any point followed by a restart converges.
 *
 * <p>This writer does the per-chunk look-ups itself rather than in an ItemProcessor: a processor sees one item
 * at a time, which would mean a query per line.
 */
public class SettleWriter implements ItemWriter<SettleItem> {
    private final LocalDate businessDate;
    private final long jobExecutionId;
    private final RuleSets ruleSets;
    private final SettleLookups lookups;
    private final SettlementStateStore stateStore;
    private final LedgerWriter ledger;
    private final FaultInjection faults;
    private final Duration maxClickWindow;
    private long itemsSeen;

    SettleWriter(LocalDate businessDate, long jobExecutionId, RuleSets ruleSets, SettleLookups lookups,
                 SettlementStateStore stateStore, LedgerWriter ledger, FaultInjection faults) {
        this.businessDate = businessDate;
        this.jobExecutionId = jobExecutionId;
        this.ruleSets = ruleSets;
        this.lookups = lookups;
        this.stateStore = stateStore;
        this.ledger = ledger;
        this.faults = faults;
        this.maxClickWindow = Duration.ofHours(ruleSets.all().stream().mapToInt(RuleSet::clickWindowHours).max().orElse(0));
    }

    @Override
    public void write(Chunk<? extends SettleItem> chunk) {
        faults.beforeWrite("settle", itemsSeen + 1, itemsSeen + chunk.size());
        itemsSeen += chunk.size();

        List<SettleItem> toTry = new ArrayList<>();
        for (SettleItem item : chunk) {
            SettlementState s = item.state();
            if ((s == null || s.method() == null)
                    && Attribution.shouldTry(s != null && s.tried(), item.line().createdAt(), businessDate)) {
                toTry.add(item);
            }
        }
        Map<SettleItem, Attribution.Result> attributed = attribute(toTry);
        Set<SettleItem> tried = Collections.newSetFromMap(new IdentityHashMap<>());
        tried.addAll(toTry);

        List<SettlementStateStore.Row> states = new ArrayList<>();
        List<LedgerWriter.Posting> postings = new ArrayList<>();
        for (SettleItem item : chunk) {
            OrderLine line = item.line();
            SettlementState old = item.state();
            AttributionMethod method = old == null ? null : old.method();
            Attribution.Beneficiaries beneficiaries = old == null ? null : old.beneficiaries();
            boolean unverified = old != null && old.unverified();
            LocalDate attributedOn = old == null ? null : old.attributedOn();
            Attribution.Result result = attributed.get(item);
            if (result != null) {
                method = result.method();
                beneficiaries = result.beneficiaries();
                unverified = result.unverified();
                attributedOn = businessDate;
            }
            LineSettlement.Outcome outcome;
            try {
                outcome = LineSettlement.evaluate(line, item.refund(), ruleSets, beneficiaries, businessDate);
            } catch (RuntimeException e) {
                throw new IllegalStateException("cannot settle " + line.platform() + " line " + line.orderLineId()
                        + " (from " + line.source() + "): " + e.getMessage(), e);
            }
            LedgerDiff.Positions posted = old == null ? LedgerDiff.Positions.none() : old.posted();
            int revision = old == null ? 0 : old.revision();
            List<LedgerDiff.Posting> diff = LedgerDiff.diff(line.platform(), line.orderLineId(), line.version(),
                    revision + 1, beneficiaries, outcome.target(), posted);
            if (!diff.isEmpty()) {
                revision++;
                posted = posted.plus(diff);
                for (LedgerDiff.Posting p : diff) {
                    postings.add(new LedgerWriter.Posting(p.entryKey(), p.userId(), p.bucket(), p.deltaFen(),
                            "PLATFORM:" + line.platform(), "LINE", line.platform().name(), line.orderLineId(),
                            p.role().name()));
                }
            }
            SettlementState next = new SettlementState((old != null && old.tried()) || tried.contains(item), method,
                    beneficiaries, unverified, attributedOn, outcome.shares(), outcome.bucket(), posted, revision,
                    businessDate);
            if (!next.sameAs(old)) {
                states.add(new SettlementStateStore.Row(line.platform(), line.orderLineId(), next));
            }
        }
        stateStore.upsert(states);
        ledger.post(postings, businessDate, jobExecutionId);
    }

    private Map<SettleItem, Attribution.Result> attribute(List<SettleItem> toTry) {
        Map<SettleItem, Attribution.Result> out = new IdentityHashMap<>();
        if (toTry.isEmpty()) {
            return out;
        }
        Set<String> values = new HashSet<>();
        Map<Platform, Set<String>> items = new HashMap<>();
        Map<Platform, Instant[]> ranges = new HashMap<>();
        for (SettleItem item : toTry) {
            OrderLine l = item.line();
            for (Attribution.TrackingValue tv : Attribution.trackingValues(l)) {
                values.add(tv.value());
            }
            items.computeIfAbsent(l.platform(), p -> new HashSet<>()).add(l.itemId());
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
        for (Map.Entry<Platform, Set<String>> e : items.entrySet()) {
            Instant[] r = ranges.get(e.getKey());
            for (Attribution.Click c : lookups.clicks(e.getKey(), e.getValue(), r[0].minus(maxClickWindow), r[1])) {
                clicksByItem.computeIfAbsent(c.platform() + "\u0000" + c.itemId(), k -> new ArrayList<>()).add(c);
                userIds.add(c.userId());
            }
        }
        Map<Long, Attribution.User> users = lookups.usersWithUplines(userIds);
        for (SettleItem item : toTry) {
            OrderLine l = item.line();
            RuleSet rules = ruleSets.inForceOn(l.ruleDate());
            Optional<Attribution.Result> r = Attribution.attribute(l, rules.clickWindowHours(),
                    tv -> bindings.get(SettleLookups.bindingKey(l.platform().name(), tv.kind(), tv.value())),
                    users::get, clicksByItem.getOrDefault(l.platform() + "\u0000" + l.itemId(), List.of()));
            r.ifPresent(result -> out.put(item, result));
        }
        return out;
    }
}
