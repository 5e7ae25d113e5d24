package io.rebatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.jobs.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SIGTERM stops a running settle gracefully ({@code GracefulStop}): the child JVM's shutdown hook asks the running
 * execution to stop, the step ends STOPPED at its next chunk boundary (the chunk in flight commits whole), the
 * process exits well within {@code rebatch.shutdown.stop-wait}, every committed chunk stays and nothing is
 * half-written; the same command then resumes the same job instance after the last committed chunk and the
 * scenario ends with the expected balances. Without the stop request the settle runs on to COMPLETED (or is cut off
 * at the wait) and this test fails (tried).
 *
 * <p>Also the progress contract of issue 9: with {@code rebatch.progress.interval=1} a slow settle prints
 * {@code progress settle …} lines on stderr (the child's lines are how this test knows when chunks have committed:
 * an embedded H2 file cannot be read while the child has it open), while stdout stays the one result line.
 */
class GracefulStopIT {
    private static final String LAST_SETTLE = "settle --date 2026-11-25";
    /** Every line, one partition: the chunks follow line_seq, so the test knows which lines a chunk holds. */
    private static final String ALL_LINES = LAST_SETTLE + " --all";
    private static final int CHUNK = 5;
    private static final int DELAY_MILLIS = 250;
    private static final int STOP_WAIT_SECONDS = 30;
    /**
     * SIGTERM once this many lines are committed: the sample's 2026-11-25 settle changes the lines at positions 67,
     * 68, 69, 71, 80, … (0-based, line_seq order, 120 lines), so the committed chunks hold some of its changes and
     * at least 40 lines are left for the resumed run.
     */
    private static final int STOP_AFTER = 70;
    /** The resumed run is slower, so that it lasts long enough for progress lines at a 1 s interval. */
    private static final int RESUMED_DELAY_MILLIS = 500;
    private static final Pattern PROGRESS = Pattern.compile(
            "progress settle 2026-11-25: settleLines ([0-9,]+)/([0-9,]+) items");

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.rebatch.jobs.support.TestDatabases#all")
    void sigtermStopsTheSettleAtAChunkBoundaryAndTheSameCommandResumesIt(TestDatabase db, @TempDir Path work)
            throws Exception {
        Path scenario = Scenarios.copySample("multi-week", work);
        try (db) {
            List<String> steps = SettleCrashIT.steps(scenario);
            int last = steps.indexOf(LAST_SETTLE);
            SettleCrashIT.run(scenario, db, steps.subList(0, last));
            String url = db.jdbcUrl();
            List<String> seqs = LedgerInvariants.rows(url, "SELECT line_seq FROM order_line ORDER BY line_seq");
            int lines = seqs.size();
            String states = "SELECT o.line_seq, s.state_seq, s.revision, s.bucket FROM order_line o"
                    + " LEFT JOIN line_settlement s ON s.platform = o.platform AND s.order_line_id = o.order_line_id"
                    + " ORDER BY o.line_seq";
            List<String> before = LedgerInvariants.rows(url, states);

            ChildProcess child = ChildProcess.start("settle", work.resolve("settle.log"), List.of(
                    "-Duser.timezone=Europe/London", "-Drebatch.chunk-size=" + CHUNK,
                    "-Drebatch.fault.settle.delay-ms=" + DELAY_MILLIS, "-Drebatch.progress.interval=1",
                    "-Drebatch.shutdown.stop-wait=" + STOP_WAIT_SECONDS + "s",
                    "-Drebatch.reports-dir=" + scenario.resolve("reports"), "-Drebatch.settle-partitions=1"),
                    RebatchApplication.class, List.of(Scenarios.args(scenario, url, ALL_LINES)));
            assertThat(lines).isEqualTo(120);
            long seen = awaitProgress(child, STOP_AFTER, 180);
            assertThat(seen).as("the child's progress before SIGTERM\n" + child.output()).isGreaterThanOrEqualTo(STOP_AFTER);
            long sent = System.nanoTime();
            int code = child.terminate(STOP_WAIT_SECONDS + 15);
            long tookMillis = (System.nanoTime() - sent) / 1_000_000;
            assertThat(code).as("the child exits after SIGTERM within the wait (143: the signal)\n" + child.output())
                    .isIn(1, 143);
            assertThat(tookMillis).as("exit after SIGTERM, ms").isLessThan(STOP_WAIT_SECONDS * 1000L);

            String stopped = LedgerInvariants.rows(url, "SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION").get(0);
            assertThat(LedgerInvariants.rows(url, "SELECT STATUS, EXIT_CODE FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = "
                    + stopped)).as("the SIGTERMed execution\n" + child.output()).containsExactly("STOPPED|STOPPED");
            List<String> step = LedgerInvariants.rows(url, "SELECT STATUS, WRITE_COUNT, COMMIT_COUNT FROM BATCH_STEP_EXECUTION"
                    + " WHERE JOB_EXECUTION_ID = " + stopped + " AND STEP_NAME = 'settleLines'");
            assertThat(step).hasSize(1);
            String[] s = step.get(0).split("\\|");
            int written = Integer.parseInt(s[1]);
            assertThat(s[0]).isEqualTo("STOPPED");
            assertThat(written).as("stopped at a chunk boundary after the chunks seen committed, before the end")
                    .isGreaterThanOrEqualTo((int) seen).isLessThan(lines);
            assertThat(written % CHUNK).as("whole chunks only").isZero();
            assertThat(Integer.parseInt(s[2])).isEqualTo(written / CHUNK);

            List<String> atStop = LedgerInvariants.rows(url, states);
            assertThat(atStop.subList(written, lines)).as("nothing of the chunks after the stop is written")
                    .isEqualTo(before.subList(written, lines));
            String after = String.join(",", seqs.subList(written, lines));
            assertThat(LedgerInvariants.rows(url, "SELECT COUNT(*) FROM ledger_entry e JOIN order_line o"
                    + " ON o.platform = e.platform AND o.order_line_id = e.order_line_id WHERE e.job_execution_id = "
                    + stopped + " AND o.line_seq IN (" + after + ")")).as("no entry beyond the committed chunks")
                    .containsExactly("0");
            LedgerInvariants.assertLedgerHolds(url);
            // The rebate records of the committed chunks: the resumed run does not touch them, and afterwards all
            // records agree with the settlement (LedgerInvariants.assertHold), so they must be right already now.
            String recordsOfCommittedChunks = "SELECT r.platform, r.order_line_id, r.role, r.user_id, r.status,"
                    + " r.amount_fen, r.settled_at FROM rebate_record r JOIN order_line o ON o.platform = r.platform"
                    + " AND o.order_line_id = r.order_line_id WHERE o.line_seq IN ("
                    + String.join(",", seqs.subList(0, written)) + ") ORDER BY r.platform, r.order_line_id, r.role";
            List<String> recordsAtStop = LedgerInvariants.rows(url, recordsOfCommittedChunks);

            // The same command resumes the same job instance after the last committed chunk, with its progress on
            // stderr and its one result line on stdout.
            CliRun resumed = withProperties(() -> CliRun.step(scenario, url, ALL_LINES),
                    "rebatch.progress.interval", "1", "rebatch.chunk-size", String.valueOf(CHUNK),
                    "rebatch.settle-partitions", "1",
                    "rebatch.fault.settle.delay-ms", String.valueOf(RESUMED_DELAY_MILLIS));
            assertThat(resumed.code()).as(resumed.err()).isZero();
            assertThat(resumed.out().lines().toList()).hasSize(1).first().asString()
                    .startsWith("settle 2026-11-25: done (execution ");
            assertThat(resumed.errLines()).isNotEmpty()
                    .allSatisfy(l -> assertThat(l).startsWith("progress settle 2026-11-25: "))
                    .anySatisfy(l -> assertThat(l).matches(PROGRESS.pattern() + " \\([0-9,]+/s\\)"))
                    .allSatisfy(l -> assertThat(progressCount(l)).as("a resumed step counts from the start of the first run")
                            .isGreaterThan(written));
            String resumedId = LedgerInvariants.rows(url, "SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION").get(0);
            assertThat(LedgerInvariants.rows(url, "SELECT JOB_INSTANCE_ID, STATUS FROM BATCH_JOB_EXECUTION"
                    + " WHERE JOB_EXECUTION_ID IN (" + stopped + ", " + resumedId + ") ORDER BY JOB_EXECUTION_ID"))
                    .as("the same job instance, resumed").hasSize(2)
                    .satisfies(r -> assertThat(r.get(0).split("\\|")[0]).isEqualTo(r.get(1).split("\\|")[0]))
                    .satisfies(r -> assertThat(r.get(1)).endsWith("|COMPLETED"));
            assertThat(LedgerInvariants.rows(url, "SELECT READ_COUNT FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = "
                    + resumedId + " AND STEP_NAME = 'settleLines'")).as("only the lines after the last committed chunk; contexts "
                    + LedgerInvariants.rows(url, "SELECT c.STEP_EXECUTION_ID, s.JOB_EXECUTION_ID, s.STATUS, s.READ_COUNT, c.SHORT_CONTEXT FROM"
                    + " BATCH_STEP_EXECUTION_CONTEXT c JOIN BATCH_STEP_EXECUTION s ON s.STEP_EXECUTION_ID = c.STEP_EXECUTION_ID"
                    + " WHERE s.STEP_NAME = 'settleLines' AND s.JOB_EXECUTION_ID >= " + stopped))
                    .containsExactly(String.valueOf(lines - written));
            List<String> done = LedgerInvariants.rows(url, states);
            System.out.println("GracefulStopIT: child exit " + code + " after " + tookMillis + " ms, stopped after "
                    + written + " of " + lines + " lines; lines the settle changed: " + changed(before, done));
            assertThat(done.subList(0, written)).as("the resumed run left the committed chunks as they were")
                    .isEqualTo(atStop.subList(0, written));
            assertThat(atStop.subList(0, written)).as("the committed chunks are visible: lines they changed (of "
                    + changed(before, done) + ")").isNotEqualTo(before.subList(0, written));
            LedgerInvariants.assertHold(url);
            assertThat(LedgerInvariants.rows(url, recordsOfCommittedChunks)).as("rebate records of the committed chunks")
                    .isEqualTo(recordsAtStop);

            SettleCrashIT.run(scenario, db, steps.subList(last + 1, steps.size()));
            assertThat(Scenarios.nonZeroBalances(scenario.resolve("out/balances.csv")))
                    .containsExactlyElementsOf(Scenarios.nonZeroBalances(scenario.resolve("expected/balances.csv")));
            assertThat(Files.readAllLines(scenario.resolve("out/lines.csv")))
                    .containsExactlyElementsOf(Files.readAllLines(scenario.resolve("expected/lines.csv")));
            LedgerInvariants.assertHold(url);
        }
    }

    /** The highest settleLines count the child's progress lines showed once it reached {@code atLeast}, or -1. */
    private static long awaitProgress(ChildProcess child, long atLeast, long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        while (System.nanoTime() < deadline && child.isAlive()) {
            long best = -1;
            Matcher m = PROGRESS.matcher(child.output());
            while (m.find()) {
                best = Math.max(best, Long.parseLong(m.group(1).replace(",", "")));
            }
            if (best >= atLeast) {
                return best;
            }
            Thread.sleep(100);
        }
        return -1;
    }

    /** The items done that a settleLines progress line shows, or {@code Long.MAX_VALUE} for another line. */
    private static long progressCount(String line) {
        Matcher m = PROGRESS.matcher(line);
        return m.find() ? Long.parseLong(m.group(1).replace(",", "")) : Long.MAX_VALUE;
    }

    /** The 0-based positions (in line_seq order) of the lines whose settlement state the settle changed. */
    private static List<Integer> changed(List<String> before, List<String> after) {
        return java.util.stream.IntStream.range(0, before.size()).filter(i -> !before.get(i).equals(after.get(i)))
                .boxed().toList();
    }

    private static <T> T withProperties(java.util.function.Supplier<T> body, String... keyValues) {
        try {
            for (int i = 0; i < keyValues.length; i += 2) {
                System.setProperty(keyValues[i], keyValues[i + 1]);
            }
            return body.get();
        } finally {
            for (int i = 0; i < keyValues.length; i += 2) {
                System.clearProperty(keyValues[i]);
            }
        }
    }
}
