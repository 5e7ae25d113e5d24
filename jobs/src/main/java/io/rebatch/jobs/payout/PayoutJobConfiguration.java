package io.rebatch.jobs.payout;

import io.rebatch.domain.BadInputException;
import io.rebatch.domain.BusinessTime;
import io.rebatch.domain.payout.BatchNo;
import io.rebatch.domain.payout.PayoutFile;
import io.rebatch.jobs.common.FaultInjection;
import io.rebatch.jobs.common.JobLock;
import io.rebatch.writers.payout.PayoutBatchStore;
import io.rebatch.writers.payout.PayoutFileWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code payout} job (SPEC §7) for pay date D, identified by {@code date} and {@code attempt}:
 * <ol>
 *   <li>{@code batch} — one transaction: every REQUESTED withdrawal requested before D's cut-off (10:00
 *       Asia/Shanghai) becomes IN_BATCH under {@code B<D>001}, the file is rendered and encoded, and the batch row
 *       with its line count, total and checksum is stored. A crash before the commit leaves nothing; after it, the
 *       whole batch. A date that has its batch already is reported, never batched again (the unique pay date makes
 *       the database refuse a second batch even for two runs at once); no withdrawal due means no batch.</li>
 *   <li>{@code file} — renders the batch's file again from the database (byte for byte the same: the checksum is
 *       checked) and writes it with its {@code .sha256} under a temporary name then renamed
 *       ({@link PayoutFileWriter}); an existing file is verified, never overwritten. So a crash between writing and
 *       renaming leaves no visible file, and running the payout again completes it once.</li>
 * </ol>
 * Non-identifying parameters: {@code encoding} (UTF-8 or GB18030; an existing batch keeps its own) and {@code out}.
 * What happened is left in the step execution contexts under the {@code payout.*} keys the CLI prints.
 */
@Configuration
public class PayoutJobConfiguration {
    public static final String JOB_NAME = "payout";
    public static final String STATE = "payout.state";
    public static final String BATCH = "payout.batch";
    public static final String FILE = "payout.file";
    public static final String FILE_RESULT = "payout.file.result";

    /** What the batch step found or did. */
    public enum State {
        CREATED, EXISTING, NOTHING_DUE
    }

    @Bean
    public Job payoutJob(JobRepository jobRepository, Step payoutBatchStep, Step payoutFileStep) {
        return new JobBuilder(JOB_NAME, jobRepository).start(payoutBatchStep).next(payoutFileStep).build();
    }

    @Bean
    public Step payoutBatchStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                PayoutBatchStore batches, PayoutProperties properties, JobLock jobLock,
                                FaultInjection faults, Clock clock) {
        return new StepBuilder("batch", jobRepository).tasklet((contribution, chunk) -> {
            StepExecution step = chunk.getStepContext().getStepExecution();
            var params = step.getJobExecution().getJobParameters();
            LocalDate date = LocalDate.parse(params.getString("date"));
            ExecutionContext ctx = step.getExecutionContext();
            jobLock.checkHeld();
            if (batches.findByDate(date).isPresent()) {
                ctx.putString(STATE, State.EXISTING.name());
                return RepeatStatus.FINISHED;
            }
            BatchNo batchNo = BatchNo.first(date);
            Instant cutoff = date.atTime(properties.cutoff()).atZone(BusinessTime.ZONE).toInstant();
            int assigned = batches.assign(batchNo, cutoff);
            if (assigned == 0) {
                ctx.putString(STATE, batches.findByDate(date).isPresent() ? State.EXISTING.name() : State.NOTHING_DUE.name());
                return RepeatStatus.FINISHED;
            }
            Charset charset = charset(params.getString("encoding", "UTF-8"));
            PayoutFile file = batches.file(batchNo, date, properties.payerAccount(), properties.payerName());
            byte[] bytes = PayoutFileWriter.encode(file, charset);
            batches.insert(new PayoutBatchStore.Batch(batchNo, date, cutoff, file.payerAccount(), file.payerName(),
                    charset.name(), file.fileName(), file.count(), file.totalFen(), PayoutFileWriter.sha256(bytes)),
                    clock.instant(), step.getJobExecutionId());
            faults.beforeWrite("payout-batch", 1, 1);
            ctx.putString(STATE, State.CREATED.name());
            return RepeatStatus.FINISHED;
        }, transactionManager).build();
    }

    @Bean
    public Step payoutFileStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                               PayoutBatchStore batches, PayoutProperties properties, FaultInjection faults) {
        return new StepBuilder("file", jobRepository).tasklet((contribution, chunk) -> {
            StepExecution step = chunk.getStepContext().getStepExecution();
            var params = step.getJobExecution().getJobParameters();
            LocalDate date = LocalDate.parse(params.getString("date"));
            Optional<PayoutBatchStore.Batch> found = batches.findByDate(date);
            if (found.isEmpty()) {
                return RepeatStatus.FINISHED;
            }
            PayoutBatchStore.Batch b = found.get();
            Path dir = Path.of(params.getString("out", properties.dir().toString()));
            byte[] bytes = PayoutFileWriter.encode(batches.file(b), Charset.forName(b.encoding()));
            PayoutFileWriter.Result result = PayoutFileWriter.write(dir, b.fileName(), bytes, b.sha256(),
                    () -> faults.beforeWrite("payout-file", 1, 1));
            ExecutionContext ctx = step.getExecutionContext();
            ctx.putString(BATCH, b.batchNo().format());
            ctx.putString(FILE, dir.resolve(b.fileName()).toString());
            ctx.putString(FILE_RESULT, result.name());
            return RepeatStatus.FINISHED;
        }, transactionManager).build();
    }

    /** UTF-8 (the default) or GB18030, as {@code --encoding} names them; anything else is bad input. */
    public static Charset charset(String name) {
        String n = name == null ? "UTF-8" : name.strip().toUpperCase(Locale.ROOT);
        return switch (n) {
            case "UTF-8", "UTF8" -> StandardCharsets.UTF_8;
            case "GB18030" -> Charset.forName("GB18030");
            default -> throw new BadInputException("unknown payout file encoding '" + name + "' (UTF-8 or GB18030)");
        };
    }
}
