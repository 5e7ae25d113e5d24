package io.rebatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.jobs.support.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The common ground of the payout tests: the multi-week sample settled on a database (so users have available
 * balances), a config with a fixed payer and a test clock, and six withdrawals written out by hand — W1..W3 on
 * 2026-12-03 14:00 Asia/Shanghai (before the 2026-12-04 10:00 cut-off), W4..W6 on 2026-12-04 11:00 (after it, so
 * they wait for 2026-12-05). Payee values appear in clear only here, in the expected payout files and in the
 * result files the tests write; {@link #CLEAR_PAYEE_VALUES} lists them so a test can prove they leak nowhere else.
 */
final class PayoutFixture {
    static final String PAYER_ACCOUNT = "finance@rebatch.test";
    static final String PAYER_NAME = "返利测试有限公司";
    static final String BEFORE_CUTOFF_DEC_04 = "2026-12-03T06:00:00Z";   // 2026-12-03 14:00 Asia/Shanghai
    static final String AFTER_CUTOFF_DEC_04 = "2026-12-04T03:00:00Z";    // 2026-12-04 11:00 Asia/Shanghai
    static final String PHONE = "13812340000";
    static final String EMAIL = "zhang.wei@example.com";
    static final String ALIPAY_ID = "2088123456789012";
    static final String RARE_NAME = "王𠮷";   // U+20BB7, outside the BMP: four bytes in UTF-8 and in GB18030
    /** Users of the sample with their balance after it: pending, available (expected/balances.csv). */
    static final long USER_A = 102208;   // 0, 6064
    static final long USER_B = 223646;   // 1266, 26248
    static final long USER_C = 696853;   // 6745, 54381
    static final List<String> CLEAR_PAYEE_VALUES = List.of(PHONE, EMAIL, ALIPAY_ID, "张三", RARE_NAME, "陶喆",
            "2088123456789099");

    final Path scenario;
    final String url;
    final Path out;

    private PayoutFixture(Path scenario, String url) {
        this.scenario = scenario;
        this.url = url;
        this.out = scenario.resolve("payouts");
    }

    /** The multi-week sample run on {@code db}, then the payout config (clock before the 2026-12-04 cut-off). */
    static PayoutFixture settled(TestDatabase db, Path work) {
        Path scenario = Scenarios.copySample("multi-week", work);
        Scenarios.runSteps(scenario, db.jdbcUrl());
        PayoutFixture f = new PayoutFixture(scenario, db.jdbcUrl());
        f.clockAt(BEFORE_CUTOFF_DEC_04);
        return f;
    }

    /** Writes {@code <config>/application.yml}: the fixed payer, the log file and the clock start. */
    void clockAt(String instant) {
        String yml = "rebatch:\n  payout:\n    payer-account: " + PAYER_ACCOUNT + "\n    payer-name: " + PAYER_NAME
                + "\n  testing:\n    start-clock-at: " + instant + "\nlogging:\n  file:\n    name: " + logFile() + "\n";
        try {
            Files.writeString(config().resolve("application.yml"), yml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path config() {
        return scenario.resolve("config");
    }

    Path logFile() {
        return scenario.resolve("logs").resolve("rebatch.log").toAbsolutePath();
    }

    /** {@code rebatch --db URL --config DIR ARGS…} in process. */
    CliRun cli(String... args) {
        List<String> all = new ArrayList<>(List.of("--db", url, "--config", config().toString()));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    CliRun payout(String date, String... more) {
        List<String> args = new ArrayList<>(List.of("payout", "--date", date, "--out", out.toString()));
        args.addAll(List.of(more));
        return cli(args.toArray(String[]::new));
    }

    void withdraw(long user, long amountFen, String account, String name, String key, String expectedSerial) {
        CliRun r = cli("withdraw", "--user", String.valueOf(user), "--amount-fen", String.valueOf(amountFen),
                "--account", account, "--name", name, "--key", key);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("withdraw: accepted " + expectedSerial + " ");
    }

    /** W1..W3 before the 2026-12-04 cut-off, W4..W6 after it; the clock is left after it. */
    void sixWithdrawals() {
        threeWithdrawals();
        clockAt(AFTER_CUTOFF_DEC_04);
        withdraw(USER_A, 1000, PHONE, "张三", "k4", "W000000000004");
        withdraw(USER_B, 10000, EMAIL, RARE_NAME, "k5", "W000000000005");
        withdraw(USER_C, 20000, ALIPAY_ID, "陶喆", "k6", "W000000000006");
    }

    /** W1..W3, before the 2026-12-04 cut-off: the batch of {@code payout-B20261204001.utf8.csv}. */
    void threeWithdrawals() {
        clockAt(BEFORE_CUTOFF_DEC_04);
        withdraw(USER_A, 5000, PHONE, "张三", "k1", "W000000000001");
        withdraw(USER_B, 12345, EMAIL, RARE_NAME, "k2", "W000000000002");
        withdraw(USER_C, 30000, ALIPAY_ID, "陶喆", "k3", "W000000000003");
    }

    /** {@code id|status|batch_no|transfer_no|reason} of every withdrawal, by id. */
    List<String> withdrawals() {
        return LedgerInvariants.rows(url, "SELECT withdrawal_id, status, batch_no, transfer_no, reason FROM withdrawal"
                + " ORDER BY withdrawal_id");
    }

    /** Every column of every withdrawal (result_at included: a re-applied result would change it). */
    List<String> withdrawalRows() {
        return LedgerInvariants.rows(url, "SELECT * FROM withdrawal ORDER BY withdrawal_id");
    }

    /** {@code user|pending|available|withdrawing|paid} of the three users. */
    List<String> balances() {
        return LedgerInvariants.rows(url, "SELECT user_id, pending_fen, available_fen, withdrawing_fen, paid_fen"
                + " FROM user_balance WHERE user_id IN (" + USER_A + "," + USER_B + "," + USER_C + ") ORDER BY user_id");
    }

    long count(String table) {
        return Scenarios.count(url, "SELECT COUNT(*) FROM " + table);
    }

    /** The visible (not hidden) files of the payout directory, by name. */
    List<String> visibleFiles() {
        return files().stream().filter(n -> !n.startsWith(".")).toList();
    }

    List<String> files() {
        if (!Files.isDirectory(out)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(out)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] resource(String name) {
        try (InputStream in = PayoutFixture.class.getResourceAsStream("/payout/" + name)) {
            assertThat(in).as("test resource payout/" + name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything the log file holds so far ("" when nothing was logged). */
    String log() {
        try {
            return Files.isRegularFile(logFile()) ? Files.readString(logFile(), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
