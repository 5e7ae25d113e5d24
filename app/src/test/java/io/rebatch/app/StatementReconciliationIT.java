package io.rebatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.jobs.support.TestDatabase;
import io.rebatch.jobs.support.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code close-month --month 2026-11 --statement F} on a hand-written month: Taobao lines T1 (10000 fen, settled
 * 11-10), T2 (20000, settled 11-30 23:30, the last day), T3 (5000, settled 11-15, refund snapshot), T4 (RECEIVED),
 * T5 (3000, settled 10-31: October); Pinduoduo P1 (1000, settled 11-01 00:10, the first day) and P2 (2000, 11-20).
 * rebatch's November: TAOBAO 35000 fen in 3 lines, PDD 3000 in 2. A bad statement is refused before anything is
 * posted; a matching, a totals-only and a detail statement give the exact CSVs below; only the tier bonus of the
 * first close moves money, the statements never do.
 */
class StatementReconciliationIT {
    static final String LINES_HEADER = "platform,order_line_id,difference,rebatch_status,rebatch_settled_on,"
            + "rebatch_income_fen,statement_income_fen,diff_income_fen";
    static final String SUMMARY_HEADER = "platform,month,status,statement_income_fen,rebatch_income_fen,"
            + "diff_income_fen,statement_lines,rebatch_lines,diff_lines";

    static Stream<TestDatabase> databases() {
        return TestDatabases.all();
    }

    final CorpusRows rows = new CorpusRows(7);

    String t(int row) {
        return rows.id("61", row);
    }

    String p(int row) {
        return "261110-" + rows.id("8", row);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void statementsAreReconciledPerLineAndNeverMoveMoney(TestDatabase db, @TempDir Path work) throws Exception {
        Path in = Files.createDirectories(work.resolve("in"));
        Path reports = work.resolve("reports");
        Scenarios.copyTree(Scenarios.samplesDir().resolve("multi-week/config"), work.resolve("config"));
        write(in.resolve("users.csv"), CorpusRows.USERS_HEADER, "1001,NORMAL,,2026-01-01T00:00:00+08:00");
        write(in.resolve("bindings.csv"), CorpusRows.BINDINGS_HEADER, "TAOBAO,RELATION_ID,9038553168,1001");
        write(in.resolve("taobao.jsonl"), CorpusRows.taobaoPage(List.of(
                taobaoSettled(1, "101.00", "2026-11-10 12:00:00"), taobaoSettled(2, "201.00", "2026-11-30 23:30:00"),
                taobaoSettled(3, "51.00", "2026-11-15 12:00:00"), CorpusRows.with(rows.taobao(4), "tk_status", 14),
                october(taobaoSettled(5, "31.00", "2026-10-31 23:50:00")))));
        write(in.resolve("refunds.jsonl"), CorpusRows.refundPage(List.of(CorpusRows.with(CorpusRows.with(rows.refund(3),
                "refund_status", 2), "tk_commission_fee_refund_pub", "10.0000"))));
        write(in.resolve("pdd.jsonl"), CorpusRows.pddPage(List.of(pddSettled(1, 1000, "2026-11-01 00:10:00"),
                pddSettled(2, 2000, "2026-11-20 09:00:00"))));
        System.setProperty("rebatch.reports-dir", reports.toString());
        try (db) {
            String url = db.jdbcUrl();
            for (String step : List.of("load users in/users.csv", "load bindings in/bindings.csv",
                    "import --platform taobao in/taobao.jsonl", "import --platform pdd in/pdd.jsonl",
                    "import --platform taobao --refunds in/refunds.jsonl", "settle --date 2026-11-30")) {
                assertThat(CliRun.step(work, url, step).code()).as(step).isZero();
            }
            List<String> settledLedger = ledger(url);
            assertThat(settledLedger).isNotEmpty().noneMatch(e -> e.startsWith("TIER"));

            // a bad statement: exit 2, one line naming the file and line, nothing posted (not even the tier bonus)
            write(in.resolve("bad.csv"), "platform,month,settled_income_fen,line_count", "TAOBAO,2026-11,35000,3",
                    "PDD,2026-10,3000,2");
            CliRun bad = CliRun.step(work, url, "close-month --month 2026-11 --statement in/bad.csv");
            assertThat(bad.code()).isEqualTo(2);
            assertThat(bad.oneErrorLine()).contains("bad.csv line 3: a row of month 2026-10 in the statement of 2026-11");
            assertThat(ledger(url)).isEqualTo(settledLedger);
            assertThat(LedgerInvariants.rows(url, "SELECT COUNT(*) FROM tier_bonus")).containsExactly("0");

            // (a) matching totals: both MATCH, no lines; the tier bonus (and only it) is posted
            write(in.resolve("match.csv"), "platform,month,settled_income_fen,line_count", "TAOBAO,2026-11,35000,3",
                    "pdd,2026-11,3000,2");
            CliRun a = CliRun.step(work, url, "close-month --month 2026-11 --statement in/match.csv");
            assertThat(a.code()).isZero();
            Path summaryA = reports.resolve("statement-2026-11-a1.csv");
            assertThat(a.out()).contains("report " + summaryA);
            assertThat(Files.readAllLines(summaryA)).containsExactly(SUMMARY_HEADER,
                    "PDD,2026-11,MATCH,3000,3000,0,2,2,0", "TAOBAO,2026-11,MATCH,35000,35000,0,3,3,0");
            assertThat(Files.readAllLines(reports.resolve("statement-2026-11-a1-lines.csv"))).containsExactly(LINES_HEADER);
            List<String> closedLedger = ledger(url);
            assertThat(closedLedger.subList(0, settledLedger.size())).isEqualTo(settledLedger);
            assertThat(closedLedger.subList(settledLedger.size(), closedLedger.size())).isNotEmpty()
                    .allMatch(e -> e.startsWith("TIER:1001:2026-11|"));
            List<String> balances = LedgerInvariants.rows(url, "SELECT * FROM user_balance ORDER BY user_id");

            // (b) totals only, Taobao short by T2 (counted in December by the platform): candidates are listed
            write(in.resolve("totals.csv"), "month,line_count,platform,settled_income_fen", "2026-11,2,TAOBAO,15000",
                    "2026-11,2,PDD,3000");
            assertThat(CliRun.step(work, url, "close-month --month 2026-11 --statement in/totals.csv").code()).isZero();
            assertThat(Files.readAllLines(reports.resolve("statement-2026-11-a2.csv"))).containsExactly(SUMMARY_HEADER,
                    "PDD,2026-11,MATCH,3000,3000,0,2,2,0", "TAOBAO,2026-11,MISMATCH,15000,35000,-20000,2,3,-1");
            assertThat(Files.readAllLines(reports.resolve("statement-2026-11-a2-lines.csv"))).containsExactly(LINES_HEADER,
                    "TAOBAO," + t(2) + ",CANDIDATE_BOUNDARY,SETTLED,2026-11-30,20000,,",
                    "TAOBAO," + t(3) + ",CANDIDATE_REFUND,SETTLED,2026-11-15,5000,,");

            // (c) details: T2 missing, T3 differs (4000), T5 extra (settled in October), T4 extra (only RECEIVED),
            // an id rebatch never saw, PDD exact with a total that agrees
            write(in.resolve("details.csv"), "platform,month,order_line_id,settled_income_fen,line_count",
                    "TAOBAO,2026-11," + t(1) + ",10000,1", "TAOBAO,2026-11," + t(3) + ",4000,1",
                    "TAOBAO,2026-11," + t(5) + ",3000,1", "TAOBAO,2026-11," + t(4) + ",800,1",
                    "TAOBAO,2026-11,61999,100,1", "PDD,2026-11," + p(2) + ",2000,1", "PDD,2026-11," + p(1) + ",1000,1",
                    "PDD,2026-11,,3000,2");
            assertThat(CliRun.step(work, url, "close-month --month 2026-11 --statement in/details.csv").code()).isZero();
            assertThat(Files.readAllLines(reports.resolve("statement-2026-11-a3.csv"))).containsExactly(SUMMARY_HEADER,
                    "PDD,2026-11,MATCH,3000,3000,0,2,2,0", "TAOBAO,2026-11,MISMATCH,17900,35000,-17100,5,3,2");
            assertThat(Files.readAllLines(reports.resolve("statement-2026-11-a3-lines.csv"))).containsExactly(LINES_HEADER,
                    "TAOBAO," + t(2) + ",NOT_IN_STATEMENT,SETTLED,2026-11-30,20000,,-20000",
                    "TAOBAO," + t(3) + ",AMOUNT_DIFFERS,SETTLED,2026-11-15,5000,4000,-1000",
                    "TAOBAO," + t(4) + ",NOT_IN_REBATCH,RECEIVED,,,800,800",
                    "TAOBAO," + t(5) + ",NOT_IN_REBATCH,SETTLED,2026-10-31,,3000,3000",
                    "TAOBAO,61999,NOT_IN_REBATCH,,,,100,100");

            assertThat(ledger(url)).as("statements never post").isEqualTo(closedLedger);
            assertThat(LedgerInvariants.rows(url, "SELECT * FROM user_balance ORDER BY user_id")).isEqualTo(balances);
            LedgerInvariants.assertHold(url);
        }
    }

    Map<String, Object> taobaoSettled(int row, String pubShareFee, String earning) {
        Map<String, Object> m = CorpusRows.with(rows.taobao(row), "tk_status", 3);
        m = CorpusRows.with(m, "pub_share_fee", pubShareFee);
        m = CorpusRows.with(m, "tk_earning_time", earning);
        return CorpusRows.with(m, "modified_time", earning);
    }

    static Map<String, Object> october(Map<String, Object> row) {
        Map<String, Object> m = CorpusRows.with(row, "tk_create_time", "2026-10-20 10:00:00");
        m = CorpusRows.with(m, "tk_paid_time", "2026-10-20 10:05:00");
        m = CorpusRows.with(m, "tb_paid_time", "2026-10-20 10:05:00");
        return CorpusRows.with(m, "click_time", "2026-10-20 09:58:00");
    }

    Map<String, Object> pddSettled(int row, long fen, String settled) {
        Map<String, Object> m = CorpusRows.with(rows.pdd(row), "order_status", 5);
        m = CorpusRows.with(m, "order_status_desc", "已经结算");
        m = CorpusRows.with(m, "promotion_amount", fen);
        m = CorpusRows.with(m, "order_receive_time", CorpusRows.epoch("2026-10-31 12:00:00"));
        m = CorpusRows.with(m, "order_create_time", CorpusRows.epoch("2026-10-30 10:00:00"));
        m = CorpusRows.with(m, "order_pay_time", CorpusRows.epoch("2026-10-30 10:05:00"));
        m = CorpusRows.with(m, "order_group_success_time", CorpusRows.epoch("2026-10-30 10:05:00"));
        m = CorpusRows.with(m, "order_settle_time", CorpusRows.epoch(settled));
        return CorpusRows.with(m, "order_modify_at", CorpusRows.epoch(settled));
    }

    /** entry_key|leg|amount_fen of every ledger entry, in posting order. */
    static List<String> ledger(String url) {
        return LedgerInvariants.rows(url, "SELECT entry_key, leg, amount_fen FROM ledger_entry ORDER BY entry_id");
    }

    static void write(Path file, String... lines) throws Exception {
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }
}
