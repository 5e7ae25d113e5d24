package io.rebatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.jobs.support.TestDatabase;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The import of Alipay's result file (SPEC §7, {@code payout-result}) against a real batch: a success pays
 * (withdrawing → paid, PAID with its transfer number), a failure gives the money back exactly once (withdrawing →
 * available, FAILED with its reason); a line whose account or amount was changed is refused, reported and
 * quarantined with the payee masked — no clear account or name reaches the console, the quarantine export or the
 * log — while the rest of the file applies; the same file again changes nothing at all; a second, different
 * result for a settled withdrawal and a result for a withdrawal not yet in a batch are refused; GB18030 and
 * quoted fields are read; a file with the wrong header is refused whole (exit 2, one line). The ledger invariants
 * hold after every import. Were the match of account and amount, the status guard or the one-result-per-withdrawal
 * rule missing, the balances asserted here would differ.
 */
class PayoutResultIT {
    private static final String HEADER = "商户流水号,收款人账号,收款人姓名,付款金额（元）,状态,失败原因,支付宝流水号,完成时间\n";
    private static final Charset GB18030 = Charset.forName("GB18030");

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.rebatch.jobs.support.TestDatabases#all")
    void resultsPayOrReturnOnceRefuseWhatDoesNotMatchAndNeverLeakThePayee(TestDatabase db, @TempDir Path work)
            throws Exception {
        try (db) {
            PayoutFixture f = PayoutFixture.settled(db, work);
            f.sixWithdrawals();
            assertThat(f.payout("2026-12-04").code()).isZero();
            StringBuilder console = new StringBuilder();

            // A wrong header: refused whole, nothing applied although its row would match.
            List<String> before = snapshot(f);
            CliRun header = result(f, work, "wrong-header.csv", StandardCharsets.UTF_8, HEADER.replace("商户流水号", "流水号")
                    + "W000000000001,13812340000,张三,50.00,成功,,2026120411007001,2026-12-04 15:30:00\n", console);
            assertThat(header.code()).isEqualTo(2);
            assertThat(header.oneErrorLine()).startsWith("rebatch: payout-result ").contains("商户流水号");
            assertThat(snapshot(f)).isEqualTo(before);

            // A success, a failure and a line whose account was changed.
            String first = HEADER
                    + "W000000000001,13812340000,张三,50.00,成功,,2026120411007001,2026-12-04 15:30:00\n"
                    + "W000000000002,zhang.wei@example.com,王𠮷,123.45,失败,收款账户不存在,,2026-12-04 15:31:00\n"
                    + "W000000000003,2088123456789099,陶喆,300.00,成功,,2026120411007003,2026-12-04 15:32:00\n";
            CliRun r1 = result(f, work, "result-1.csv", StandardCharsets.UTF_8, first, console);
            assertThat(r1.code()).as(r1.err()).isZero();
            assertThat(r1.out().lines().toList()).hasSize(2);
            assertThat(r1.out()).contains(": paid 1 (50.00 yuan), failed 1, unchanged 0, refused 1 (execution ");
            assertThat(r1.out().lines().toList().get(1)).isEqualTo("  refused line 4: W000000000003 does not match its"
                    + " withdrawal: payee account: expected 208****9012, file has 208****9099");
            assertThat(f.withdrawals()).startsWith("1|PAID|B20261204001|2026120411007001|null",
                    "2|FAILED|B20261204001|null|收款账户不存在", "3|IN_BATCH|B20261204001|null|null");
            assertThat(f.balances()).containsExactly(PayoutFixture.USER_A + "|0|64|1000|5000",
                    PayoutFixture.USER_B + "|1266|16248|10000|0", PayoutFixture.USER_C + "|6745|4381|50000|0");
            LedgerInvariants.assertHold(f.url);
            Path quarantine = work.resolve("quarantine.csv");
            assertThat(f.cli("export", "quarantine", "--out", quarantine.toString()).code()).isZero();
            assertThat(Files.readAllLines(quarantine)).filteredOn(l -> l.startsWith("result-1.csv,")).singleElement()
                    .asString().startsWith("result-1.csv,4,").contains("208****9099").contains("陶*");
            assertNoClearPayee(Files.readString(quarantine));

            // The same file again: nothing changes, and the output says so.
            before = snapshot(f);
            CliRun again = result(f, work, "result-1.csv", StandardCharsets.UTF_8, first, console);
            assertThat(again.code()).as(again.err()).isZero();
            assertThat(again.out()).contains(": paid 0 (0.00 yuan), failed 0, unchanged 2, refused 1 (execution ");
            assertThat(snapshot(f)).isEqualTo(before);
            assertThat(Scenarios.count(f.url, "SELECT COUNT(*) FROM ledger_entry WHERE entry_key = 'W:2:RESULT'"))
                    .as("the failure gave the money back once").isEqualTo(2);
            LedgerInvariants.assertHold(f.url);

            // GB18030: the genuine W3 line applies; contradicting results and a result before any batch are refused.
            CliRun r2 = result(f, work, "result-2.csv", GB18030, HEADER
                    + "W000000000003,2088123456789012,陶喆,300.00,成功,,2026120411007003,2026-12-04 15:40:00\n"
                    + "W000000000001,13812340000,张三,50.00,成功,,2026120499999999,2026-12-04 15:41:00\n"
                    + "W000000000002,zhang.wei@example.com,王𠮷,123.45,成功,,2026120411007002,2026-12-04 15:42:00\n"
                    + "W000000000004,13812340000,张三,10.00,失败,余额不足,,2026-12-04 15:43:00\n", console);
            assertThat(r2.code()).as(r2.err()).isZero();
            assertThat(r2.out()).contains(": paid 1 (300.00 yuan), failed 0, unchanged 0, refused 3 (execution ")
                    .contains("  refused line 3: W000000000001: already PAID with transfer 2026120411007001")
                    .contains("  refused line 4: W000000000002: already FAILED")
                    .contains("  refused line 5: W000000000004: not in a payout batch yet");
            assertThat(f.withdrawals()).startsWith("1|PAID|B20261204001|2026120411007001|null",
                    "2|FAILED|B20261204001|null|收款账户不存在", "3|PAID|B20261204001|2026120411007003|null",
                    "4|REQUESTED|null|null|null");
            assertThat(f.balances()).containsExactly(PayoutFixture.USER_A + "|0|64|1000|5000",
                    PayoutFixture.USER_B + "|1266|16248|10000|0", PayoutFixture.USER_C + "|6745|4381|20000|30000");
            LedgerInvariants.assertHold(f.url);

            // Quoted fields (a reason with a comma and quotes), the English statuses, an amount changed alone.
            assertThat(f.payout("2026-12-05").code()).isZero();
            CliRun r3 = result(f, work, "result-3.csv", StandardCharsets.UTF_8,
                    "\"商户流水号\",\"收款人账号\",\"收款人姓名\",\"付款金额（元）\",\"状态\",\"失败原因\",\"支付宝流水号\",\"完成时间\"\n"
                    + "\"W000000000004\",\"13812340000\",\"张三\",\"10.00\",\"FAIL\",\"账户状态\"\"冻结\"\",无法收款\",\"\",\"\"\n"
                    + "\"W000000000005\",\"zhang.wei@example.com\",\"王𠮷\",\"100.00\",\"SUCCESS\",\"\",\"2026120511008005\","
                    + "\"2026-12-05 16:00:00\"\n"
                    + "\"W000000000006\",\"2088123456789012\",\"陶喆\",\"2000.00\",\"SUCCESS\",\"\",\"2026120511008006\","
                    + "\"2026-12-05 16:01:00\"\n", console);
            assertThat(r3.code()).as(r3.err()).isZero();
            assertThat(r3.out()).contains(": paid 1 (100.00 yuan), failed 1, unchanged 0, refused 1 (execution ")
                    .contains("  refused line 4: W000000000006 does not match its withdrawal: amount: expected 200.00"
                            + " yuan, file has 2000.00 yuan");
            assertThat(f.withdrawals()).containsExactly("1|PAID|B20261204001|2026120411007001|null",
                    "2|FAILED|B20261204001|null|收款账户不存在", "3|PAID|B20261204001|2026120411007003|null",
                    "4|FAILED|B20261205001|null|账户状态\"冻结\",无法收款", "5|PAID|B20261205001|2026120511008005|null",
                    "6|IN_BATCH|B20261205001|null|null");
            assertThat(f.balances()).containsExactly(PayoutFixture.USER_A + "|0|1064|0|5000",
                    PayoutFixture.USER_B + "|1266|16248|0|10000", PayoutFixture.USER_C + "|6745|4381|20000|30000");
            LedgerInvariants.assertHold(f.url);

            Path withdrawals = work.resolve("withdrawals.csv");
            assertThat(f.cli("export", "withdrawals", "--out", withdrawals.toString()).code()).isZero();
            assertNoClearPayee(Files.readString(withdrawals));
            assertNoClearPayee(console.toString());
            assertThat(f.log()).as("the log file").isNotEmpty();
            assertNoClearPayee(f.log());
        }
    }

    /** Writes the result file in {@code charset} and imports it; collects what it printed. */
    private static CliRun result(PayoutFixture f, Path work, String name, Charset charset, String text,
                                 StringBuilder console) throws Exception {
        Path file = work.resolve("results").resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, text.getBytes(charset));
        CliRun r = f.cli("payout-result", file.toString());
        console.append(r.out()).append(r.err());
        return r;
    }

    /** Everything an import could change: withdrawals (every column), balances, ledger and quarantine sizes. */
    private static List<String> snapshot(PayoutFixture f) {
        List<String> s = new ArrayList<>(f.withdrawalRows());
        s.addAll(LedgerInvariants.rows(f.url, "SELECT * FROM user_balance ORDER BY user_id"));
        s.add("ledger " + f.count("ledger_entry"));
        s.add("quarantine " + f.count("quarantine"));
        return s;
    }

    private static void assertNoClearPayee(String text) {
        for (String clear : PayoutFixture.CLEAR_PAYEE_VALUES) {
            assertThat(text).as("clear payee value %s", clear).doesNotContain(clear);
        }
    }
}
