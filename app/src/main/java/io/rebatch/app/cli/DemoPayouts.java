package io.rebatch.app.cli;

import io.rebatch.domain.BusinessTime;
import io.rebatch.domain.Money;
import io.rebatch.domain.payout.SerialNo;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo's last act, the money leaving (SPEC §7), through the same commands support staff and finance run: the
 * four users with the most available money withdraw (the first one twice: the second request is refused for the
 * daily cap), {@code payout} for tomorrow writes the batch file and its {@code .sha256}, a simulated Alipay result
 * file (a success, a failure, a tampered amount, a success) is applied — twice, the second time changing nothing —
 * and the withdrawals are exported. The demo's rule sets cap withdrawals at 500 yuan a day (see
 * {@link DemoCommand}) so the cap is reachable with demo-sized balances.
 */
final class DemoPayouts {
    private static final String[][] PAYEES = {{"13800000001", "张三"}, {"13800000002", "李四"},
            {"wang.xiaoming@example.com", "王小明"}, {"13800000004", "欧阳娜娜"}};
    /** The amounts asked, in fen: 300.00, then 250.00 again for the first user (over 500.00 a day), 200, 150, 100. */
    private static final long[] AMOUNTS = {30_000, 20_000, 15_000, 10_000};
    private static final long OVER_CAP = 25_000;

    private final RebatchCommand root;
    private final Path dir;

    DemoPayouts(RebatchCommand root, Path dir) {
        this.root = root;
        this.dir = dir;
    }

    /** Runs the act; returns how many commands it ran. */
    int run(PrintWriter out) throws IOException {
        JdbcTemplate jdbc = root.bean(JdbcTemplate.class);
        List<Long> users = jdbc.queryForList("SELECT user_id FROM user_balance WHERE available_fen >= 30000"
                + " ORDER BY available_fen DESC, user_id LIMIT 4", Long.class);
        LocalDate payDate = BusinessTime.dateOf(root.bean(Clock.class).instant()).plusDays(1);
        out.println("payouts (SPEC 7): withdrawals now, the batch of " + payDate + " (requested before 10:00):");
        int n = 0;
        List<String[]> steps = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            steps.add(withdraw(users.get(i), AMOUNTS[i], PAYEES[i], "demo-" + i));
            if (i == 0) {
                steps.add(withdraw(users.get(0), OVER_CAP, PAYEES[0], "demo-0-again"));
            }
        }
        Path payouts = dir.resolve("payouts");
        steps.add(new String[] {"payout", "--date", payDate.toString(), "--out", payouts.toString()});
        for (String[] step : steps) {
            say(out, step);
            n++;
        }
        Path result = resultFile(jdbc, payDate);
        String[][] more = {{"payout-result", result.toString()}, {"payout-result", result.toString()},
                {"payout", "--date", payDate.toString(), "--out", payouts.toString()},
                {"export", "withdrawals", "--out", dir.resolve("out/withdrawals.csv").toString()},
                {"export", "balances", "--out", dir.resolve("out/balances.csv").toString()}};
        for (String[] step : more) {
            say(out, step);
            n++;
        }
        jdbc.query("SELECT COALESCE(SUM(withdrawing_fen), 0), COALESCE(SUM(paid_fen), 0) FROM user_balance", rs -> {
            out.printf("  withdrawing %s yuan, paid %s yuan; payout files in %s, Alipay result %s%n",
                    Money.formatYuan(rs.getLong(1)), Money.formatYuan(rs.getLong(2)), payouts, result);
        });
        out.flush();
        return n;
    }

    private static String[] withdraw(long user, long amountFen, String[] payee, String key) {
        return new String[] {"withdraw", "--user", Long.toString(user), "--amount-fen", Long.toString(amountFen),
                "--account", payee[0], "--name", payee[1], "--key", key};
    }

    private void say(PrintWriter out, String[] step) {
        StringWriter stepOut = new StringWriter();
        StringWriter stepErr = new StringWriter();
        int code = root.runStep(new PrintWriter(stepOut), new PrintWriter(stepErr), step);
        List<String> said = (stepOut.toString() + stepErr).strip().lines().toList();
        String text = String.join("\n         ", said).replace(dir.toAbsolutePath() + "/", "").replace(dir + "/", "");
        out.println("  exit " + code + ": " + text);
        out.flush();
    }

    /**
     * What Alipay would send back for the batch: the first line paid, the second failed, the third tampered (its
     * amount raised by 100 yuan: refused, stays withdrawing), the rest paid.
     */
    private Path resultFile(JdbcTemplate jdbc, LocalDate payDate) throws IOException {
        StringBuilder sb = new StringBuilder("商户流水号,收款人账号,收款人姓名,付款金额（元）,状态,失败原因,支付宝流水号,完成时间\n");
        List<Object[]> rows = jdbc.query("SELECT withdrawal_id, payee_account, payee_name, amount_fen FROM withdrawal"
                + " WHERE status = 'IN_BATCH' ORDER BY withdrawal_id", (rs, i) -> new Object[] {rs.getLong(1),
                        rs.getString(2), rs.getString(3), rs.getLong(4)});
        String day = payDate.toString();
        for (int i = 0; i < rows.size(); i++) {
            Object[] r = rows.get(i);
            long amount = (long) r[3] + (i == 2 ? 10_000 : 0);
            String serial = SerialNo.of((long) r[0]).format();
            String outcome = i == 1 ? "失败,收款账户不存在,," : "成功,,2026" + String.format(Locale.ROOT, "%012d", 7_000 + i) + ",";
            sb.append(serial).append(',').append(r[1]).append(',').append(r[2]).append(',')
                    .append(Money.formatYuan(amount)).append(',').append(outcome).append(day).append(" 11:0").append(i)
                    .append(":00\n");
        }
        Path file = dir.resolve("in/alipay-result-" + day + ".csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, sb, StandardCharsets.UTF_8);
        return file;
    }
}
