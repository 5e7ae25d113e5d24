package io.rebatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.app.WithdrawalTally.Attempt;
import io.rebatch.app.WithdrawalTally.Balance;
import io.rebatch.app.cli.InProcessSteps;
import io.rebatch.app.cli.RebatchContext;
import io.rebatch.domain.payout.IdempotencyConflictException;
import io.rebatch.domain.payout.WithdrawalRequest;
import io.rebatch.jobs.payout.Withdrawals;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 7 (SPEC §7): concurrent withdrawal requests of one user can never overdraw, never exceed the day's
 * {@code max_withdraw_fen_per_day}, and one (user, idempotency key) makes exactly one withdrawal — on MariaDB and on
 * H2 (server mode), with the users' balances made by the real multi-week sample (loads, imports, settles), not by
 * hand-written rows. Three cases, each on users of its own:
 * <ol>
 *   <li><b>threads</b>: {@value #THREADS} threads × {@value #PER_THREAD} requests with distinct keys through the
 *       {@link Withdrawals} bean of one context, for a user the daily cap binds and one the balance binds;</li>
 *   <li><b>same key</b>: {@value #THREADS} threads send one identical request at once → one withdrawal, the same id
 *       for every caller, money moved once; then the key with another amount or payee → every caller gets an
 *       {@link IdempotencyConflictException} and nothing moves;</li>
 *   <li><b>processes</b>: {@value #CHILDREN} JVMs ({@link WithdrawChildMain}), released together, each send one
 *       shared-key request and {@value #PER_CHILD} others through the CLI's {@code withdraw} command.</li>
 * </ol>
 * After each case (see {@link WithdrawalTally}): every request was accepted or refused with a valid reason, the
 * available balance never went below zero, accepted = available taken = withdrawing added = the withdrawal rows,
 * no day above the cap, and the ledger invariants ({@link LedgerInvariants}). Each case prints one line of figures.
 * Seed: {@code -Drebatch.test.withdrawals.seed} (default 20261126).
 *
 * <p>Checked against broken guards (2026-12, both databases): without the row lock and without the conditional
 * update the threads case overdraws (available −85.50 / −169.04 yuan) and passes the cap; without the row lock only,
 * it passes the cap (320–342 yuan of 200) and some requests fail instead of being refused.
 */
class WithdrawalConcurrencyIT {
    /** 10:00 on 2026-11-26 in Shanghai, the day after the sample's last settle: every request falls on that day. */
    static final String CLOCK = "2026-11-26T02:00:00Z";
    static final long MIN_FEN = 100;
    /** The day's cap of the rule set written for the withdrawal day (the sample's is 5000 yuan: it would never bind). */
    static final long CAP_FEN = 20_000;
    /** The largest ordinary request amount; a capped user ends less than this below the cap, a drained one below it. */
    static final long MAX_SMALL_FEN = 3_000;
    static final int THREADS = 16;
    static final int PER_THREAD = 20;
    static final int CHILDREN = 3;
    static final int PER_CHILD = 30;
    // Users with available money after the sample (expected/balances.csv), one set per case.
    static final long THREADS_CAPPED = 696853;   // 543.81 yuan available: the cap binds
    static final long THREADS_DRAINED = 240891;  // 115.40 yuan: the balance binds
    static final long SAME_KEY = 223646;
    static final long CHILD_CAPPED = 829633;     // 269.65 yuan
    static final long CHILD_DRAINED = 553789;    // 107.74 yuan
    static final long CHILD_SAME_KEY = 988598;
    static final String ACCOUNT = "payee@example.cn";
    static final String NAME = "张三";

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.rebatch.app.ConcurrentSettleIT#databases")
    void concurrentRequestsNeverOverdrawNorExceedTheCapAndOneKeyMakesOneWithdrawal(
            Function<Path, RoundDatabases> target, @TempDir Path work) throws Exception {
        long seed = Long.getLong("rebatch.test.withdrawals.seed", 20261126L);
        try (RoundDatabases db = target.apply(work.resolve("h2"))) {
            String url = db.templateUrl();
            long started = System.nanoTime();
            Path scenario = prepare(url, work);
            System.out.printf("[%s] WithdrawalConcurrencyIT: sample prepared in %.1f s, -Drebatch.test.withdrawals.seed=%d%n",
                    db.name(), (System.nanoTime() - started) / 1e9, seed);
            List<List<Attempt>> childPlan = Attempt.plan(new Random(seed + 1), CHILDREN, PER_CHILD, "p", CHILD_CAPPED,
                    CHILD_DRAINED);
            // The children start their JVMs and contexts while the in-process cases run; they send nothing before
            // they are released, after those cases.
            List<ChildProcess> children = startChildren(url, scenario, work, childPlan);
            try {
                try (ConfigurableApplicationContext context = startContext(url, scenario)) {
                    Withdrawals withdrawals = context.getBean(Withdrawals.class);
                    threads(db.name(), url, withdrawals, new Random(seed));
                    sameKey(db.name(), url, withdrawals);
                }
                processes(db.name(), url, work, childPlan, children);
            } finally {
                children.forEach(c -> c.waitFor(0)); // kills a child still waiting at the barrier (a case failed)
            }
        }
    }

    private static void threads(String name, String url, Withdrawals withdrawals, Random random) {
        List<List<Attempt>> plan = Attempt.plan(random, THREADS, PER_THREAD, "t", THREADS_CAPPED, THREADS_DRAINED);
        WithdrawalTally tally = new WithdrawalTally(url, List.of(THREADS_CAPPED, THREADS_DRAINED));
        long started = System.nanoTime();
        Parallel.inParallel(THREADS, i -> plan.get(i).forEach(a -> send(withdrawals, a, tally)));
        System.out.println(tally.figures(name, "threads " + THREADS + "x" + PER_THREAD, System.nanoTime() - started));
        tally.assertHolds(url, THREADS * PER_THREAD);
        assertBound(url, tally, THREADS_CAPPED, THREADS_DRAINED);
    }

    private static void send(Withdrawals withdrawals, Attempt a, WithdrawalTally tally) {
        try {
            Withdrawals.Outcome o = withdrawals.request(WithdrawalRequest.of(a.userId(), a.amountFen(), ACCOUNT, NAME,
                    a.key()));
            if (o.refused()) {
                tally.refused(a, o.refusal().refusal().name());
            } else if (!o.created()) {
                tally.failed(a, "answered as a replay of " + o.withdrawal().serial() + " though its key is new");
            } else {
                tally.accepted(a, o.withdrawal().id(), o.withdrawal().amountFen());
            }
        } catch (RuntimeException e) {
            tally.failed(a, e.toString());
        }
    }

    private static void sameKey(String name, String url, Withdrawals withdrawals) {
        Balance before = Balance.of(url, SAME_KEY);
        WithdrawalRequest request = WithdrawalRequest.of(SAME_KEY, 1234, ACCOUNT, NAME, "same-key-1");
        Withdrawals.Outcome[] outcomes = new Withdrawals.Outcome[THREADS];
        long started = System.nanoTime();
        Parallel.inParallel(THREADS, i -> outcomes[i] = withdrawals.request(request));
        Set<Long> ids = new TreeSet<>();
        int created = 0;
        for (Withdrawals.Outcome o : outcomes) {
            assertThat(o.refused()).as("a same-key request refused: %s", o.refusal()).isFalse();
            ids.add(o.withdrawal().id());
            created += o.created() ? 1 : 0;
        }
        ConcurrentLinkedQueue<String> conflicts = new ConcurrentLinkedQueue<>();
        Parallel.inParallel(THREADS, i -> {
            try {
                withdrawals.request(i % 2 == 0 ? WithdrawalRequest.of(SAME_KEY, 1235, ACCOUNT, NAME, "same-key-1")
                        : WithdrawalRequest.of(SAME_KEY, 1234, "other@example.cn", NAME, "same-key-1"));
                conflicts.add("accepted");
            } catch (IdempotencyConflictException e) {
                conflicts.add("conflict");
            }
        });
        System.out.printf("[%s] WithdrawalConcurrencyIT same key: tried=%d created=%d replayed=%d ids=%s"
                        + " then other amount/payee: tried=%d conflicts=%d elapsed=%.2fs%n", name, THREADS, created,
                THREADS - created, ids, THREADS, conflicts.stream().filter("conflict"::equals).count(),
                (System.nanoTime() - started) / 1e9);
        assertThat(ids).as("withdrawal ids answered to %d identical requests", THREADS).hasSize(1);
        assertThat(created).as("requests that created the withdrawal").isEqualTo(1);
        assertThat(conflicts).as("the key with another amount or payee").hasSize(THREADS).containsOnly("conflict");
        long id = ids.iterator().next();
        assertThat(LedgerInvariants.rows(url, "SELECT withdrawal_id, amount_fen FROM withdrawal WHERE user_id = "
                + SAME_KEY)).containsExactly(id + "|1234");
        assertThat(LedgerInvariants.rows(url, "SELECT COUNT(*) FROM ledger_entry WHERE user_id = " + SAME_KEY
                + " AND ref_type = 'WDR'")).as("legs posted for the key").containsExactly("2");
        assertThat(Balance.of(url, SAME_KEY)).as("balance after one move of 12.34 yuan")
                .isEqualTo(new Balance(before.availableFen() - 1234, before.withdrawingFen() + 1234));
        LedgerInvariants.assertHold(url);
    }

    private static List<ChildProcess> startChildren(String url, Path scenario, Path work, List<List<Attempt>> plan)
            throws IOException {
        Path barrier = Files.createDirectories(work.resolve("barrier"));
        List<ChildProcess> children = new ArrayList<>();
        for (int i = 0; i < CHILDREN; i++) {
            List<String> lines = new ArrayList<>(List.of(new Attempt(CHILD_SAME_KEY, 2345, "proc-same").cliCommand()));
            plan.get(i).forEach(a -> lines.add(a.cliCommand()));
            Path requests = Files.write(work.resolve("requests-" + i + ".txt"), lines, StandardCharsets.UTF_8);
            List<String> jvm = new ArrayList<>(ChildProcess.FAST_START);
            jvm.addAll(List.of("-Duser.timezone=Europe/London", "-Drebatch.testing.start-clock-at=" + CLOCK,
                    "-D" + ChildProcess.BARRIER_DIR_PROPERTY + "=" + barrier));
            children.add(ChildProcess.start("withdraw child " + i, work.resolve("child-" + i + ".log"), jvm,
                    WithdrawChildMain.class, List.of(requests.toString(), "--db", url, "--config",
                            scenario.resolve("config").toString())));
        }
        return children;
    }

    private static void processes(String name, String url, Path work, List<List<Attempt>> plan,
                                  List<ChildProcess> children) {
        WithdrawalTally tally = new WithdrawalTally(url, List.of(CHILD_CAPPED, CHILD_DRAINED));
        Balance sameKeyBefore = Balance.of(url, CHILD_SAME_KEY);
        long starting = System.nanoTime();
        ChildProcess.release(work.resolve("barrier"), children);
        long started = System.nanoTime();
        System.out.printf("[%s] WithdrawalConcurrencyIT: waited %.1f s more for the %d children to be ready%n", name,
                (started - starting) / 1e9, CHILDREN);
        List<String> sameKeyAnswers = new ArrayList<>();
        long firstEnd = Long.MAX_VALUE;
        long lastStart = 0;
        for (int i = 0; i < CHILDREN; i++) {
            ChildProcess child = children.get(i);
            assertThat(child.waitFor(120)).as("exit code of %s: %s", child.label(), child.output()).isZero();
            Map<String, Attempt> byKey = new HashMap<>();
            plan.get(i).forEach(a -> byKey.put(a.key(), a));
            for (String line : child.output().split("\\R")) {
                if (line.startsWith(WithdrawChildMain.WINDOW)) {
                    String[] w = line.split(" ");
                    firstEnd = Math.min(firstEnd, Long.parseLong(w[2]));
                    lastStart = Math.max(lastStart, Long.parseLong(w[1]));
                }
                if (!line.startsWith(WithdrawChildMain.RESULT)) {
                    continue;
                }
                String[] f = line.split(" ", 4);
                if (f[1].equals("proc-same")) {
                    sameKeyAnswers.add(f[2] + " " + f[3]);
                } else {
                    tally.cliAnswer(byKey.get(f[1]), Integer.parseInt(f[2]), f[3]);
                }
            }
        }
        System.out.println(tally.figures(name, "processes " + CHILDREN + "x" + PER_CHILD + " (CLI withdraw, + "
                + CHILDREN + " on one key: " + sameKeyAnswers.stream().filter(a -> a.contains(" accepted ")).count()
                + " accepted; all children busy together for " + (firstEnd - lastStart) + " ms)",
                System.nanoTime() - started));
        tally.assertHolds(url, CHILDREN * PER_CHILD);
        assertBound(url, tally, CHILD_CAPPED, CHILD_DRAINED);
        List<String> rows = LedgerInvariants.rows(url, "SELECT withdrawal_id FROM withdrawal WHERE user_id = " + CHILD_SAME_KEY);
        assertThat(rows).as("withdrawals of the key all children sent").hasSize(1);
        String serial = String.format("W%012d", Long.parseLong(rows.get(0)));
        assertThat(sameKeyAnswers).as("answers to the key all children sent").hasSize(CHILDREN)
                .allMatch(a -> a.startsWith("0 ") && a.contains(serial));
        assertThat(sameKeyAnswers).filteredOn(a -> a.contains("withdraw: accepted " + serial)).hasSize(1);
        assertThat(Balance.of(url, CHILD_SAME_KEY)).isEqualTo(new Balance(sameKeyBefore.availableFen() - 2345,
                sameKeyBefore.withdrawingFen() + 2345));
    }

    /** The cases reach their limits: the capped user ends near the cap, the drained one near zero. */
    private static void assertBound(String url, WithdrawalTally tally, long capped, long drained) {
        assertThat(CAP_FEN - tally.acceptedFen(capped)).as("cap left to user %d", capped).isLessThan(MAX_SMALL_FEN);
        assertThat(Balance.of(url, drained).availableFen()).as("available left to user %d", drained)
                .isLessThan(MAX_SMALL_FEN);
    }

    /**
     * The multi-week sample's loads, imports, settles and month close in one context, then a rule set from the
     * withdrawal day on whose only change is the small {@link #CAP_FEN}.
     */
    private static Path prepare(String url, Path work) throws IOException {
        Path scenario = Scenarios.copySample("multi-week", work);
        List<String[]> steps = Files.readAllLines(scenario.resolve("steps.txt")).stream().map(String::trim)
                .filter(s -> !s.isEmpty() && !s.startsWith("export ")).map(s -> Scenarios.args(scenario, url, s)).toList();
        System.setProperty("rebatch.reports-dir", scenario.resolve("reports").toString());
        try {
            assertThat(InProcessSteps.run(steps)).as("exit code of the sample's steps").isZero();
        } finally {
            System.clearProperty("rebatch.reports-dir");
        }
        Path rules = scenario.resolve("config/rules");
        String capped = Files.readString(rules.resolve("2026-11.yml")).replace("version: \"2026-11\"", "version: \"2026-11-26\"")
                .replace("effective_from: 2026-11-01", "effective_from: 2026-11-26")
                .replace("max_withdraw_fen_per_day: 500000", "max_withdraw_fen_per_day: " + CAP_FEN);
        assertThat(capped).contains("2026-11-26\"").contains("max_withdraw_fen_per_day: " + CAP_FEN);
        Files.writeString(rules.resolve("2026-11-26.yml"), capped);
        return scenario;
    }

    /** A context on the prepared database, its clock at {@link #CLOCK}, with a connection for every thread. */
    private static ConfigurableApplicationContext startContext(String url, Path scenario) {
        System.setProperty("spring.datasource.hikari.maximum-pool-size", String.valueOf(THREADS + 1));
        try {
            return RebatchContext.start(url, scenario.resolve("config"), Map.of("rebatch.testing.start-clock-at", CLOCK));
        } finally {
            System.clearProperty("spring.datasource.hikari.maximum-pool-size");
        }
    }
}
