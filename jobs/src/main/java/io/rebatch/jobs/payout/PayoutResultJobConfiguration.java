package io.rebatch.jobs.payout;

import io.rebatch.jobs.common.FaultInjection;
import io.rebatch.jobs.common.JobLock;
import io.rebatch.jobs.common.RebatchProperties;
import io.rebatch.readers.payout.PayoutResultFile;
import io.rebatch.writers.ledger.LedgerMoves;
import io.rebatch.writers.payout.WithdrawalStore;
import io.rebatch.writers.quarantine.QuarantineStore;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code payoutResult} job (SPEC §7): applies Alipay's result file in chunks ({@link PayoutResultWriter}).
 * Identified by the file's SHA-256 and an attempt number: a killed import resumes after its last committed chunk,
 * and importing the same file again is a new attempt that finds every row already applied (unchanged) — it
 * changes nothing. Refused rows go to quarantine with their reason (payee masked), so {@code export quarantine}
 * lists them; the rest of the file is applied.
 */
@Configuration
public class PayoutResultJobConfiguration {
    public static final String JOB_NAME = "payoutResult";

    public static JobParameters keys(Path file, String sha256) {
        return new JobParametersBuilder().addString("sha256", sha256)
                .addString("file", file.toAbsolutePath().toString(), false).toJobParameters();
    }

    public static String importKey(String sha256) {
        return "payout-result:" + sha256;
    }

    @Bean
    public Job payoutResultJob(JobRepository jobRepository, Step payoutResultStep) {
        return new JobBuilder(JOB_NAME, jobRepository).start(payoutResultStep).build();
    }

    @Bean
    public Step payoutResultStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                 ResultRowReader payoutResultReader, PayoutResultWriter payoutResultWriter,
                                 RebatchProperties properties) {
        return new StepBuilder("apply", jobRepository)
                .<PayoutResultFile.Row, PayoutResultFile.Row>chunk(Math.min(properties.chunkSize(), 500))
                .reader(payoutResultReader).writer(payoutResultWriter).transactionManager(transactionManager).build();
    }

    @Bean
    @StepScope
    public ResultRowReader payoutResultReader(@Value("#{jobParameters['file']}") String file) {
        return new ResultRowReader(Path.of(file));
    }

    @Bean
    @StepScope
    public PayoutResultWriter payoutResultWriter(@Value("#{jobParameters['file']}") String file,
                                                 @Value("#{jobParameters['sha256']}") String sha256,
                                                 @Value("#{stepExecution}") StepExecution stepExecution,
                                                 WithdrawalStore store, LedgerMoves moves, QuarantineStore quarantine,
                                                 JobLock jobLock, FaultInjection faults, Clock clock) {
        return new PayoutResultWriter(importKey(sha256), Path.of(file).getFileName().toString(), stepExecution, store,
                moves, quarantine, jobLock, faults, clock);
    }

    /** The rows of the result file; restartable (a restart reads past the rows of committed chunks). */
    public static class ResultRowReader extends AbstractItemCountingItemStreamItemReader<PayoutResultFile.Row> {
        private final Path file;
        private PayoutResultFile rows;

        public ResultRowReader(Path file) {
            this.file = file;
            setName("payoutResultReader");
        }

        @Override
        protected void doOpen() {
            rows = PayoutResultFile.open(file);
        }

        @Override
        protected PayoutResultFile.Row doRead() {
            return rows.next();
        }

        @Override
        protected void doClose() {
            if (rows != null) {
                rows.close();
                rows = null;
            }
        }
    }
}
