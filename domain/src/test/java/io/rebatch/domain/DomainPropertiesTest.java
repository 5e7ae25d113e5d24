package io.rebatch.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.domain.Attribution.Beneficiaries;
import io.rebatch.domain.Attribution.Click;
import io.rebatch.domain.Attribution.Result;
import io.rebatch.domain.Attribution.TrackingValue;
import io.rebatch.domain.Attribution.User;
import io.rebatch.domain.LedgerDiff.Positions;
import io.rebatch.domain.LedgerDiff.Posting;
import io.rebatch.domain.ShareSplit.Shares;
import io.rebatch.domain.SnapshotOrder.Version;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The invariants of the domain rules (CONVENTIONS "Tests"): shares + margin = N, ledger entries sum
 * to zero and converge on the target, any order of snapshots gives the same state, share is exact.
 */
class DomainPropertiesTest {
    private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);

    // ---- (a) the split -------------------------------------------------------------------------

    @Property
    void sharesAndMarginAddUpToTheIncome(@ForAll @LongRange(min = 0, max = Money.MAX_FEN) long incomeFen,
                                         @ForAll("validRuleSets") RuleSet rules, @ForAll Level level,
                                         @ForAll boolean hasInviter, @ForAll boolean hasGrandInviter) {
        Shares s = ShareSplit.split(incomeFen, rules, level, hasInviter, hasGrandInviter);

        assertThat(s.incomeFen()).isEqualTo(incomeFen);
        assertThat(s.buyerFen() + s.inviterFen() + s.grandInviterFen() + s.platformMarginFen()).isEqualTo(incomeFen);
        assertThat(s.platformMarginFen()).isNotNegative();
        assertThat(s.buyerFen()).isEqualTo(floorShare(incomeFen, rules.levelShareBps(level)));
        assertThat(s.inviterFen()).isEqualTo(hasInviter ? floorShare(incomeFen, rules.inviterShareBps()) : 0);
        assertThat(s.grandInviterFen()).isEqualTo(hasGrandInviter ? floorShare(incomeFen, rules.grandInviterShareBps()) : 0);
    }

    /** Rule sets that pass validation: every level share + inviter + grand-inviter ≤ 10000 bp. */
    @Provide
    Arbitrary<RuleSet> validRuleSets() {
        return Arbitraries.integers().between(0, 10_000).flatMap(inviter ->
                Arbitraries.integers().between(0, 10_000 - inviter).flatMap(grand -> {
                    Arbitrary<Integer> level = Arbitraries.integers().between(0, 10_000 - inviter - grand);
                    Arbitrary<Integer> fee = Arbitraries.integers().between(0, 10_000);
                    return Combinators.combine(level, level, level, fee).as((normal, vip, svip, pddFee) -> {
                        Map<String, Object> doc = Fixtures.ruleDoc("generated", "2026-01-01");
                        doc.put("level_share_bps", Map.of("NORMAL", normal, "VIP", vip, "SVIP", svip));
                        doc.put("inviter_share_bps", inviter);
                        doc.put("grand_inviter_share_bps", grand);
                        doc.put("platform_fee_bps", Map.of("TAOBAO", 0, "JD", 0, "PDD", pddFee));
                        return RuleSet.fromMap(doc, "generated.yml");
                    });
                }));
    }

    @Property
    void incomeAfterFeeStaysWithinGrossAndSplitsCleanly(@ForAll @LongRange(min = 0, max = Money.MAX_FEN) long settledFen,
                                                       @ForAll @LongRange(min = 0, max = Money.MAX_FEN) long refundFen,
                                                       @ForAll("validRuleSets") RuleSet rules, @ForAll Level level) {
        OrderLine line = Fixtures.line().platform(Platform.PDD).settled(settledFen, Fixtures.sh("2026-11-10 12:00:00")).build();
        long n = Income.incomeFen(line, new Refund("123", 2, refundFen, Fixtures.sh("2026-11-11 12:00:00"), "p"), rules);
        long gross = settledFen - Math.min(refundFen, settledFen);
        assertThat(n).isBetween(0L, gross);
        assertThat(n).isEqualTo(gross - floorShare(gross, rules.platformFeeBps(Platform.PDD)));
        Shares s = ShareSplit.split(n, rules, level, true, true);
        assertThat(s.buyerFen() + s.inviterFen() + s.grandInviterFen() + s.platformMarginFen()).isEqualTo(n);
    }

    // ---- (b) desired-state posting ---------------------------------------------------------------

    /** One run: the target positions it computes, the snapshot version, and after how many postings it crashes (6+: none). */
    record Run(long[] target, Version version, int crashAfter) {
    }

    @Provide
    Arbitrary<List<Run>> runs() {
        Arbitrary<Long> amount = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(0L)),
                Tuple.of(3, Arbitraries.longs().between(0, 10_000)),
                Tuple.of(1, Arbitraries.longs().between(0, Money.MAX_FEN)));
        Arbitrary<long[]> target = amount.list().ofSize(6).map(l -> l.stream().mapToLong(Long::longValue).toArray());
        Arbitrary<Version> version = Combinators.combine(
                Arbitraries.longs().between(0, 86_400L * 60), Arbitraries.integers().between(1, 4))
                .as((s, rank) -> new Version(Fixtures.sh("2026-11-01 00:00:00").plusSeconds(s), rank));
        Arbitrary<Integer> crash = Arbitraries.integers().between(0, 9);
        return Combinators.combine(target, version, crash).as(Run::new).list().ofMinSize(1).ofMaxSize(8);
    }

    @Property
    void postedPositionsConvergeOnTheLastTargetAndEntriesSumToZero(@ForAll("runs") List<Run> runs) {
        Beneficiaries all = new Beneficiaries(1, Level.VIP, 2L, 3L);
        Map<String, Long> ledgerByKey = new HashMap<>();     // entry key → user leg
        long userLegs = 0;
        long counterLegs = 0;
        long[] userBalanceByCell = new long[6];
        Positions posted = Positions.none();
        int revision = 0;

        for (Run run : runs) {
            revision++;
            Positions target = positions(run.target());
            List<Posting> planned = LedgerDiff.diff(Platform.TAOBAO, "123", run.version(), revision, all, target, posted);
            // the run may crash after committing only some postings; the restart recomputes from what is posted
            int committed = Math.min(run.crashAfter(), planned.size());
            List<Posting> beforeCrash = planned.subList(0, committed);
            List<Posting> afterRestart = new ArrayList<>();
            Positions mid = posted.plus(beforeCrash);
            if (committed < planned.size()) {
                afterRestart = LedgerDiff.diff(Platform.TAOBAO, "123", run.version(), revision, all, target, mid);
                Set<String> committedKeys = new HashSet<>();
                beforeCrash.forEach(p -> committedKeys.add(p.entryKey()));
                assertThat(afterRestart).allSatisfy(p -> assertThat(committedKeys).doesNotContain(p.entryKey()));
                // and the restart posts exactly what the uninterrupted run would have posted
                assertThat(afterRestart).containsExactlyElementsOf(planned.subList(committed, planned.size()));
            }
            for (List<Posting> batch : List.of(beforeCrash, afterRestart)) {
                for (Posting p : batch) {
                    assertThat(p.deltaFen()).isNotZero();
                    assertThat(ledgerByKey.put(p.entryKey(), p.deltaFen())).as("duplicate key %s", p.entryKey()).isNull();
                    assertThat(p.userId()).isEqualTo(all.userFor(p.role()));
                    // double entry: the user's leg and the platform's leg
                    long userLeg = p.deltaFen();
                    long counterLeg = -p.deltaFen();
                    userLegs += userLeg;
                    counterLegs += counterLeg;
                    userBalanceByCell[p.role().ordinal() * 2 + (p.bucket() == Bucket.PENDING ? 0 : 1)] += userLeg;
                }
            }
            posted = mid.plus(afterRestart);
            assertThat(posted).isEqualTo(positions(run.target()));
            // rerunning the same target posts nothing
            assertThat(LedgerDiff.diff(Platform.TAOBAO, "123", run.version(), revision + 1, all, target, posted)).isEmpty();
        }
        long[] last = runs.get(runs.size() - 1).target();
        assertThat(userBalanceByCell).containsExactly(last);
        assertThat(userLegs + counterLegs).isZero();
        assertThat(userLegs).isEqualTo(Arrays.stream(last).sum());
    }

    // ---- (c) snapshot order ------------------------------------------------------------------------

    @Provide
    Arbitrary<Tuple2<List<OrderLine>, List<OrderLine>>> snapshotsAndAnImportOrder() {
        Arbitrary<OrderLine> snapshot = Combinators.combine(
                Arbitraries.integers().between(0, 3),                 // few distinct times: ties are common
                Arbitraries.of(LineStatus.class),
                Arbitraries.longs().between(0, 100_000),
                Arbitraries.strings().alpha().ofLength(6))
                .as((seconds, status, income, tag) -> {
                    Instant modified = Fixtures.sh("2026-11-25 13:45:12").plusSeconds(seconds);
                    Fixtures.LineBuilder b = Fixtures.line().modified(modified).estimate(income).source("snapshot " + tag);
                    return status == LineStatus.SETTLED ? b.settled(income, modified).build() : b.status(status).build();
                });
        return snapshot.list().ofMinSize(1).ofMaxSize(6)
                .flatMap(list -> Arbitraries.shuffle(list).map(order -> Tuple.of(list, order)));
    }

    @Property
    void anyImportOrderEndsOnTheHighestVersion(@ForAll("snapshotsAndAnImportOrder") Tuple2<List<OrderLine>, List<OrderLine>> t) {
        List<OrderLine> generated = t.get1();
        List<OrderLine> importOrder = t.get2();
        Version max = generated.stream().map(OrderLine::version).max(Version::compareTo).orElseThrow();

        OrderLine fromGenerated = fold(generated);
        OrderLine fromShuffled = fold(importOrder);
        assertThat(fromGenerated.version()).isEqualTo(max);
        assertThat(fromShuffled.version()).isEqualTo(max);

        // among equal top versions the last imported wins
        OrderLine lastTop = null;
        for (OrderLine l : importOrder) {
            if (l.version().equals(max)) {
                lastTop = l;
            }
        }
        assertThat(fromShuffled).isSameAs(lastTop);

        long distinct = generated.stream().map(OrderLine::version).distinct().count();
        if (distinct == generated.size()) {
            assertThat(fromShuffled).isSameAs(fromGenerated);
        }
    }

    private static OrderLine fold(List<OrderLine> snapshots) {
        OrderLine stored = null;
        for (OrderLine incoming : snapshots) {
            stored = SnapshotOrder.merge(stored, incoming);
        }
        return stored;
    }

    // ---- (d) share ---------------------------------------------------------------------------------

    @Property
    void shareIsTheExactFloor(@ForAll @LongRange(min = 0, max = Money.MAX_FEN) long amountFen,
                              @ForAll @IntRange(min = 0, max = 10_000) int bps) {
        assertThat(ShareSplit.share(amountFen, bps)).isEqualTo(floorShare(amountFen, bps));
    }

    @Property
    void shareOfANegativeAmountIsAlsoTheFloor(@ForAll @LongRange(min = -Money.MAX_FEN, max = 0) long amountFen,
                                              @ForAll @IntRange(min = 0, max = 10_000) int bps) {
        BigDecimal exact = new BigDecimal(BigInteger.valueOf(amountFen).multiply(BigInteger.valueOf(bps)))
                .divide(new BigDecimal(TEN_THOUSAND), 0, RoundingMode.FLOOR);
        assertThat(ShareSplit.share(amountFen, bps)).isEqualTo(exact.longValueExact());
    }

    private static long floorShare(long amountFen, int bps) {
        // both factors non-negative here, so BigInteger's truncating divide is the floor
        return BigInteger.valueOf(amountFen).multiply(BigInteger.valueOf(bps)).divide(TEN_THOUSAND).longValueExact();
    }

    // ---- conversions -------------------------------------------------------------------------------

    @Property
    void yuanTextRoundTrips(@ForAll @LongRange(min = 0, max = Money.MAX_FEN) long fen) {
        assertThat(Money.yuanToFen(Money.formatYuan(fen))).isEqualTo(fen);
    }

    @Property
    void percentAndPerMilleConvertExactly(@ForAll @IntRange(min = 0, max = 10_000) int bps,
                                          @ForAll @IntRange(min = 0, max = 1_000) int perMille) {
        assertThat(Rates.percentToBps(BigDecimal.valueOf(bps, 2).toPlainString())).isEqualTo(bps);
        assertThat(Rates.percentToBps(BigDecimal.valueOf(bps, 2).setScale(4).toPlainString())).isEqualTo(bps);
        assertThat(Rates.perMilleToBps(perMille)).isEqualTo(perMille * 10);
    }

    // ---- freeze and attribution ---------------------------------------------------------------------

    @Property
    void settledMoneyBecomesAvailableExactlyFreezeDaysAfterTheBusinessDateAndStays(
            @ForAll @LongRange(min = 0, max = 86_400L * 400) long secondsInto2026,
            @ForAll @IntRange(min = 0, max = 30) int freezeDays,
            @ForAll @IntRange(min = -5, max = 45) int daysAfter) {
        Instant settledAt = Fixtures.sh("2026-01-01 00:00:00").plusSeconds(secondsInto2026);
        LocalDate availableFrom = BusinessTime.dateOf(settledAt).plusDays(freezeDays);
        LocalDate d = BusinessTime.dateOf(settledAt).plusDays(daysAfter);
        Bucket b = FreezeRule.bucket(LineStatus.SETTLED, settledAt, freezeDays, d);
        assertThat(b).isEqualTo(d.isBefore(availableFrom) ? Bucket.PENDING : Bucket.AVAILABLE);
        if (b == Bucket.AVAILABLE) {
            assertThat(FreezeRule.bucket(LineStatus.SETTLED, settledAt, freezeDays, d.plusDays(1))).isEqualTo(Bucket.AVAILABLE);
        }
    }

    private static final Map<Long, User> USERS = Map.of(
            1L, new User(1, Level.VIP, 2L), 2L, new User(2, Level.NORMAL, 3L), 3L, new User(3, Level.SVIP, null),
            5L, new User(5, Level.NORMAL, null), 6L, new User(6, Level.VIP, 5L));

    @Provide
    Arbitrary<List<Click>> clicks() {
        Instant created = Fixtures.sh("2026-11-25 13:45:12");
        Arbitrary<Click> click = Combinators.combine(
                Arbitraries.of(1L, 2L, 5L, 6L, 77L),
                Arbitraries.of("I1", "I2"),
                Arbitraries.of("adz1", "adz2"),
                Arbitraries.integers().between(-80 * 60, 10).map(m -> created.plus(Duration.ofMinutes(m))),
                Arbitraries.of(Platform.TAOBAO, Platform.JD))
                .as((user, item, pid, at, platform) -> new Click(0, user, platform, item, pid, at));
        return click.list().ofMaxSize(12).map(list -> {
            List<Click> withIds = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Click c = list.get(i);
                withIds.add(new Click(i + 1, c.userId(), c.platform(), c.itemId(), c.pid(), c.clickedAt()));
            }
            return withIds;
        });
    }

    @Property
    void attributionDoesNotDependOnTheOrderOfClicks(@ForAll("clicks") List<Click> clicks, @ForAll boolean withBinding,
                                                    @ForAll Random random) {
        OrderLine line = Fixtures.line().created(Fixtures.sh("2026-11-25 13:45:12")).item("I1").pid("adz1")
                .relationId(withBinding ? "R1" : null).build();
        Map<TrackingValue, Long> bindings = Map.of(new TrackingValue("RELATION_ID", "R1"), 1L);
        List<Click> shuffled = new ArrayList<>(clicks);
        Collections.shuffle(shuffled, random);

        Optional<Result> a = Attribution.attribute(line, 72, bindings::get, USERS::get, clicks);
        Optional<Result> b = Attribution.attribute(line, 72, bindings::get, USERS::get, shuffled);
        assertThat(b).isEqualTo(a);
        a.ifPresent(r -> {
            assertThat(USERS).containsKey(r.beneficiaries().buyerId());
            if (r.method() == AttributionMethod.CLICK) {
                assertThat(r.unverified()).isFalse();
                assertThat(clicks).anySatisfy(c -> {
                    assertThat(c.userId()).isEqualTo(r.beneficiaries().buyerId());
                    assertThat(c.platform()).isEqualTo(Platform.TAOBAO);
                    assertThat(c.itemId()).isEqualTo("I1");
                    assertThat(c.pid()).isEqualTo("adz1");
                    assertThat(c.clickedAt()).isBetween(line.createdAt().minus(Duration.ofHours(72)), line.createdAt());
                });
            }
        });
        if (withBinding) {
            assertThat(a).hasValueSatisfying(r -> assertThat(r.method()).isEqualTo(AttributionMethod.DIRECT));
        }
    }

    private static Positions positions(long[] t) {
        return new Positions(t[0], t[1], t[2], t[3], t[4], t[5]);
    }
}
