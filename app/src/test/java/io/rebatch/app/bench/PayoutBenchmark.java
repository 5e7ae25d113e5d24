package io.rebatch.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.app.cli.RebatchContext;
import io.rebatch.domain.BusinessTime;
import io.rebatch.domain.Money;
import io.rebatch.domain.payout.WithdrawalRequest;
import io.rebatch.jobs.payout.Payouts;
import io.rebatch.jobs.payout.Withdrawals;
import io.rebatch.jobs.support.TestDatabase;
import io.rebatch.jobs.support.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The payout benchmark of {@code bench/payout-bench.sh} (not part of the test suite: its name matches no Failsafe
 * pattern; the script names it). For N users (default 100,000, {@code -Drebatch.bench.lines}) it opens a balance
 * (a ledger posting against {@code HOUSE:BENCH}, batched), then times: N withdrawals through the withdrawal service
 * on two threads, the payout run of tomorrow (batch + N-line file + .sha256), the same payout again (verify), and
 * the import of an N-line all-success result file. Prints {@code bench <phase> <seconds> s}; asserts only that the
 * work was done (line count, totals), never a time.
 */
class PayoutBenchmark {
    private static final int LINES = Integer.getInteger("rebatch.bench.lines", 100_000);

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.rebatch.jobs.support.TestDatabases#all")
    void payoutOfManyWithdrawals(TestDatabase db, @TempDir Path work) throws Exception {
        Path config = work.resolve("config");
        Files.createDirectories(config.resolve("rules"));
        Files.copy(Path.of(System.getProperty("rebatch.samples.dir", "../../shared/samples"), "multi-week/config/rules/2026-01.yml"),
                config.resolve("rules/2026-01.yml"));
        try (db; ConfigurableApplicationContext ctx = RebatchContext.start(db.jdbcUrl(), config,
                Map.of("rebatch.reports-dir", work.resolve("reports").toString()))) {
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            Payouts payouts = ctx.getBean(Payouts.class);
            long t = System.nanoTime();
            openBalances(jdbc);
            report(db, "open-balances", t);

            t = System.nanoTime();
            long total = withdrawAll(payouts);
            report(db, "withdrawals-" + LINES, t);

            LocalDate payDate = BusinessTime.dateOf(ctx.getBean(Clock.class).instant()).plusDays(1);
            t = System.nanoTime();
            Payouts.PayoutRun run = payouts.payout(payDate, "UTF-8", work.resolve("payouts"));
            report(db, "payout-file-" + LINES, t);
            assertThat(run.batch().lineCount()).isEqualTo(LINES);
            assertThat(run.batch().totalFen()).isEqualTo(total);
            assertThat(Files.readAllLines(run.file(), StandardCharsets.UTF_8)).hasSize(LINES + 3);

            t = System.nanoTime();
            payouts.payout(payDate, "UTF-8", work.resolve("payouts"));
            report(db, "payout-rerun-verify", t);

            Path result = resultFile(jdbc, work.resolve("result.csv"), payDate);
            t = System.nanoTime();
            Payouts.ResultRun applied = payouts.importResult(result);
            report(db, "payout-result-" + LINES, t);
            assertThat(applied.paid()).isEqualTo(LINES);
            assertThat(applied.paidFen()).isEqualTo(total);
        }
    }

    private static void openBalances(JdbcTemplate jdbc) {
        for (int from = 1; from <= LINES; from += 5_000) {
            List<Object[]> legs = new ArrayList<>();
            List<Object[]> balances = new ArrayList<>();
            for (long u = from; u < from + 5_000 && u <= LINES; u++) {
                legs.add(new Object[] {"BENCH:OPEN:" + u, 1, "USER", u, "AVAILABLE", 100_000L});
                legs.add(new Object[] {"BENCH:OPEN:" + u, 2, "HOUSE:BENCH", null, null, -100_000L});
                balances.add(new Object[] {u, 100_000L});
            }
            jdbc.batchUpdate("INSERT INTO ledger_entry (entry_key, leg, account, user_id, bucket, amount_fen, ref_type,"
                    + " business_date, posted_at) VALUES (?, ?, ?, ?, ?, ?, 'BENCH', DATE '2026-11-01',"
                    + " TIMESTAMP '2026-11-01 00:00:00')", legs);
            jdbc.batchUpdate("INSERT INTO user_balance (user_id, pending_fen, available_fen, withdrawing_fen, paid_fen)"
                    + " VALUES (?, 0, ?, 0, 0)", balances);
        }
    }

    private static long withdrawAll(Payouts payouts) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Long>> parts = new ArrayList<>();
            for (int part = 0; part < 2; part++) {
                int p = part;
                parts.add(pool.submit(() -> {
                    long sum = 0;
                    for (long u = 1 + p; u <= LINES; u += 2) {
                        long amount = 1_234 + u % 100;
                        Withdrawals.Outcome o = payouts.withdraw(WithdrawalRequest.of(u, amount,
                                String.format(Locale.ROOT, "139%08d", u), "张三", "bench-" + u));
                        if (!o.created()) {
                            throw new IllegalStateException("user " + u + " not accepted: " + o.refusal());
                        }
                        sum += amount;
                    }
                    return sum;
                }));
            }
            long total = 0;
            for (Future<Long> f : parts) {
                total += f.get();
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Path resultFile(JdbcTemplate jdbc, Path file, LocalDate day) throws Exception {
        StringBuilder sb = new StringBuilder("商户流水号,收款人账号,收款人姓名,付款金额（元）,状态,失败原因,支付宝流水号,完成时间\n");
        jdbc.query("SELECT withdrawal_id, payee_account, payee_name, amount_fen FROM withdrawal ORDER BY withdrawal_id",
                rs -> {
                    long id = rs.getLong(1);
                    sb.append(String.format(Locale.ROOT, "W%012d", id)).append(',').append(rs.getString(2)).append(',')
                            .append(rs.getString(3)).append(',').append(Money.formatYuan(rs.getLong(4)))
                            .append(",成功,,").append(String.format(Locale.ROOT, "2026%014d", id)).append(',')
                            .append(day).append(" 11:00:00\n");
                });
        Files.writeString(file, sb, StandardCharsets.UTF_8);
        return file;
    }

    private static void report(TestDatabase db, String phase, long startNanos) {
        System.out.printf(Locale.ROOT, "bench %s %s %.2f s%n", db.name(), phase, (System.nanoTime() - startNanos) / 1e9);
        System.out.flush();
    }
}
