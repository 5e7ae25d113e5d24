package io.rebatch.domain.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rebatch.domain.BusinessTime;
import io.rebatch.domain.LineStatus;
import io.rebatch.domain.Platform;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatementComparisonTest {
    static final YearMonth NOV = YearMonth.of(2026, 11);
    static final Platform TB = Platform.TAOBAO;

    static RebatchLine line(String id, long fen, String settledShanghai, boolean refund) {
        return new RebatchLine(TB, id, fen, BusinessTime.parseLocal(settledShanghai), refund);
    }

    /** Three settled Taobao lines of November: 1000 + 2000 + 3000 fen; "3" settled on the last day, "2" refunded. */
    static List<RebatchLine> november() {
        return List.of(line("1", 1000, "2026-11-10 12:00:00", false), line("2", 2000, "2026-11-15 12:00:00", true),
                line("3", 3000, "2026-11-30 23:59:59", false));
    }

    final List<LineDifference> out = new ArrayList<>();
    final List<List<String>> lookups = new ArrayList<>();

    StatementComparison.KnownLines known(Map<String, KnownLine> db) {
        return (p, ids) -> {
            lookups.add(List.copyOf(ids));
            Map<String, KnownLine> m = new java.util.HashMap<>();
            ids.forEach(id -> { if (db.containsKey(id)) m.put(id, db.get(id)); });
            return m;
        };
    }

    PlatformResult compare(Statement s, List<RebatchLine> lines, Map<String, KnownLine> db) {
        return new StatementComparison(s).compare(TB, lines.iterator(), known(db), out::add).orElseThrow();
    }

    @Test
    void aMatchingTotalIsAMatchWithNoLines() {
        Statement s = Statement.builder(NOV).total(TB, 6000, 3).build();
        PlatformResult r = compare(s, november(), Map.of());
        assertThat(r).isEqualTo(new PlatformResult(TB, NOV, 6000, 6000, 3, 3, false));
        assertThat(r.status()).isEqualTo(PlatformResult.Status.MATCH);
        assertThat(r.diffIncomeFen()).isZero();
        assertThat(new StatementComparison(s).needsCandidates(r)).isFalse();
        assertThat(out).isEmpty();
    }

    @Test
    void matchingDetailsWithoutATotalAreSummedAndNeedNoLookup() {
        Statement s = Statement.builder(NOV).detail(TB, "3", 3000).detail(TB, "1", 1000).detail(TB, "2", 2000).build();
        PlatformResult r = compare(s, november(), Map.of());
        assertThat(r).isEqualTo(new PlatformResult(TB, NOV, 6000, 6000, 3, 3, false));
        assertThat(r.status()).isEqualTo(PlatformResult.Status.MATCH);
        assertThat(out).isEmpty();
        assertThat(lookups).isEmpty();
    }

    @Test
    void detailRowsNameEveryDifferentLineExactly() {
        // statement: "1" 1000 (same), "2" 2500 (rebatch 2000), no "3" (rebatch 3000), "4" 400 (settled in October
        // in rebatch), "5" 500 (RECEIVED in rebatch), "6" 600 (unknown to rebatch): 5000 fen in 5 lines.
        Statement s = Statement.builder(NOV).detail(TB, "1", 1000).detail(TB, "2", 2500).detail(TB, "4", 400)
                .detail(TB, "5", 500).detail(TB, "6", 600).build();
        Map<String, KnownLine> db = Map.of(
                "4", new KnownLine("4", LineStatus.SETTLED, BusinessTime.parseLocal("2026-10-31 23:30:00")),
                "5", new KnownLine("5", LineStatus.RECEIVED, null));
        PlatformResult r = compare(s, november(), db);

        assertThat(r).isEqualTo(new PlatformResult(TB, NOV, 5000, 6000, 5, 3, false));
        assertThat(r.diffIncomeFen()).isEqualTo(-1000);
        assertThat(r.diffLines()).isEqualTo(2);
        assertThat(r.status()).isEqualTo(PlatformResult.Status.MISMATCH);
        assertThat(out).containsExactly(
                new LineDifference(TB, "2", Difference.AMOUNT_DIFFERS, LineStatus.SETTLED, LocalDate.of(2026, 11, 15),
                        2000L, 2500L, 500L),
                new LineDifference(TB, "3", Difference.NOT_IN_STATEMENT, LineStatus.SETTLED, LocalDate.of(2026, 11, 30),
                        3000L, null, -3000L),
                new LineDifference(TB, "4", Difference.NOT_IN_REBATCH, LineStatus.SETTLED, LocalDate.of(2026, 10, 31),
                        null, 400L, 400L),
                new LineDifference(TB, "5", Difference.NOT_IN_REBATCH, LineStatus.RECEIVED, null, null, 500L, 500L),
                new LineDifference(TB, "6", Difference.NOT_IN_REBATCH, null, null, null, 600L, 600L));
        // the exact rows explain the whole difference: 500 - 3000 + 400 + 500 + 600 = -1000
        assertThat(out.stream().mapToLong(LineDifference::diffIncomeFen).sum()).isEqualTo(r.diffIncomeFen());
        assertThat(lookups).containsExactly(List.of("4", "5", "6"));
        assertThat(new StatementComparison(s).needsCandidates(r)).isFalse();
    }

    @Test
    void aDetailBeforeEveryRebatchLineIsLookedUpToo() {
        Statement s = Statement.builder(NOV).detail(TB, "0", 7).detail(TB, "1", 1000).detail(TB, "2", 2000)
                .detail(TB, "3", 3000).build();
        PlatformResult r = compare(s, november(), Map.of());
        assertThat(r).isEqualTo(new PlatformResult(TB, NOV, 6007, 6000, 4, 3, false));
        assertThat(out).containsExactly(new LineDifference(TB, "0", Difference.NOT_IN_REBATCH, null, null, null, 7L, 7L));
    }

    @Test
    void detailsThatDoNotAddUpToTheTotalAreAMismatchEvenWhenTheTotalMatches() {
        // total 6000 fen / 3 lines = rebatch; the details say 1000 + 2000 = 3000 in 2 lines
        Statement s = Statement.builder(NOV).total(TB, 6000, 3).detail(TB, "1", 1000).detail(TB, "2", 2000).build();
        PlatformResult r = compare(s, november(), Map.of());
        assertThat(r).isEqualTo(new PlatformResult(TB, NOV, 6000, 6000, 3, 3, true));
        assertThat(r.diffIncomeFen()).isZero();
        assertThat(r.status()).isEqualTo(PlatformResult.Status.MISMATCH);
        assertThat(out).containsExactly(
                new LineDifference(TB, null, Difference.DETAILS_DIFFER_FROM_TOTAL, null, null, null, 3000L, -3000L),
                new LineDifference(TB, "3", Difference.NOT_IN_STATEMENT, LineStatus.SETTLED, LocalDate.of(2026, 11, 30),
                        3000L, null, -3000L));
    }

    @Test
    void detailsThatAddUpInIncomeButNotInCountAlsoDisagree() {
        Statement s = Statement.builder(NOV).total(TB, 6000, 4).detail(TB, "1", 1000).detail(TB, "2", 2000)
                .detail(TB, "3", 3000).build();
        PlatformResult r = compare(s, november(), Map.of());
        assertThat(r).isEqualTo(new PlatformResult(TB, NOV, 6000, 6000, 4, 3, true));
        assertThat(out).containsExactly(
                new LineDifference(TB, null, Difference.DETAILS_DIFFER_FROM_TOTAL, null, null, null, 6000L, 0L));
    }

    @Test
    void aMismatchingTotalListsBoundaryAndRefundCandidatesInASecondPass() {
        // the platform says 5000 fen in 2 lines; rebatch 6000 in 3. "1" is neither on a boundary day nor refunded.
        Statement s = Statement.builder(NOV).total(TB, 3000, 1).total(TB, 2000, 1).build();
        StatementComparison c = new StatementComparison(s);
        PlatformResult r = c.compare(TB, november().iterator(), known(Map.of()), out::add).orElseThrow();
        assertThat(r).isEqualTo(new PlatformResult(TB, NOV, 5000, 6000, 2, 3, false));
        assertThat(out).as("pass one of a totals-only platform names nothing").isEmpty();
        assertThat(c.needsCandidates(r)).isTrue();

        List<RebatchLine> lines = new ArrayList<>(november());
        lines.add(0, line("0", 10, "2026-11-01 00:00:00", true)); // first day and refunded: both
        c.candidates(TB, lines.iterator(), out::add);
        assertThat(out).containsExactly(
                new LineDifference(TB, "0", Difference.CANDIDATE_BOUNDARY, LineStatus.SETTLED, LocalDate.of(2026, 11, 1),
                        10L, null, null),
                new LineDifference(TB, "0", Difference.CANDIDATE_REFUND, LineStatus.SETTLED, LocalDate.of(2026, 11, 1),
                        10L, null, null),
                new LineDifference(TB, "2", Difference.CANDIDATE_REFUND, LineStatus.SETTLED, LocalDate.of(2026, 11, 15),
                        2000L, null, null),
                new LineDifference(TB, "3", Difference.CANDIDATE_BOUNDARY, LineStatus.SETTLED, LocalDate.of(2026, 11, 30),
                        3000L, null, null));
        assertThat(lookups).isEmpty();
    }

    @Test
    void aPlatformOnlyRebatchHasIsAMismatchWithoutLinesAndOneNeitherHasIsLeftOut() {
        StatementComparison c = new StatementComparison(Statement.builder(NOV).total(Platform.JD, 0, 0).build());
        PlatformResult r = c.compare(TB, november().iterator(), known(Map.of()), out::add).orElseThrow();
        assertThat(r).isEqualTo(new PlatformResult(TB, NOV, 0, 6000, 0, 3, false));
        assertThat(r.status()).isEqualTo(PlatformResult.Status.MISMATCH);
        assertThat(c.needsCandidates(r)).isFalse();
        assertThat(c.compare(Platform.PDD, List.<RebatchLine>of().iterator(), known(Map.of()), out::add)).isEmpty();
        Optional<PlatformResult> jd = c.compare(Platform.JD, List.<RebatchLine>of().iterator(), known(Map.of()), out::add);
        assertThat(jd).contains(new PlatformResult(Platform.JD, NOV, 0, 0, 0, 0, false));
        assertThat(jd.get().status()).isEqualTo(PlatformResult.Status.MATCH);
        assertThat(out).isEmpty();
    }

    @Test
    void linesOutOfOrderAreRefusedRatherThanMisMerged() {
        Statement s = Statement.builder(NOV).detail(TB, "1", 1000).build();
        Iterator<RebatchLine> lines = List.of(line("b", 1, "2026-11-10 12:00:00", false),
                line("B", 1, "2026-11-10 12:00:00", false)).iterator();
        assertThatThrownBy(() -> new StatementComparison(s).compare(TB, lines, known(Map.of()), out::add))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("B after b");
    }

    @Test
    void unmatchedDetailsAreLookedUpInBatches() {
        Statement.Builder b = Statement.builder(NOV);
        for (int i = 0; i < StatementComparison.LOOKUP_BATCH + 2; i++) {
            b.detail(TB, String.format("x%04d", i), 1);
        }
        PlatformResult r = compare(b.build(), List.of(), Map.of());
        assertThat(r.statementLines()).isEqualTo(StatementComparison.LOOKUP_BATCH + 2);
        assertThat(lookups).hasSize(2);
        assertThat(lookups.get(0)).hasSize(StatementComparison.LOOKUP_BATCH).startsWith("x0000");
        assertThat(lookups.get(1)).containsExactly("x0500", "x0501");
        assertThat(out).hasSize(StatementComparison.LOOKUP_BATCH + 2)
                .allMatch(d -> d.difference() == Difference.NOT_IN_REBATCH && d.rebatchStatus() == null);
    }

    @Test
    void aSecondDetailRowForTheSameLineIsRefused() {
        Statement.Builder b = Statement.builder(NOV).detail(TB, "1", 1000).detail(Platform.JD, "1", 5);
        assertThatThrownBy(() -> b.detail(TB, "1", 1000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a second detail row for TAOBAO order_line_id 1");
    }
}
