package io.rebatch.jobs.payout;

import io.rebatch.domain.payout.WithdrawalRequest;
import io.rebatch.jobs.common.JobRunner;
import io.rebatch.jobs.common.Operations;
import io.rebatch.writers.csv.Exports;
import io.rebatch.writers.payout.PayoutBatchStore;
import io.rebatch.writers.payout.PayoutFileWriter;
import io.rebatch.writers.quarantine.QuarantineStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;

/**
 * What finance (and the scheduler) can ask of the money leaving: withdrawals for support staff, the payout run of a
 * date, the import of Alipay's result file and the withdrawals export. Jobs run through {@link JobRunner}, so they
 * hold the job lock and are recorded like every other job.
 */
public class Payouts {
    /** How a payout run ended: the batch's state, the batch (null when nothing was due), the file and what was done to it. */
    public record PayoutRun(JobRunner.Outcome outcome, PayoutJobConfiguration.State state, PayoutBatchStore.Batch batch,
                            Path file, PayoutFileWriter.Result fileResult) {
    }

    /** The counts of a result import and the first refused rows (payee masked). */
    public record ResultRun(JobRunner.Outcome outcome, long paid, long failed, long unchanged, long refused,
                            long paidFen, List<QuarantineStore.Entry> refusedRows) {
    }

    private final JobRunner runner;
    private final Job payoutJob;
    private final Job payoutResultJob;
    private final Withdrawals withdrawals;
    private final PayoutBatchStore batches;
    private final QuarantineStore quarantine;
    private final Exports exports;
    private final PayoutProperties properties;

    public Payouts(JobRunner runner, Job payoutJob, Job payoutResultJob, Withdrawals withdrawals,
                   PayoutBatchStore batches, QuarantineStore quarantine, Exports exports, PayoutProperties properties) {
        this.runner = runner;
        this.payoutJob = payoutJob;
        this.payoutResultJob = payoutResultJob;
        this.withdrawals = withdrawals;
        this.batches = batches;
        this.quarantine = quarantine;
        this.exports = exports;
        this.properties = properties;
    }

    public Withdrawals.Outcome withdraw(WithdrawalRequest request) {
        return withdrawals.request(request);
    }

    /** {@code payout --date D [--encoding E] [--out DIR]}; a date with a batch reports it and writes nothing new. */
    public PayoutRun payout(LocalDate date, String encoding, Path outDir) {
        PayoutJobConfiguration.charset(encoding);
        Path dir = outDir == null ? properties.dir() : outDir;
        JobRunner.Outcome outcome = runner.run(payoutJob, new JobParametersBuilder()
                .addString("date", date.toString())
                .addString("encoding", encoding == null ? "UTF-8" : encoding, false)
                .addString("out", dir.toAbsolutePath().toString(), false).toJobParameters(), JobRunner.WhenComplete.RERUN);
        Optional<PayoutBatchStore.Batch> batch = batches.findByDate(date);
        boolean created = false;
        PayoutFileWriter.Result fileResult = null;
        JobExecution exec = outcome.execution();
        if (exec != null) {
            for (StepExecution s : exec.getStepExecutions()) {
                var ctx = s.getExecutionContext();
                created |= PayoutJobConfiguration.State.CREATED.name().equals(ctx.getString(PayoutJobConfiguration.STATE, ""));
                if (ctx.containsKey(PayoutJobConfiguration.FILE_RESULT)) {
                    fileResult = PayoutFileWriter.Result.valueOf(ctx.getString(PayoutJobConfiguration.FILE_RESULT));
                }
            }
        }
        // this run's batch step says whether it created the batch; otherwise the database says whether one exists
        PayoutJobConfiguration.State state = created ? PayoutJobConfiguration.State.CREATED
                : batch.isPresent() ? PayoutJobConfiguration.State.EXISTING : PayoutJobConfiguration.State.NOTHING_DUE;
        return new PayoutRun(outcome, state, batch.orElse(null),
                batch.map(b -> dir.resolve(b.fileName())).orElse(null), fileResult);
    }

    /** {@code payout-result FILE}: applies Alipay's result file; importing it again changes nothing. */
    public ResultRun importResult(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        String sha = Operations.sha256(file);
        JobRunner.Outcome outcome = runner.run(payoutResultJob, PayoutResultJobConfiguration.keys(file, sha),
                JobRunner.WhenComplete.RERUN);
        long[] c = new long[5];
        JobExecution exec = outcome.execution();
        if (exec != null) {
            for (StepExecution s : exec.getStepExecutions()) {
                var ctx = s.getExecutionContext();
                c[0] += ctx.getLong("result.paid", 0L);
                c[1] += ctx.getLong("result.failed", 0L);
                c[2] += ctx.getLong("result.unchanged", 0L);
                c[3] += ctx.getLong("result.refused", 0L);
                c[4] += ctx.getLong("result.paid_fen", 0L);
            }
        }
        return new ResultRun(outcome, c[0], c[1], c[2], c[3], c[4],
                quarantine.list(PayoutResultJobConfiguration.importKey(sha), 50));
    }

    public long exportWithdrawals(Path out) {
        return exports.withdrawals(out);
    }
}
