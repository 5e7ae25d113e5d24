package io.rebatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.app.cli.RebatchCommand;
import io.rebatch.jobs.support.TestDatabase;
import io.rebatch.jobs.support.TestDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Incremental settle equals full re-evaluation (issue 11). Inputs arrive; after every {@code settle --date D} (which
 * visits only the lines that can change) the same database is settled again with {@code settle --date D --all}
 * (every line), which must change nothing at all: not a ledger entry, a balance, a line's settlement state, a rebate
 * record or a line's due date.
 *
 * <p>That is the same as comparing with a database settled with {@code --all} throughout, at a third of the cost: a
 * line's settlement depends only on its own stored state and the loaded data, so the incremental run equals the full
 * one exactly when every line it skipped would have come out unchanged — which is what the {@code --all} pass checks,
 * line by line, at every date (and, by induction over the dates, the two histories never part).
 *
 * <p>Generated scenarios (sandbox generator) are replayed in a random arrival order per seed: each day's files may
 * arrive up to two days late and in any order, clicks and bindings arrive in parts spread over the period (so
 * attribution retries find them late), settle dates are a random subset of the days (gaps cross freeze ends), now
 * and then a date is settled twice or an earlier date again, and the end is settled past the freeze and retry
 * windows. The sample scenario is replayed as written. Seeds: {@code -Drebatch.test.seed=S} replaces the defaults.
 */
class IncrementalSettleIT {
    /** Everything a settle writes, in a stable order. */
    static final List<String> STATE = List.of(
            "SELECT entry_key, leg, account, user_id, bucket, amount_fen, business_date FROM ledger_entry"
                    + " ORDER BY entry_key, leg",
            "SELECT user_id, pending_fen, available_fen, withdrawing_fen, paid_fen FROM user_balance ORDER BY user_id",
            "SELECT platform, order_line_id, tried, method, buyer_id, buyer_level, inviter_id, grand_inviter_id,"
                    + " unverified, attributed_on, income_fen, buyer_fen, inviter_fen, grand_inviter_fen, margin_fen,"
                    + " bucket, buyer_pending_fen, buyer_available_fen, inviter_pending_fen, inviter_available_fen,"
                    + " grand_pending_fen, grand_available_fen, revision, settled_on, held_reason,"
                    + " decided_binding_kind, decided_binding_value, decided_click_id, state_seq"
                    + " FROM line_settlement ORDER BY platform, order_line_id",
            "SELECT platform, order_line_id, role, user_id, buyer_id, status, amount_fen, item_title, created_at,"
                    + " settled_at FROM rebate_record ORDER BY platform, order_line_id, role",
            "SELECT platform, order_line_id, due_on FROM order_line ORDER BY platform, order_line_id");

    static Stream<Arguments> generated() {
        // H2 by default (the suite's time); the incremental path on MariaDB is what SampleScenarioIT and
        // PartitionedSettleIT settle with. -Drebatch.test.incremental.mariadb=true adds a MariaDB run.
        Long seed = Long.getLong("rebatch.test.seed");
        Stream<Arguments> h2 = Stream.of(Arguments.of("h2", seed == null ? 11L : seed));
        return TestDatabases.mysqlConfigured() && Boolean.getBoolean("rebatch.test.incremental.mariadb")
                ? Stream.concat(h2, Stream.of(Arguments.of("mariadb", seed == null ? 47L : seed))) : h2;
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("generated")
    void settlingNightByNightGivesWhatEvaluatingEveryLineGives(String database, long seed, @TempDir Path work)
            throws Exception {
        Path scenario = work.resolve("scenario");
        assertThat(RebatchCommand.execute("sandbox", "--write", scenario.toString(), "--orders", "120", "--from",
                "2026-10-01", "--to", "2026-10-16", "--seed", Long.toString(seed))).isZero();
        List<String> steps = randomArrival(scenario, new Random(seed));
        Supplier<TestDatabase> db = "h2".equals(database) ? TestDatabases::h2 : TestDatabases::mysql;
        int settles = replay(scenario, steps, db);
        assertThat(settles).isGreaterThan(6);
    }

    @Test
    void theSampleScenarioSettledNightByNightGivesWhatEvaluatingEveryLineGives(@TempDir Path work) throws Exception {
        Path scenario = Scenarios.copySample("multi-week", work);
        List<String> steps = Files.readAllLines(scenario.resolve("steps.txt"), StandardCharsets.UTF_8).stream()
                .filter(s -> !s.isBlank() && !s.startsWith("export")).toList();
        assertThat(replay(scenario, steps, TestDatabases::h2)).isEqualTo(4);
    }

    /** Runs the steps, checking that --all changes nothing after every settle; returns the settles checked. */
    private static int replay(Path scenario, List<String> steps, Supplier<TestDatabase> databases) throws Exception {
        System.setProperty("rebatch.reports-dir", scenario.resolve("reports").toString());
        int settles = 0;
        try (TestDatabase db = databases.get()) {
            for (String step : steps) {
                run(scenario, db, step);
                if (step.startsWith("settle")) {
                    settles++;
                    List<List<String>> incremental = state(db);
                    run(scenario, db, step + " --all");
                    List<List<String>> full = state(db);
                    for (int i = 0; i < STATE.size(); i++) {
                        assertThat(full.get(i)).as("after '%s' then --all: %s", step, STATE.get(i))
                                .containsExactlyElementsOf(incremental.get(i));
                    }
                }
            }
            assertThat(Scenarios.count(db.jdbcUrl(), "SELECT COUNT(*) FROM ledger_entry"))
                    .as("the scenario posted something").isPositive();
        }
        return settles;
    }

    private static List<List<String>> state(TestDatabase db) {
        List<List<String>> out = new ArrayList<>();
        for (String query : STATE) {
            out.add(LedgerInvariants.rows(db.jdbcUrl(), query));
        }
        return out;
    }

    private static void run(Path scenario, TestDatabase db, String step) {
        assertThat(RebatchCommand.execute(Scenarios.args(scenario, db.jdbcUrl(), step))).as("exit code of '%s'", step)
                .isZero();
    }

    /**
     * The generated scenario's inputs in a random arrival order: users first; clicks in three parts and bindings in
     * two, loaded at the start, a third and two thirds of the way; each day's report files up to two days late and
     * in any order (one import command per platform and kind per night); settles on about half of the days, an
     * occasional second settle of the same date or of an earlier one, and finally the last day + 10 and + 45.
     */
    static List<String> randomArrival(Path scenario, Random random) throws IOException {
        List<String> generated = Files.readAllLines(scenario.resolve("steps.txt"), StandardCharsets.UTF_8);
        TreeMap<LocalDate, List<String>> arriving = new TreeMap<>();
        LocalDate first = null;
        LocalDate last = null;
        List<String> dayFiles = new ArrayList<>();
        for (String step : generated) {
            if (step.startsWith("import")) {
                dayFiles.add(step);
            } else if (step.startsWith("settle")) {
                LocalDate day = LocalDate.parse(step.substring(step.indexOf("--date") + 7).trim());
                first = first == null ? day : first;
                last = day;
                for (String file : dayFiles) {
                    int late = random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0;
                    arriving.computeIfAbsent(day.plusDays(late), d -> new ArrayList<>()).add(file);
                }
                dayFiles.clear();
            }
        }
        List<String> clickParts = split(scenario, "in/clicks.csv", 3, random);
        List<String> bindingParts = split(scenario, "in/bindings.csv", 2, random);
        List<String> steps = new ArrayList<>(List.of("load users in/users.csv", "load bindings " + bindingParts.get(0),
                "load clicks " + clickParts.get(0)));
        long days = last.toEpochDay() - first.toEpochDay() + 1;
        List<String> pending = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last.plusDays(2)); day = day.plusDays(1)) {
            long index = day.toEpochDay() - first.toEpochDay();
            if (index == days / 3) {
                pending.add("load clicks " + clickParts.get(1));
                pending.add("load bindings " + bindingParts.get(1));
            }
            if (index == 2 * days / 3) {
                pending.add("load clicks " + clickParts.get(2));
            }
            List<String> files = new ArrayList<>(arriving.getOrDefault(day, List.of()));
            Collections.shuffle(files, random);
            pending.addAll(files);
            boolean settle = random.nextBoolean() || !day.isBefore(last);
            if (!settle) {
                continue;
            }
            steps.addAll(grouped(pending));
            pending.clear();
            steps.add("settle --date " + day);
            if (random.nextInt(8) == 0) {
                steps.add("settle --date " + day);
            }
            if (random.nextInt(8) == 0 && day.isAfter(first.plusDays(5))) {
                steps.add("settle --date " + day.minusDays(1 + random.nextInt(4)));
            }
        }
        steps.add("settle --date " + last.plusDays(10));
        steps.add("settle --date " + last.plusDays(45));
        return steps;
    }

    /** The night's arrivals as one command per kind of input, files in arrival order. */
    private static List<String> grouped(List<String> arrivals) {
        TreeMap<String, List<String>> byCommand = new TreeMap<>();
        List<String> loads = new ArrayList<>();
        for (String a : arrivals) {
            if (a.startsWith("load")) {
                loads.add(a);
                continue;
            }
            int file = a.lastIndexOf(' ');
            byCommand.computeIfAbsent(a.substring(0, file), k -> new ArrayList<>()).add(a.substring(file + 1));
        }
        List<String> out = new ArrayList<>(loads);
        byCommand.forEach((command, files) -> out.add(command + " " + String.join(" ", files)));
        return out;
    }

    /** Splits a CSV file into {@code parts} files with its header, each row in a random part; their relative paths. */
    private static List<String> split(Path scenario, String file, int parts, Random random) throws IOException {
        List<String> lines = Files.readAllLines(scenario.resolve(file), StandardCharsets.UTF_8);
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            out.add(new ArrayList<>(List.of(lines.get(0))));
        }
        for (String row : lines.subList(1, lines.size())) {
            out.get(random.nextInt(parts)).add(row);
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            String name = file.replace(".csv", "-part" + (i + 1) + ".csv");
            Files.write(scenario.resolve(name), out.get(i), StandardCharsets.UTF_8);
            names.add(name);
        }
        return names;
    }
}
