package io.rebatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.app.cli.RebatchCommand;
import io.rebatch.domain.Platform;
import io.rebatch.jobs.support.TestDatabase;
import io.rebatch.jobs.support.TestDatabases;
import io.rebatch.sandbox.generator.ScenarioGenerator;
import io.rebatch.sandbox.generator.ScenarioSpec;
import io.rebatch.sandbox.generator.ScenarioWriter;
import io.rebatch.sandbox.server.SandboxServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code rebatch run --date D} against the sandbox's platform APIs on a real port, with throttling and HTTP errors
 * injected: the pulled pages are archived exactly as received and importing those archives into a fresh database
 * gives exactly the same lines and balances; a pull that fails mid-day and is run again ends exactly like an
 * uninterrupted one; the app secrets appear nowhere in logs, output, archives or reports.
 */
class PullRunIT {
    private static final LocalDate FROM = LocalDate.of(2026, 10, 1);
    private static final LocalDate TO = LocalDate.of(2026, 10, 8);
    private static final String TB_SECRET = "tb-S3cret-9f1c2e";
    private static final String JD_SECRET = "jd-S3cret-77ab04";
    private static final String PDD_SECRET = "pdd-S3cret-c0ffee";

    static Stream<TestDatabase> databases() {
        return TestDatabases.all();
    }

    @AfterEach
    void clearProperties() {
        for (String p : List.of("taobao", "jd", "pdd")) {
            for (String k : List.of("endpoint", "app-key", "app-secret", "client-id", "client-secret", "rate-cap",
                    "retry.base-delay", "retry.max-delay")) {
                System.clearProperty("rebatch.platforms." + p + "." + k);
            }
        }
        System.clearProperty("rebatch.archive-dir");
        System.clearProperty("rebatch.reports-dir");
        System.clearProperty("rebatch.fault.pull.fail-at-item");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void pulledDaysAreArchivedExactlyAndReplayingTheArchiveGivesTheSameLinesAndBalances(TestDatabase db, @TempDir Path work)
            throws IOException {
        Path scenario = scenario(work);
        try (db; SandboxServer sandbox = sandbox(scenario, 0.03, 0.03)) {
            configure(sandbox, work.resolve("archive"), work.resolve("reports"));
            runAll(scenario, db.jdbcUrl());
            export(scenario, db.jdbcUrl(), "pulled");
            assertThat(sandbox.counters(Platform.JD).throttled() + sandbox.counters(Platform.TAOBAO).throttled()
                    + sandbox.counters(Platform.PDD).throttled()).as("throttling was injected").isPositive();
            assertThat(sandbox.counters(Platform.JD).errors()).as("5xx were injected").isPositive();

            // Replay: import every archived page file into a fresh database, day by day, and settle.
            try (TestDatabase replay = TestDatabases.h2()) {
                for (String step : List.of("load users in/users.csv", "load bindings in/bindings.csv", "load clicks in/clicks.csv")) {
                    assertThat(RebatchCommand.execute(Scenarios.args(scenario, replay.jdbcUrl(), step))).isZero();
                }
                for (LocalDate d = FROM; !d.isAfter(TO); d = d.plusDays(1)) {
                    for (String feed : List.of("taobao", "jd", "pdd", "taobao_refunds")) {
                        Path dir = work.resolve("archive").resolve(feed).resolve(d.toString());
                        if (!Files.isDirectory(dir)) {
                            continue;
                        }
                        List<Path> files;
                        try (Stream<Path> s = Files.list(dir)) {
                            files = s.filter(f -> f.toString().endsWith(".jsonl")).sorted(Comparator.comparing(Path::toString)).toList();
                        }
                        for (Path f : files) {
                            String cmd = feed.equals("taobao_refunds") ? "import --platform taobao --refunds " : "import --platform " + feed + " ";
                            assertThat(RebatchCommand.execute(Scenarios.args(scenario, replay.jdbcUrl(), cmd + f))).isZero();
                        }
                    }
                    assertThat(RebatchCommand.execute(Scenarios.args(scenario, replay.jdbcUrl(), "settle --date " + d))).isZero();
                }
                export(scenario, replay.jdbcUrl(), "replayed");
            }
            assertThat(Files.readAllLines(scenario.resolve("out/pulled-lines.csv")))
                    .hasSizeGreaterThan(100)
                    .containsExactlyElementsOf(Files.readAllLines(scenario.resolve("out/replayed-lines.csv")));
            assertThat(Files.readAllLines(scenario.resolve("out/pulled-balances.csv")))
                    .containsExactlyElementsOf(Files.readAllLines(scenario.resolve("out/replayed-balances.csv")));
        }
    }

    @Test
    void aPullThatFailsMidDayResumesAndEndsLikeAnUninterruptedOne(@TempDir Path work) throws IOException {
        Path scenario = scenario(work);
        try (TestDatabase straight = TestDatabases.h2(); TestDatabase interrupted = TestDatabases.h2();
             SandboxServer sandbox = sandbox(scenario, 0, 0)) {
            configure(sandbox, work.resolve("archive"), work.resolve("reports"));
            runAll(scenario, straight.jdbcUrl());
            export(scenario, straight.jdbcUrl(), "straight");

            for (String step : List.of("load users in/users.csv", "load bindings in/bindings.csv", "load clicks in/clicks.csv")) {
                assertThat(RebatchCommand.execute(Scenarios.args(scenario, interrupted.jdbcUrl(), step))).isZero();
            }
            for (LocalDate d = FROM; !d.isAfter(TO); d = d.plusDays(1)) {
                String run = "run --date " + d;
                if (d.equals(FROM.plusDays(3))) {
                    System.setProperty("rebatch.fault.pull.fail-at-item", "7");
                    assertThat(RebatchCommand.execute(Scenarios.args(scenario, interrupted.jdbcUrl(), run))).isEqualTo(1);
                    assertThat(Scenarios.count(interrupted.jdbcUrl(), "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'FAILED'"))
                            .isEqualTo(1);
                    System.clearProperty("rebatch.fault.pull.fail-at-item");
                }
                assertThat(RebatchCommand.execute(Scenarios.args(scenario, interrupted.jdbcUrl(), run))).as(run).isZero();
            }
            export(scenario, interrupted.jdbcUrl(), "interrupted");
            assertThat(Files.readAllLines(scenario.resolve("out/interrupted-lines.csv")))
                    .containsExactlyElementsOf(Files.readAllLines(scenario.resolve("out/straight-lines.csv")));
            assertThat(Files.readAllLines(scenario.resolve("out/interrupted-balances.csv")))
                    .containsExactlyElementsOf(Files.readAllLines(scenario.resolve("out/straight-balances.csv")));
            assertThat(Scenarios.count(interrupted.jdbcUrl(),
                    "SELECT COUNT(*) FROM (SELECT entry_key FROM ledger_entry GROUP BY entry_key HAVING COUNT(*) <> 2 OR SUM(amount_fen) <> 0) d"))
                    .isZero();
        }
    }

    @Test
    void secretsAppearNowhereInLogsOutputArchivesOrReports(@TempDir Path work) throws IOException {
        Path scenario = scenario(work);
        Path log = work.resolve("logs/rebatch.log");
        System.clearProperty("LOG_FILE");
        System.setProperty("logging.file.name", log.toString());
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        try (TestDatabase db = TestDatabases.h2(); SandboxServer sandbox = sandbox(scenario, 0.05, 0.05)) {
            configure(sandbox, work.resolve("archive"), work.resolve("reports"));
            PrintStream tee = new PrintStream(captured, true, StandardCharsets.UTF_8);
            System.setOut(tee);
            System.setErr(tee);
            for (String step : List.of("load users in/users.csv", "load bindings in/bindings.csv", "load clicks in/clicks.csv",
                    "run --date " + FROM, "run --date " + FROM.plusDays(1))) {
                assertThat(RebatchCommand.execute(Scenarios.args(scenario, db.jdbcUrl(), step))).isZero();
            }
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            System.clearProperty("logging.file.name");
            System.clearProperty("LOG_FILE"); // set by Spring Boot from logging.file.name, kept for later contexts
        }
        List<String> texts = new ArrayList<>();
        texts.add(captured.toString(StandardCharsets.UTF_8));
        try (Stream<Path> s = Files.walk(work)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                if (f.startsWith(work.resolve("archive")) || f.startsWith(work.resolve("reports")) || f.startsWith(work.resolve("logs"))) {
                    texts.add(f + "\n" + Files.readString(f, StandardCharsets.UTF_8));
                }
            }
        }
        assertThat(texts).hasSizeGreaterThan(3);
        assertThat(String.join("\n", texts)).contains("taobao.tbk.order.details.get")
                .doesNotContain(TB_SECRET).doesNotContain(JD_SECRET).doesNotContain(PDD_SECRET);
    }

    private static Path scenario(Path work) throws IOException {
        Path dir = work.resolve("scenario");
        ScenarioWriter.write(new ScenarioGenerator(spec()), dir);
        Files.createDirectories(dir.resolve("out"));
        return dir;
    }

    private static ScenarioSpec spec() {
        return ScenarioSpec.builder().seed(7).users(150).orders(500).from(FROM).to(TO).build();
    }

    private static SandboxServer sandbox(Path scenario, double throttle, double errors) {
        return SandboxServer.builder().port(0).scenario(new ScenarioGenerator(spec())).throttleRate(throttle)
                .errorRate(errors).app(Platform.TAOBAO, "tb-key", TB_SECRET).app(Platform.JD, "jd-key", JD_SECRET).app(Platform.PDD, "pdd-client", PDD_SECRET)
                .build().start();
    }

    private static void configure(SandboxServer sandbox, Path archive, Path reports) {
        System.setProperty("rebatch.platforms.taobao.endpoint", sandbox.url(Platform.TAOBAO).toString());
        System.setProperty("rebatch.platforms.taobao.app-key", "tb-key");
        System.setProperty("rebatch.platforms.taobao.app-secret", TB_SECRET);
        System.setProperty("rebatch.platforms.jd.endpoint", sandbox.url(Platform.JD).toString());
        System.setProperty("rebatch.platforms.jd.app-key", "jd-key");
        System.setProperty("rebatch.platforms.jd.app-secret", JD_SECRET);
        System.setProperty("rebatch.platforms.pdd.endpoint", sandbox.url(Platform.PDD).toString());
        System.setProperty("rebatch.platforms.pdd.client-id", "pdd-client");
        System.setProperty("rebatch.platforms.pdd.client-secret", PDD_SECRET);
        for (String p : List.of("taobao", "jd", "pdd")) {
            System.setProperty("rebatch.platforms." + p + ".rate-cap", "1000");
            // the injected throttling and 5xx are retried as in production, with short back-offs (a server-given wait
            // is still honoured in full)
            System.setProperty("rebatch.platforms." + p + ".retry.base-delay", "20ms");
            System.setProperty("rebatch.platforms." + p + ".retry.max-delay", "200ms");
        }
        System.setProperty("rebatch.archive-dir", archive.toString());
        System.setProperty("rebatch.reports-dir", reports.toString());
    }

    private static void runAll(Path scenario, String jdbcUrl) {
        List<String> steps = new ArrayList<>(List.of("load users in/users.csv", "load bindings in/bindings.csv",
                "load clicks in/clicks.csv"));
        for (LocalDate d = FROM; !d.isAfter(TO); d = d.plusDays(1)) {
            steps.add("run --date " + d);
        }
        for (String step : steps) {
            assertThat(RebatchCommand.execute(Scenarios.args(scenario, jdbcUrl, step))).as(step).isZero();
        }
    }

    private static void export(Path scenario, String jdbcUrl, String name) {
        assertThat(RebatchCommand.execute(Scenarios.args(scenario, jdbcUrl, "export lines --out out/" + name + "-lines.csv")))
                .isZero();
        assertThat(RebatchCommand.execute(Scenarios.args(scenario, jdbcUrl, "export balances --out out/" + name + "-balances.csv")))
                .isZero();
    }
}
