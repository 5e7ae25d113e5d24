package io.rebatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.app.cli.RebatchContext;
import io.rebatch.jobs.support.TestDatabase;
import io.rebatch.jobs.support.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator-facing contract of the CLI (SPEC 9, 10; issue 6): every failure ends in one line on the console and
 * its exit code (2 bad usage or input, 3 refused, 1 failed), the stack trace in {@code logs/rebatch.log} only; H2
 * URLs get the MySQL-mode options; credentials come from the environment or the config file; a failed first
 * migration leaves the database usable; exports neutralise formulas, list quarantine and hold unevaluable lines.
 * Tests that must see the real console (and the environment) run rebatch in a child JVM.
 */
class CliContractIT {
    @AfterEach
    void clear() {
        System.clearProperty("spring.flyway.locations");
    }

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    /** rebatch in its own JVM, in {@code workDir}, with only the given REBATCH_DB_* variables. */
    static CliRun child(Path workDir, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.timezone=Europe/London", "-cp", System.getProperty("java.class.path"),
                RebatchApplication.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        pb.environment().remove(RebatchContext.ENV_USER);
        pb.environment().remove(RebatchContext.ENV_PASSWORD);
        pb.environment().remove("LOGGING_THRESHOLD_CONSOLE");
        pb.environment().putAll(env);
        Path out = Files.createTempFile(workDir, "out", ".txt");
        Path err = Files.createTempFile(workDir, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("child finished").isTrue();
        return new CliRun(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    static Path config(Path work) {
        Path cfg = work.resolve("config");
        Scenarios.copyTree(Scenarios.samplesDir().resolve("multi-week/config"), cfg);
        return cfg;
    }

    @Test
    void badUsageIsTwoWithOneLine(@TempDir Path work) {
        CliRun noOut = run("export", "lines");
        assertThat(noOut.code()).isEqualTo(2);
        assertThat(noOut.oneErrorLine()).contains("--out");

        CliRun unknown = run("--no-such-option", "export", "balances", "--out", "x.csv");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.oneErrorLine()).contains("--no-such-option");

        CliRun badDate = run("export", "quarantine", "--out", work.resolve("q.csv").toString(), "--since", "2026-13-01");
        assertThat(badDate.code()).isEqualTo(2);
        assertThat(badDate.oneErrorLine()).contains("'2026-13-01' is not a date (YYYY-MM-DD)");

        assertThat(run().code()).isEqualTo(2);
        assertThat(run("export").code()).isEqualTo(2);
        assertThat(run("export").oneErrorLine()).contains("quarantine");
    }

    @Test
    void aDatabaseHeldByAnotherProcessIsRefusedWithThreeAndOneLine(@TempDir Path work) throws Exception {
        Path cfg = config(work);
        // This JVM holds the embedded database of the child's working directory, as another rebatch would.
        String url = RebatchContext.embeddedUrl(work.resolve("data"));
        try (Connection held = DriverManager.getConnection(url)) {
            CliRun r = child(work, Map.of(), "--config", cfg.toString(), "export", "balances", "--out",
                    work.resolve("b.csv").toString());
            assertThat(r.code()).as(r.err()).isEqualTo(3);
            assertThat(r.oneErrorLine()).isEqualTo("rebatch: refused: another process holds the database ("
                    + work.toAbsolutePath().resolve("data").resolve("rebatch") + ".mv.db); wait for it to finish");
            assertThat(r.out()).isEmpty();
        }
        assertThat(Files.readString(work.resolve("logs/rebatch.log"))).contains("90020").contains("\tat ");
        // Once it is free, the same command works.
        CliRun ok = child(work, Map.of(), "--config", cfg.toString(), "export", "balances", "--out",
                work.resolve("b.csv").toString());
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.err()).isEmpty();
    }

    @Test
    void credentialsComeFromTheEnvironmentOrTheConfigFileAndNeverShow(@TempDir Path work) throws Exception {
        Path cfg = config(work);
        Path dir = work.resolve("db");
        String bare = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("rebatch");
        String password = "s3cret-pw";
        try (Connection c = DriverManager.getConnection(bare + ";USER=fin;PASSWORD=" + password)) {
            assertThat(c.isValid(1)).isTrue(); // creates the database owned by fin
        }
        String out = work.resolve("b.csv").toString();

        CliRun none = run("--db", bare, "--config", cfg.toString(), "export", "balances", "--out", out);
        assertThat(none.code()).as(none.err()).isEqualTo(2);
        assertThat(none.oneErrorLine()).contains("user name or password").contains(RebatchContext.ENV_USER);

        CliRun inUrl = run("--db", bare + ";USER=fin;PASSWORD=wrong-" + password, "--config", cfg.toString(),
                "export", "balances", "--out", out);
        assertThat(inUrl.code()).isEqualTo(2);
        assertThat(inUrl.oneErrorLine()).doesNotContain("wrong-" + password).contains("PASSWORD=****");

        // The real environment of a real process: a wrong password is refused without being shown, the right one works.
        CliRun wrong = child(work, Map.of(RebatchContext.ENV_USER, "fin", RebatchContext.ENV_PASSWORD, "wrong-" + password),
                "--db", bare, "--config", cfg.toString(), "export", "balances", "--out", out);
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.oneErrorLine()).doesNotContain(password);
        CliRun fromEnv = child(work, Map.of(RebatchContext.ENV_USER, "fin", RebatchContext.ENV_PASSWORD, password),
                "--db", bare, "--config", cfg.toString(), "export", "balances", "--out", out);
        assertThat(fromEnv.code()).as(fromEnv.err()).isZero();
        assertThat(fromEnv.err()).isEmpty();
        assertThat(fromEnv.out()).doesNotContain(password);

        Files.writeString(cfg.resolve("application.yml"),
                "spring:\n  datasource:\n    username: fin\n    password: " + password + "\n");
        CliRun fromConfig = run("--db", bare, "--config", cfg.toString(), "export", "balances", "--out", out);
        assertThat(fromConfig.code()).as(fromConfig.err()).isZero();
    }

    @Test
    void anH2UrlWithoutOptionsGetsMySqlMode(@TempDir Path work) {
        assertThat(RebatchContext.normalize("jdbc:h2:mem:x")).isEqualTo("jdbc:h2:mem:x" + RebatchContext.H2_OPTIONS
                + ";DB_CLOSE_ON_EXIT=FALSE");
        assertThat(RebatchContext.normalize("jdbc:h2:tcp://h/x;MODE=MySQL;USER=sa"))
                .isEqualTo("jdbc:h2:tcp://h/x;MODE=MySQL;USER=sa;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE"
                        + ";NON_KEYWORDS=VALUE,KEY,MONTH,YEAR,USER;WRITE_DELAY=0;LOCK_TIMEOUT=10000");
        String url = "jdbc:h2:file:" + work.toAbsolutePath().resolve("db/rebatch");
        Path cfg = config(work);
        CliRun r = run("--db", url, "--config", cfg.toString(), "export", "balances", "--out", work.resolve("b.csv").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("export balances: 0 users");
    }

    @Test
    void aFailedFirstMigrationLeavesTheDatabaseReRunnable(@TempDir Path work) throws Exception {
        Path cfg = config(work);
        Path extra = Files.createDirectories(work.resolve("extra"));
        Path v900 = extra.resolve("V900__extra_table.sql");
        Files.writeString(v900, "CREATE TABLE extra_t (id INT);\nINSERT INTO no_such_table VALUES (1);\n");
        System.setProperty("spring.flyway.locations", "classpath:db/migration/common,classpath:db/migration/{vendor},"
                + "filesystem:" + extra.toAbsolutePath());
        try (TestDatabase db = TestDatabases.h2()) {
            String out = work.resolve("b.csv").toString();
            CliRun failed = run("--db", db.jdbcUrl(), "--config", cfg.toString(), "export", "balances", "--out", out);
            assertThat(failed.code()).isEqualTo(1);
            assertThat(failed.oneErrorLine()).contains("V900").contains("no_such_table").contains("run again");

            Files.writeString(v900, "CREATE TABLE extra_t (id INT);\n");
            CliRun again = run("--db", db.jdbcUrl(), "--config", cfg.toString(), "export", "balances", "--out", out);
            assertThat(again.code()).as(again.err()).isZero();
            assertThat(Scenarios.count(db.jdbcUrl(), "SELECT COUNT(*) FROM extra_t")).isZero();
            assertThat(Scenarios.count(db.jdbcUrl(), "SELECT COUNT(*) FROM flyway_schema_history WHERE success = FALSE"))
                    .isZero();
        }
    }

    @Test
    void exportsNeutraliseFormulasListQuarantineAndHoldUnevaluableLines(@TempDir Path work) throws Exception {
        Path cfg = config(work);
        try (TestDatabase db = TestDatabases.h2()) {
            Path balances = work.resolve("balances.csv");
            assertThat(run("--db", db.jdbcUrl(), "--config", cfg.toString(), "export", "balances", "--out",
                    balances.toString()).code()).isZero();
            try (Connection c = DriverManager.getConnection(db.jdbcUrl()); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO user_balance VALUES (7, -120, 50, 0, 0)");
                String q = "INSERT INTO quarantine (import_key, row_no, kind, platform, source, line_no, raw_text, reason,"
                        + " created_at) VALUES ";
                // 2026-10-19 16:00 UTC is the start of business date 2026-10-20 in Asia/Shanghai.
                s.executeUpdate(q + "('k', 1, 'ORDERS', 'TAOBAO', 'b.csv', 9, '=HYPERLINK(\"http://x\")', 'bad amount',"
                        + " '2026-10-19 16:00:00')");
                s.executeUpdate(q + "('k', 2, 'ORDERS', 'TAOBAO', 'b.csv', 3, 'first\nsecond, \"quoted\"', '-5 is negative',"
                        + " '2026-10-20 01:00:00')");
                s.executeUpdate(q + "('k', 3, 'ORDERS', 'TAOBAO', 'a.csv', 5, 'old', 'old reason',"
                        + " '2026-10-19 15:59:59.999')");
                String line = "INSERT INTO order_line (platform, order_line_id, item_id, quantity, paid_amount_fen,"
                        + " commission_rate_bps, estimated_income_fen, status, status_rank, created_at, paid_at,"
                        + " modified_at, source) VALUES ";
                s.executeUpdate(line + "('TAOBAO', '1001', 'i', 1, 10000, 1000, 1000, 'PAID', 1, '1970-01-02 00:00:00',"
                        + " '1970-01-02 00:00:00', '1970-01-02 00:00:00', 'x')");
                s.executeUpdate(line + "('TAOBAO', '1002', 'i', 1, 10000, 1000, 1000, 'PAID', 1, '2026-10-20 00:00:00',"
                        + " '2026-10-20 00:00:00', '2026-10-20 00:00:00', 'x')");
                s.executeUpdate("INSERT INTO line_settlement (platform, order_line_id, tried, method, buyer_id, buyer_level,"
                        + " unverified, income_fen, buyer_fen, inviter_fen, grand_inviter_fen, margin_fen,"
                        + " buyer_pending_fen, buyer_available_fen, inviter_pending_fen, inviter_available_fen,"
                        + " grand_pending_fen, grand_available_fen, revision, settled_on)"
                        + " VALUES ('TAOBAO', '1001', 1, 'PID', 7, 'NORMAL', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,"
                        + " '2026-10-20')");
            }
            CliRun b = run("--db", db.jdbcUrl(), "--config", cfg.toString(), "export", "balances", "--out", balances.toString());
            assertThat(b.code()).isZero();
            assertThat(Files.readAllLines(balances)).containsExactly(
                    "user_id,pending_fen,available_fen,withdrawing_fen,paid_fen", "7,-120,50,0,0");

            Path quarantine = work.resolve("q.csv");
            CliRun q = run("--db", db.jdbcUrl(), "--config", cfg.toString(), "export", "quarantine", "--out",
                    quarantine.toString(), "--since", "2026-10-20");
            assertThat(q.code()).as(q.err()).isZero();
            assertThat(q.out()).contains("2 rows");
            assertThat(Files.readString(quarantine, StandardCharsets.UTF_8)).isEqualTo("source,line_no,reason,raw\r\n"
                    + "b.csv,3,'-5 is negative,\"first\nsecond, \"\"quoted\"\"\"\r\n"
                    + "b.csv,9,bad amount,\"'=HYPERLINK(\"\"http://x\"\")\"\r\n");
            CliRun all = run("--db", db.jdbcUrl(), "--config", cfg.toString(), "export", "quarantine", "--out",
                    quarantine.toString());
            assertThat(all.out()).contains("3 rows");
            assertThat(Files.readString(quarantine)).startsWith("source,line_no,reason,raw\r\na.csv,5,old reason,old\r\n");

            Path lines = work.resolve("lines.csv");
            CliRun l = run("--db", db.jdbcUrl(), "--config", cfg.toString(), "export", "lines", "--out", lines.toString());
            assertThat(l.code()).as(l.err()).isZero();
            List<String> rows = Files.readAllLines(lines);
            assertThat(rows).hasSize(3);
            assertThat(rows.get(1)).isEqualTo("TAOBAO,1001,HELD,7,PID,0,0,0,0,0");
            assertThat(rows.get(2)).startsWith("TAOBAO,1002,PAID,,,1000,");
        }
    }
}
