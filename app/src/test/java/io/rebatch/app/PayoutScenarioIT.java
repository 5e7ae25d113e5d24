package io.rebatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.app.cli.InProcessSteps;
import io.rebatch.jobs.support.TestDatabase;
import io.rebatch.jobs.support.TestDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 7's "done when", end to end through the §10 commands on H2 and MariaDB: the multi-week sample settled (its
 * expected balances are independent of rebatch), then on 2026-11-26 before the 10:00 cut-off withdrawals (accepted,
 * replayed, refused below the minimum and above available), the payout of 2026-11-26, a result file with a
 * success, a failure and a tampered line, and on 2026-11-27 a second withdrawal, a second payout day and a result
 * file that also carries the corrected line of the first batch. Every user's four balances must equal the sample's
 * expected balances moved by exactly these withdrawals, the payout files' totals and serials must match, and
 * importing both result files again must change nothing.
 */
class PayoutScenarioIT {
    private static final String HEADER = "商户流水号,收款人账号,收款人姓名,付款金额（元）,状态,失败原因,支付宝流水号,完成时间";

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.rebatch.jobs.support.TestDatabases#all")
    void withdrawalsPayoutsAndResultsEndWithExactBalances(TestDatabase db, @TempDir Path work) throws IOException {
        Path scenario = Scenarios.copySample("multi-week", work);
        try (db) {
            String url = db.jdbcUrl();
            clockAt(scenario, "2026-11-26T00:30:00Z");   // 08:30 Asia/Shanghai, before the 10:00 cut-off
            List<String> steps = new ArrayList<>(Files.readAllLines(scenario.resolve("steps.txt")));
            steps.removeIf(String::isBlank);
            steps.add("withdraw --user 102208 --amount-fen 5000 --account 13812340000 --name 张三 --key a-1");
            steps.add("withdraw --user 102208 --amount-fen 5000 --account 13812340000 --name 张三 --key a-1");
            steps.add("withdraw --user 123406 --amount-fen 4977 --account li.si@example.com --name 李四 --key b-1");
            steps.add("withdraw --user 126681 --amount-fen 100 --account 13900000003 --name 欧阳娜娜 --key c-1");
            steps.add("payout --date 2026-11-26 --out out/payouts");
            assertThat(InProcessSteps.run(args(scenario, url, steps))).isZero();

            assertThat(CliRun.of(Scenarios.args(scenario, url, "withdraw --user 102208 --amount-fen 2000"
                    + " --account 13812340000 --name 张三 --key a-2")).err()).contains("INSUFFICIENT_BALANCE");
            assertThat(CliRun.of(Scenarios.args(scenario, url, "withdraw --user 126681 --amount-fen 99"
                    + " --account 13900000003 --name 欧阳娜娜 --key c-2")).code()).isEqualTo(3);
            assertThat(Files.readAllLines(scenario.resolve("out/payouts/payout-B20261126001.csv")))
                    .containsExactly("批次号,付款日期,付款人账号,付款人名称,总金额（元）,总笔数",
                            "B20261126001,20261126,payout@rebatch.example,返利平台,100.77,3",
                            "商户流水号,收款人账号,收款人姓名,付款金额（元）,付款理由",
                            "W000000000001,13812340000,张三,50.00,返利提现",
                            "W000000000002,li.si@example.com,李四,49.77,返利提现",
                            "W000000000003,13900000003,欧阳娜娜,1.00,返利提现");

            Path day1 = write(scenario.resolve("in/result-1.csv"),
                    "W000000000001,13812340000,张三,50.00,成功,,20261126110000001,2026-11-26 11:00:00",
                    "W000000000002,li.si@example.com,李四,49.77,失败,收款账户不存在,,2026-11-26 11:00:01",
                    "W000000000003,13900000003,欧阳娜娜,10.00,成功,,20261126110000003,2026-11-26 11:00:02");
            CliRun applied = CliRun.of(Scenarios.args(scenario, url, "payout-result in/result-1.csv"));
            assertThat(applied.out()).contains("paid 1 (50.00 yuan), failed 1, unchanged 0, refused 1")
                    .contains("refused line 4: W000000000003 does not match its withdrawal: amount: expected 1.00 yuan,"
                            + " file has 10.00 yuan");

            clockAt(scenario, "2026-11-27T00:30:00Z");
            Path day2 = write(scenario.resolve("in/result-2.csv"),
                    "W000000000003,13900000003,欧阳娜娜,1.00,成功,,20261127110000003,2026-11-27 11:00:00",
                    "W000000000004,li.si@example.com,李四,40.00,SUCCESS,,20261127110000004,2026-11-27 11:00:01");
            List<String> next = List.of(
                    "withdraw --user 123406 --amount-fen 4000 --account li.si@example.com --name 李四 --key b-2",
                    "payout --date 2026-11-27 --out out/payouts", "payout --date 2026-11-26 --out out/payouts",
                    "payout-result in/result-2.csv", "payout-result in/result-1.csv", "payout-result in/result-2.csv",
                    "export balances --out out/balances.csv", "export withdrawals --out out/withdrawals.csv");
            assertThat(InProcessSteps.run(args(scenario, url, next))).isZero();
            assertThat(day1).exists();
            assertThat(day2).exists();

            assertThat(Files.readAllLines(scenario.resolve("out/payouts/payout-B20261127001.csv")))
                    .containsExactly("批次号,付款日期,付款人账号,付款人名称,总金额（元）,总笔数",
                            "B20261127001,20261127,payout@rebatch.example,返利平台,40.00,1",
                            "商户流水号,收款人账号,收款人姓名,付款金额（元）,付款理由",
                            "W000000000004,li.si@example.com,李四,40.00,返利提现");
            Map<String, String> expected = new LinkedHashMap<>();
            for (String line : Scenarios.nonZeroBalances(scenario.resolve("expected/balances.csv"))) {
                expected.put(line.substring(0, line.indexOf(',')), line);
            }
            expected.put("102208", "102208,0,1064,0,5000");        // 60.64 - 50.00 paid
            expected.put("123406", "123406,0,977,0,4000");         // 49.77 failed back, then 40.00 paid
            expected.put("126681", "126681,10419,8108,0,100");     // 1.00 paid on the second day's file
            assertThat(Scenarios.nonZeroBalances(scenario.resolve("out/balances.csv")))
                    .containsExactlyElementsOf(expected.values());
            assertThat(Files.readAllLines(scenario.resolve("out/withdrawals.csv"), StandardCharsets.UTF_8))
                    .containsExactly("withdrawal_id,user_id,amount_fen,status,batch_no,transfer_no,reason",
                            "1,102208,5000,PAID,B20261126001,20261126110000001,",
                            "2,123406,4977,FAILED,B20261126001,,收款账户不存在",
                            "3,126681,100,PAID,B20261126001,20261127110000003,",
                            "4,123406,4000,PAID,B20261127001,20261127110000004,");
            assertThat(Scenarios.count(url, "SELECT COUNT(*) FROM payout_batch")).isEqualTo(2);
            assertThat(Scenarios.count(url, "SELECT COUNT(*) FROM ledger_entry WHERE ref_type = 'WDR'"))
                    .as("4 requests + 4 results, two legs each: nothing applied twice").isEqualTo(16);
            assertThat(Scenarios.count(url, "SELECT COUNT(*) FROM user_balance b WHERE b.withdrawing_fen <>"
                    + " (SELECT COALESCE(SUM(e.amount_fen), 0) FROM ledger_entry e WHERE e.user_id = b.user_id"
                    + " AND e.bucket = 'WITHDRAWING') OR b.paid_fen <> (SELECT COALESCE(SUM(e.amount_fen), 0)"
                    + " FROM ledger_entry e WHERE e.user_id = b.user_id AND e.bucket = 'PAID')")).isZero();
            LedgerInvariants.assertHold(url);
        }
    }

    private static void clockAt(Path scenario, String instant) throws IOException {
        Files.writeString(scenario.resolve("config/application.yml"),
                "rebatch:\n  testing:\n    start-clock-at: " + instant + "\n");
    }

    private static Path write(Path file, String... rows) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, HEADER + "\n" + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private static List<String[]> args(Path scenario, String url, List<String> steps) {
        List<String[]> out = new ArrayList<>();
        for (String s : steps) {
            out.add(Scenarios.args(scenario, url, s));
        }
        return out;
    }
}
