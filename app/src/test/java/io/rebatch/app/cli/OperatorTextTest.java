package io.rebatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.domain.Bucket;
import io.rebatch.domain.Level;
import io.rebatch.domain.Platform;
import io.rebatch.domain.RuleSet;
import io.rebatch.writers.ops.ExplainReads.Entry;
import io.rebatch.writers.ops.ExplainReads.LineTrace;
import io.rebatch.writers.ops.ExplainReads.UserRow;
import io.rebatch.writers.ops.ExplainReads.WithdrawalRow;
import io.rebatch.writers.ops.JobExecutionReads.Execution;
import io.rebatch.writers.ops.JobExecutionReads.Rerun;
import io.rebatch.writers.ops.JobExecutionReads.Step;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pure text of {@code status} and {@code explain}: formats, grouping, sums and the balance check. */
class OperatorTextTest {
    private static final Instant T0 = Instant.parse("2026-11-25T18:30:00Z"); // 2026-11-26 02:30 Shanghai

    @Test
    void valuesAreOneTokenEach() {
        assertThat(OpsText.time(T0)).isEqualTo("2026-11-26T02:30:00.000+08:00");
        assertThat(OpsText.time(null)).isEqualTo("-");
        assertThat(OpsText.duration(T0, T0.plusMillis(2345))).isEqualTo("2.345s");
        assertThat(OpsText.duration(T0, null)).isEqualTo("-");
        assertThat(OpsText.quote("COMPLETED")).isEqualTo("COMPLETED");
        assertThat(OpsText.quote("JD rates \"fixed\"\nagain")).isEqualTo("\"JD rates \\\"fixed\\\" again\"");
        assertThat(OpsText.quote("a=b")).isEqualTo("\"a=b\"");
        assertThat(OpsText.quote("")).isEqualTo("\"\"");
        assertThat(OpsText.firstLine("boom\n\tat x")).isEqualTo("boom");
        assertThat(ExplainText.amount("share", 780L)).isEqualTo("share_fen=780 share_yuan=7.80");
        assertThat(ExplainText.signed("amount", -5)).isEqualTo("amount_fen=-5 amount_yuan=-0.05");
    }

    @Test
    void statusListsExecutionsStepsRerunsAndDryRunsInTimeOrder() {
        Step lines = new Step(1, "settleLines", "COMPLETED", 40, 38, 2, 1, 3, 0, "COMPLETED", "", T0, T0.plusMillis(1900));
        Step failed = new Step(2, "settleReport", "FAILED", 0, 0, 0, 0, 0, 1, "FAILED",
                "java.lang.IllegalStateException: disk full\n\tat x.y", T0, T0.plusMillis(100));
        Execution newer = new Execution(12, "settle", Map.of("date", "2026-11-25", "attempt", "2"),
                Map.of("reason", "JD rates fixed"), "FAILED", "FAILED", "disk full", T0, T0.plusSeconds(2),
                List.of(lines, failed));
        Execution older = new Execution(9, "import", Map.of("kind", "ORDERS:JD", "sha256", "0123456789abcdef0123"),
                Map.of("file", "/tmp/in/jd-2026-11-25.jsonl"), "COMPLETED", "COMPLETED", "", T0.minusSeconds(600),
                T0.minusSeconds(599), List.of());
        Rerun ran = new Rerun(3, LocalDate.of(2026, 11, 25), null, "JD rates fixed", false, "alice",
                T0.minusMillis(1), 12L, "FAILED", null);
        Rerun dry = new Rerun(2, LocalDate.of(2026, 11, 25), "JD", "check first", true, "alice",
                T0.minusSeconds(60), null, null, 4L);

        List<String> out = StatusText.lines(List.of(newer, older), Map.of(12L, List.of(ran)), List.of(dry));

        assertThat(out).hasSize(6);
        assertThat(out.get(0)).startsWith("execution 12 settle date=2026-11-25 attempt=2 reason=\"JD rates fixed\"")
                .contains(" status=FAILED ", " start=2026-11-26T02:30:00.000+08:00", " duration=2.000s",
                        " failure=\"disk full\"");
        assertThat(out.get(1)).isEqualTo("  step settleLines  status=COMPLETED read=40 write=38 filter=2 skip=1"
                + " commit=3 rollback=0 duration=1.900s");
        assertThat(out.get(2)).endsWith("duration=0.100s failure=\"java.lang.IllegalStateException: disk full\"");
        assertThat(out.get(3)).isEqualTo("  rerun 3 date=2026-11-25 platform=- reason=\"JD rates fixed\""
                + " requested_by=alice requested_at=2026-11-26T02:29:59.999+08:00 outcome=FAILED delta_rows=-");
        assertThat(out.get(4)).startsWith("dry-run 2 date=2026-11-25 platform=JD reason=\"check first\"")
                .endsWith("delta_rows=4");
        assertThat(out.get(5)).startsWith("execution 9  import kind=ORDERS:JD sha256=0123456789ab file=jd-2026-11-25.jsonl")
                .contains(" status=COMPLETED ");
        // aligned: the status column starts at the same place on both execution lines
        assertThat(out.get(0).indexOf(" status=")).isEqualTo(out.get(5).indexOf(" status="));
    }

    private static final RuleSet RULES = new RuleSet("2026-01", LocalDate.of(2026, 1, 1),
            Map.of(Level.NORMAL, 5000, Level.VIP, 6500, Level.SVIP, 8000), 1000, 500,
            Map.of(Platform.TAOBAO, 0, Platform.JD, 0, Platform.PDD, 200), 7, 72, List.of(), 100, 500_000);

    private static LineTrace trace() {
        return new LineTrace("SETTLED", T0, 3, "taobao-2026-10-31.csv:4", T0.minusSeconds(86_400 * 10),
                T0.minusSeconds(86_400 * 10), T0.minusSeconds(86_400 * 8), "I1", "CLICK", "VIP", false,
                LocalDate.of(2026, 11, 20), 1200L, 780L, 120L, 0L, "AVAILABLE", LocalDate.of(2026, 11, 25), null,
                null, null, 30L, T0.minusSeconds(86_400 * 11), "adz1", null, null, null, null);
    }

    private static Entry line(long id, String bucket, long fen, String key) {
        return new Entry(id, key, bucket, fen, "LINE", "TAOBAO", "1001", "BUYER", LocalDate.of(2026, 11, 20), 7L,
                trace());
    }

    private static List<Entry> entries() {
        return List.of(
                line(1, "PENDING", 780, "L:TAOBAO:1001:BUYER:PENDING:1763000000000.1:1"),
                new Entry(2, "W:17:REQUEST", "AVAILABLE", -500, "WDR", null, null, null, LocalDate.of(2026, 11, 26),
                        null, null),
                line(3, "PENDING", -780, "L:TAOBAO:1001:BUYER:PENDING:1764000000000.3:2"),
                line(4, "AVAILABLE", 780, "L:TAOBAO:1001:BUYER:AVAILABLE:1764000000000.3:2"),
                new Entry(5, "W:17:REQUEST", "WITHDRAWING", 500, "WDR", null, null, null, LocalDate.of(2026, 11, 26),
                        null, null));
    }

    @Test
    void explainGroupsByLineAndRoleThenWithdrawalAndChecksTheBalance() {
        ExplainText.Result r = ExplainText.explain(6, new UserRow(6, "VIP", 5L), new long[] {0, 280, 500, 0},
                entries(), List.of(new WithdrawalRow(17, 500, "REQUESTED", LocalDate.of(2026, 11, 26), null, null, null)),
                List.of(), d -> RULES, null);

        assertThat(r.mismatches()).isEmpty();
        List<String> out = r.lines();
        assertThat(out.get(0)).isEqualTo("explain user 6 level=VIP inviter=5 entries=5");
        assertThat(out.get(1)).startsWith("line TAOBAO:1001 role=BUYER status=SETTLED item=I1 snapshot=")
                .contains("source=taobao-2026-10-31.csv:4");
        assertThat(out.get(2)).startsWith("  priced rule=2026-01 ").contains(" share_bps=6500 ",
                " share_fen=780 share_yuan=7.80 ", " freeze_days=7 ").doesNotContain("recomputed");
        assertThat(out.get(3)).startsWith("  decided method=CLICK by=\"click 30\" clicked_at=").contains(" pid=adz1 ");
        // the line's three entries together, in posting order, then the withdrawal's two
        assertThat(out.subList(4, 8)).allMatch(l -> l.contains(" line=TAOBAO:1001 role=BUYER rule=2026-01 ") || l.startsWith("  sum"));
        assertThat(out.get(4)).startsWith("  entry 1 date=2026-11-20 bucket=PENDING amount_fen=+780 amount_yuan=+7.80 ")
                .endsWith("/PAID revision=1 execution=7");
        assertThat(out.get(7)).isEqualTo("  sum pending_fen=0 pending_yuan=0.00 available_fen=780 available_yuan=7.80");
        assertThat(out.get(8)).startsWith("withdrawal 17 amount_fen=500 amount_yuan=5.00 status=REQUESTED");
        assertThat(out.get(9)).isEqualTo("  entry 2 date=2026-11-26 bucket=AVAILABLE amount_fen=-500 amount_yuan=-5.00"
                + " withdrawal=17 step=REQUEST execution=-");
        assertThat(out).contains("total AVAILABLE entries_fen=280 entries_yuan=2.80 = balance balance_fen=280 balance_yuan=2.80");
    }

    @Test
    void aBucketThatDoesNotAddUpIsAMismatchAndAMonthIsOnlySummed() {
        ExplainText.Result r = ExplainText.explain(6, null, new long[] {0, 281, 500, 0}, entries(), List.of(),
                List.of(), d -> null, null);
        assertThat(r.mismatches()).hasSize(1);
        assertThat(r.mismatches().get(0).bucket()).isEqualTo(Bucket.AVAILABLE);
        assertThat(r.lines()).contains("total AVAILABLE entries_fen=280 entries_yuan=2.80 != balance balance_fen=281"
                + " balance_yuan=2.81 MISMATCH");
        assertThat(r.lines()).anyMatch(l -> l.startsWith("  priced rule=- "));

        ExplainText.Result m = ExplainText.explain(6, null, new long[4], entries(), List.of(), List.of(), d -> RULES,
                YearMonth.of(2026, 11));
        assertThat(m.mismatches()).isEmpty();
        assertThat(m.lines()).contains("month 2026-11 AVAILABLE sum_fen=280 sum_yuan=2.80")
                .noneMatch(l -> l.startsWith("total "));
    }
}
