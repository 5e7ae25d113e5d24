package io.rebatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.jobs.support.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A payout run SIGKILLed in a child JVM leaves nothing half-written (SPEC §9) and the same command then finishes
 * it exactly once:
 * <ul>
 *   <li>killed at {@code payout-batch} — the batch inserted, not committed: no batch row, the withdrawals still
 *       REQUESTED, no file at all; the rerun creates the batch once, its file byte for byte the expected one;</li>
 *   <li>killed at {@code payout-file} — the temporary file complete on disk, not yet renamed: no
 *       {@code payout-*.csv} of the batch is visible, the batch is committed (its withdrawals IN_BATCH); the rerun
 *       (without {@code --encoding}: the batch keeps its own) renames a complete file into place once — byte for
 *       byte the file of an uninterrupted run, the hand-written expected file that {@link PayoutFileIT} checks
 *       too — creates no second batch and removes the temporaries.</li>
 * </ul>
 * Were the batch not one transaction, or the file written in place instead of renamed, these checks would fail.
 */
class PayoutCrashIT {
    private static final String FIRST = "payout-B20261204001.csv";
    private static final String SECOND = "payout-B20261205001.csv";

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.rebatch.jobs.support.TestDatabases#all")
    void aKilledPayoutLeavesNothingHalfWrittenAndTheSameCommandFinishesItOnce(TestDatabase db, @TempDir Path work)
            throws Exception {
        try (db) {
            PayoutFixture f = PayoutFixture.settled(db, work);
            f.sixWithdrawals();
            List<String> balances = f.balances();

            // Killed before the batch commits: nothing of it anywhere.
            killAt(f, "payout-batch", work.resolve("child-batch.log"), "2026-12-04");
            assertThat(f.files()).as("nothing written before the batch commits").isEmpty();
            assertThat(f.count("payout_batch")).as("the uncommitted batch is gone").isZero();
            assertThat(f.withdrawals()).allMatch(w -> w.endsWith("|REQUESTED|null|null|null")).hasSize(6);
            assertThat(f.balances()).isEqualTo(balances);
            LedgerInvariants.assertHold(f.url);

            CliRun created = f.payout("2026-12-04");
            assertThat(created.code()).as(created.err()).isZero();
            assertThat(created.out()).contains("batch B20261204001 created (3 withdrawals, 473.45 yuan, UTF-8)")
                    .contains(" written with ");
            assertThat(PayoutFixture.read(f.out.resolve(FIRST)))
                    .isEqualTo(PayoutFixture.resource("payout-B20261204001.utf8.csv"));
            assertThat(f.count("payout_batch")).isEqualTo(1);

            // Killed with the temporary file complete, before the rename: the batch is there, its file is not.
            killAt(f, "payout-file", work.resolve("child-file.log"), "2026-12-05", "--encoding", "GB18030");
            assertThat(f.visibleFiles()).as("no file of the second batch is visible")
                    .containsExactly(FIRST, FIRST + ".sha256");
            assertThat(f.files()).filteredOn(n -> n.startsWith(".")).as("the complete temporary file, hidden")
                    .singleElement().asString().startsWith("." + SECOND + ".").endsWith(".tmp");
            assertThat(LedgerInvariants.rows(f.url, "SELECT batch_no, line_count, total_fen, file_encoding"
                    + " FROM payout_batch ORDER BY batch_no")).as("the second batch committed before the file step")
                    .containsExactly("B20261204001|3|47345|UTF-8", "B20261205001|3|31000|GB18030");
            assertThat(f.withdrawals()).filteredOn(w -> w.contains("|IN_BATCH|B20261205001|")).hasSize(3);

            CliRun completed = f.payout("2026-12-05");
            assertThat(completed.code()).as(completed.err()).isZero();
            assertThat(completed.out()).contains("batch B20261205001 exists (3 withdrawals, 310.00 yuan, GB18030)")
                    .contains(" written with ");
            assertThat(PayoutFixture.read(f.out.resolve(SECOND)))
                    .isEqualTo(PayoutFixture.resource("payout-B20261205001.gb18030.csv"));
            PayoutFileIT.assertChecksum(f.out, SECOND);
            assertThat(f.files()).as("temporaries removed")
                    .containsExactly(FIRST, FIRST + ".sha256", SECOND, SECOND + ".sha256");
            assertThat(f.count("payout_batch")).isEqualTo(2);
            assertThat(f.withdrawals()).filteredOn(w -> w.contains("|IN_BATCH|")).hasSize(6);
            assertThat(f.payout("2026-12-05").out()).contains("batch B20261205001 exists").contains(" verified with ");
            assertThat(f.count("payout_batch")).isEqualTo(2);
            assertThat(f.balances()).isEqualTo(balances);
            LedgerInvariants.assertHold(f.url);
        }
    }

    /** Runs {@code payout --date DATE …} in a child JVM until it pauses at {@code point}, then SIGKILLs it. */
    private static void killAt(PayoutFixture f, String point, Path log, String date, String... more)
            throws InterruptedException {
        List<String> jvm = new ArrayList<>(ChildProcess.FAST_START);
        jvm.addAll(List.of("-Duser.timezone=Europe/London", "-Drebatch.fault." + point + ".pause-at-item=1"));
        List<String> args = new ArrayList<>(List.of("--db", f.url, "--config", f.config().toString(), "payout",
                "--date", date, "--out", f.out.toString()));
        args.addAll(List.of(more));
        ChildProcess child = ChildProcess.start("payout paused at " + point, log, jvm, RebatchApplication.class, args);
        long deadline = System.currentTimeMillis() + 180_000;
        while (!child.output().contains("FAULT pause " + point) && child.isAlive()
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        boolean paused = child.output().contains("FAULT pause " + point);
        child.kill();
        assertThat(paused).as("the child reached %s; it printed:%n%s", point, child.output()).isTrue();
    }
}
