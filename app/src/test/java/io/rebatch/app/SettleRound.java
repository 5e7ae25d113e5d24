package io.rebatch.app;

import io.rebatch.app.cli.RebatchCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * One round of {@link ConcurrentSettleIT}: 2 or 4 {@code settle} processes released together on a fresh copy of
 * the prepared database (equal or different dates, random chunk sizes, the job lock on or off), then the ledger
 * invariants, then one more single-process {@code settle} of the round's latest date, whose balances must equal
 * the single-process reference.
 */
record SettleRound(int number, long seed, boolean lockOn, List<LocalDate> dates, List<Integer> chunkSizes) {
    /** A failed child is fine only when it says it lost the job lock or met a concurrent update (SPEC 9). */
    static final Pattern ACCEPTED_FAILURE = Pattern.compile("(?i)lock|concurrent");
    /**
     * With the job lock off, two processes may also race for the same job instance (equal dates): Spring Batch's
     * repository refuses the loser before it runs anything ("rebatch: cannot start settle ...") or refuses its
     * stale step-execution update ("... with wrong version"). What they posted is checked by the invariants.
     */
    static final Pattern ACCEPTED_WITHOUT_LOCK = Pattern.compile("^rebatch: cannot start settle |with wrong version");

    private static final long CHILD_TIMEOUT_SECONDS = 180;

    /**
     * Round {@code number} (1-based) cycles through 2/4 processes, equal/different dates and lock on/off, so that
     * every 8 rounds cover each combination once; dates and chunk sizes (1..50) come from {@code random}.
     */
    static SettleRound plan(int number, long seed, Random random, List<LocalDate> pool) {
        int processes = number % 2 == 1 ? 2 : 4;
        boolean sameDate = (number - 1) / 2 % 2 == 0;
        boolean lockOn = (number - 1) / 4 % 2 == 0;
        List<LocalDate> shuffled = new ArrayList<>(pool);
        Collections.shuffle(shuffled, random);
        List<LocalDate> dates = new ArrayList<>();
        List<Integer> chunks = new ArrayList<>();
        for (int i = 0; i < processes; i++) {
            dates.add(sameDate ? shuffled.get(0) : shuffled.get(i));
            chunks.add(1 + random.nextInt(50));
        }
        return new SettleRound(number, seed, lockOn, List.copyOf(dates), List.copyOf(chunks));
    }

    LocalDate latest() {
        return Collections.max(dates);
    }

    String describe() {
        return "round " + number + " (seed " + seed + "): " + dates.size() + " processes, dates " + dates
                + ", chunk sizes " + chunkSizes + ", job lock " + (lockOn ? "on" : "off (-Drebatch.lock.enabled=false)");
    }

    /** Runs the round and returns its problems (empty: the round passed). */
    List<String> run(RoundDatabases databases, Path scenario, Path work, Map<LocalDate, List<String>> reference) {
        Path dir = work.resolve("round-" + number);
        Path barrier = dir.resolve("barrier");
        createDirectories(barrier);
        List<String> problems = new ArrayList<>();
        List<ChildProcess> children = new ArrayList<>();
        long started = System.nanoTime();
        try (RoundDatabases.Copy db = databases.copy("r" + number)) {
            for (int i = 0; i < dates.size(); i++) {
                children.add(start(i, db.url(), scenario, dir, barrier));
            }
            ChildProcess.release(barrier, children);
            List<String> outcomes = new ArrayList<>();
            for (ChildProcess child : children) {
                int code = child.waitFor(CHILD_TIMEOUT_SECONDS);
                String failure = child.failureLine();
                outcomes.add(code + (failure.isEmpty() ? "" : " \"" + failure + "\""));
                boolean accepted = code == RebatchCommand.OK || code == RebatchCommand.REFUSED
                        || (code == RebatchCommand.JOB_FAILED && (ACCEPTED_FAILURE.matcher(failure).find()
                                || (!lockOn && ACCEPTED_WITHOUT_LOCK.matcher(failure).find())));
                if (!accepted) {
                    problems.add(child.label() + " exited with " + code + (code == -1 ? " (killed after "
                            + CHILD_TIMEOUT_SECONDS + " s)" : "") + ": " + (failure.isEmpty() ? "no rebatch: line" : failure));
                }
            }
            for (String v : RoundInvariants.violations(db.url())) {
                problems.add("after the concurrent settles: " + v);
            }
            System.setProperty("rebatch.reports-dir", dir.resolve("reports-final").toString());
            // A date no child settled: with the lock off a child of the latest date may have failed, and resuming it
            // would skip the chunks it committed before other children changed them.
            String last = "settle --date " + ConcurrentSettleIT.FINAL;
            int code = RebatchCommand.execute(Scenarios.args(scenario, db.url(), last));
            if (code != RebatchCommand.OK) {
                problems.add("the final single-process '" + last + "' exited with " + code);
            }
            for (String v : RoundInvariants.violations(db.url())) {
                problems.add("after the final '" + last + "': " + v);
            }
            List<String> differences = RoundInvariants.balanceDifferences(reference.get(ConcurrentSettleIT.FINAL),
                    RoundInvariants.balances(db.url()));
            for (String d : differences) {
                problems.add("balances after the final '" + last + "' differ from the single-process reference: " + d);
            }
            System.out.printf("[%s] %s: exits %s in %.1f s -> %s%n", databases.name(), describe(), outcomes,
                    (System.nanoTime() - started) / 1e9, problems.isEmpty() ? "ok" : problems.size() + " problems");
        }
        if (!problems.isEmpty()) {
            for (ChildProcess child : children) {
                System.out.println("----- output of " + child.label() + " (" + describe() + ")");
                System.out.println(tail(child.output(), 60));
            }
        }
        return problems;
    }

    private ChildProcess start(int i, String url, Path scenario, Path dir, Path barrier) {
        String step = "settle --date " + dates.get(i);
        List<String> jvm = new ArrayList<>(ChildProcess.FAST_START);
        jvm.addAll(List.of("-Duser.timezone=Europe/London", "-Drebatch.chunk-size=" + chunkSizes.get(i),
                "-Drebatch.lock.enabled=" + lockOn, "-Drebatch.reports-dir=" + dir.resolve("reports-p" + i),
                "-D" + ChildProcess.BARRIER_DIR_PROPERTY + "=" + barrier));
        return ChildProcess.start("process " + (i + 1) + " '" + step + "' (chunk size " + chunkSizes.get(i) + ")",
                dir.resolve("p" + (i + 1) + ".log"), jvm, SettleChildMain.class,
                List.of(Scenarios.args(scenario, url, step)));
    }

    private static String tail(String text, int lines) {
        String[] all = text.split("\\R");
        return String.join(System.lineSeparator(), List.of(all).subList(Math.max(0, all.length - lines), all.length));
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
