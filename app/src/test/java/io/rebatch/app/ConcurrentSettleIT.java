package io.rebatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.app.cli.InProcessSteps;
import io.rebatch.app.cli.RebatchCommand;
import io.rebatch.jobs.support.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 6: two or four {@code settle} processes on one database (H2 in server mode; MariaDB), with the job lock
 * on and off (off simulates a MySQL whose GET_LOCK session was lost), never post a line twice: right after the
 * concurrent settles the ledger agrees line by line with {@code line_settlement} and with {@code user_balance},
 * and one more single-process settle of the round's latest date gives exactly the single-process balances.
 *
 * <p>The multi-week sample is prepared once per database: every file loaded, then one settle, so every line has
 * been tried with all the data there is (later dates differ only by freeze periods, and the single-process result
 * does not depend on the order in which dates are settled). Each round settles later dates on a copy of it.
 * System properties: {@code rebatch.test.concurrent.rounds} (default 4 per database, to keep the whole suite within its 20 minutes; 20 or more for a longer hunt),
 * {@code rebatch.test.concurrent.seed} (default 20261126; printed, and named in every failure).
 */
class ConcurrentSettleIT {
    /** The one settle of the preparation, after every file of the sample is loaded. */
    private static final String PREPARED_SETTLE = "settle --date 2026-11-01";
    /** The dates the rounds settle: freeze periods end between each two, so each moves money to AVAILABLE. */
    static final List<LocalDate> DATES = Stream.of("2026-11-06", "2026-11-12", "2026-11-18", "2026-11-24", "2026-11-30")
            .map(LocalDate::parse).toList();
    /** The single-process settle after each round's concurrent phase: a date none of the children settled. */
    static final LocalDate FINAL = LocalDate.parse("2026-12-01");

    static Stream<Function<Path, RoundDatabases>> databases() {
        Stream<Function<Path, RoundDatabases>> h2 = Stream.of(named("h2-server", RoundDatabases::h2Server));
        return TestDatabases.mysqlConfigured() ? Stream.concat(h2, Stream.of(named("mariadb", dir -> RoundDatabases.mariaDb()))) : h2;
    }

    @AfterEach
    void clearProperties() {
        System.clearProperty("rebatch.reports-dir");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void concurrentSettlesPostEveryLineOnceAndConvergeToTheSingleProcessBalances(Function<Path, RoundDatabases> target,
                                                                               @TempDir Path work) throws IOException {
        int rounds = Integer.getInteger("rebatch.test.concurrent.rounds", 4);
        long seed = Long.getLong("rebatch.test.concurrent.seed", 20261126L);
        long started = System.nanoTime();
        try (RoundDatabases databases = target.apply(work.resolve("h2"))) {
            System.out.printf("[%s] ConcurrentSettleIT: %d rounds, -Drebatch.test.concurrent.seed=%d%n", databases.name(),
                    rounds, seed);
            Path scenario = Scenarios.copySample("multi-week", work);
            prepare(scenario, databases.templateUrl());
            databases.seal();
            Map<LocalDate, List<String>> reference = reference(scenario, databases);

            Random random = new Random(seed);
            List<String> failures = new ArrayList<>();
            for (int n = 1; n <= rounds; n++) {
                SettleRound round = SettleRound.plan(n, seed, random, DATES);
                for (String problem : round.run(databases, scenario, work, reference)) {
                    failures.add(round.describe() + ": " + problem);
                }
            }
            System.out.printf("[%s] ConcurrentSettleIT: %d rounds in %.1f s, %d problems%n", databases.name(), rounds,
                    (System.nanoTime() - started) / 1e9, failures.size());
            assertThat(failures).as("problems on %s with -Drebatch.test.concurrent.seed=%d", databases.name(), seed)
                    .isEmpty();
        }
    }

    /** Runs every load and import step of steps.txt in-process, then {@link #PREPARED_SETTLE}. */
    private static void prepare(Path scenario, String url) throws IOException {
        List<String> steps = new ArrayList<>(Files.readAllLines(scenario.resolve("steps.txt")).stream().map(String::trim)
                .filter(s -> s.startsWith("load ") || s.startsWith("import ")).toList());
        steps.add(PREPARED_SETTLE);
        System.setProperty("rebatch.reports-dir", scenario.resolve("reports").toString());
        List<String[]> args = steps.stream().map(step -> Scenarios.args(scenario, url, step)).toList();
        assertThat(InProcessSteps.run(args)).as("exit code of preparing %s", url).isZero();
    }

    /**
     * The single-process balances after settling each date of {@link #DATES}, in order, on a copy of the prepared
     * database; checked against settling the latest date alone, and against the invariants.
     */
    private static Map<LocalDate, List<String>> reference(Path scenario, RoundDatabases databases) {
        Map<LocalDate, List<String>> reference = new LinkedHashMap<>();
        System.setProperty("rebatch.reports-dir", scenario.resolve("reports-reference").toString());
        try (RoundDatabases.Copy db = databases.copy("reference")) {
            long[] entries = {Scenarios.count(db.url(), "SELECT COUNT(*) FROM ledger_entry")};
            List<LocalDate> dates = new ArrayList<>(DATES);
            dates.add(FINAL);
            List<String[]> settles = dates.stream().map(d -> Scenarios.args(scenario, db.url(), "settle --date " + d)).toList();
            int code = InProcessSteps.run(settles, i -> {
                LocalDate date = dates.get(i);
                assertThat(RoundInvariants.violations(db.url())).as("invariants after the reference settle %s", date)
                        .isEmpty();
                long now = Scenarios.count(db.url(), "SELECT COUNT(*) FROM ledger_entry");
                System.out.printf("[%s] reference: settle %s posted %d entries%n", databases.name(), date, now - entries[0]);
                entries[0] = now;
                reference.put(date, RoundInvariants.balances(db.url()));
            });
            assertThat(code).as("exit code of the reference settles").isZero();
        }
        LocalDate latest = FINAL;
        try (RoundDatabases.Copy db = databases.copy("reference2")) {
            assertThat(RebatchCommand.execute(Scenarios.args(scenario, db.url(), "settle --date " + latest))).isZero();
            assertThat(RoundInvariants.balances(db.url())).as("settling %s alone gives the same balances", latest)
                    .containsExactlyElementsOf(reference.get(latest));
        }
        return reference;
    }

    private static Function<Path, RoundDatabases> named(String name, Function<Path, RoundDatabases> f) {
        return new Function<>() {
            @Override
            public RoundDatabases apply(Path dir) {
                return f.apply(dir);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
