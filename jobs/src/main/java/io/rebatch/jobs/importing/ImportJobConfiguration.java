package io.rebatch.jobs.importing;

import io.rebatch.jobs.common.RebatchProperties;
import io.rebatch.writers.quarantine.QuarantineStore;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code import} job: one file of one kind (SPEC 2, 9, 10). Steps: {@code scan} quarantines bad rows and
 * refuses a file over the skip limit before anything is stored; {@code load} streams the file in chunks and
 * upserts its good rows (version-guarded for order lines); {@code record} writes the file's counts to
 * {@code import_run} for the run reports. Identifying parameters: {@code kind}, {@code sha256} (the file's
 * content) and {@code attempt}; the same content imported again is a new attempt that stores nothing new (every
 * row is unchanged or stale).
 *
 * <p>The scan alone judges the rows ({@link ImportScan}); {@code load} stores exactly the rows the scan neither
 * quarantined nor skipped, so {@code read = stored + quarantined + skipped} ({@link ImportSummary}).
 */
@Configuration
public class ImportJobConfiguration {
    private static final Logger log = LoggerFactory.getLogger(ImportJobConfiguration.class);
    public static final String JOB_NAME = "import";

    /** The business keys of importing a file. */
    public static JobParameters keys(String kind, Path file, String sha256) {
        return new JobParametersBuilder().addString("kind", kind).addString("sha256", sha256)
                .addString("file", file.toAbsolutePath().toString(), false).toJobParameters();
    }

    public static String importKey(String kind, String sha256) {
        return kind + ":" + sha256;
    }

    @Bean
    public Job importJob(JobRepository jobRepository, Step importScanStep, Step importLoadStep, Step importRecordStep) {
        return new JobBuilder(JOB_NAME, jobRepository).start(importScanStep).next(importLoadStep).next(importRecordStep)
                .build();
    }

    @Bean
    public ImportScan importScan(QuarantineStore quarantine, PlatformTransactionManager transactionManager) {
        return new ImportScan(quarantine, transactionManager);
    }

    /**
     * The scan step. A refused file ends the step FAILED with exit code {@value #REFUSED} and the one-line reason in
     * its context under {@value #REFUSAL_KEY} (no exception: a refusal is an answer about the input, not a fault, so
     * it is not logged as an error with a stack trace). The job fails with it, and importing the file again restarts
     * the scan, which judges the file afresh under the then current settings.
     */
    @Bean
    public Step importScanStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                               ImportKinds kinds, ImportScan scan, RebatchProperties properties, Clock clock) {
        return new StepBuilder("scan", jobRepository).tasklet((contribution, chunkContext) -> {
            StepExecution se = chunkContext.getStepContext().getStepExecution();
            JobParameters p = se.getJobExecution().getJobParameters();
            ImportKind<?> kind = kinds.get(p.getString("kind"));
            PlausibleDates dates = PlausibleDates.of(properties.input().earliestDate(), properties.input().maxAhead(),
                    clock);
            ImportScan.Result r = scan.scan(kind, Path.of(p.getString("file")),
                    importKey(p.getString("kind"), p.getString("sha256")),
                    new ImportScan.Limits(properties.importSkipLimit(), properties.importMaxBadShare()), dates);
            ExecutionContext ctx = se.getExecutionContext();
            ctx.putLong("rows.read", r.rows());
            ctx.putLong("rows.quarantined", r.quarantined());
            ctx.putLong("rows.unpaid", r.skippedUnpaid());
            ctx.remove(REFUSAL_KEY);
            if (r.refused()) {
                ctx.putString(REFUSAL_KEY, r.refusal());
                contribution.setExitStatus(new ExitStatus(REFUSED, r.refusal()));
                se.setStatus(BatchStatus.FAILED); // AbstractStep only ever upgrades the status: it stays FAILED
            }
            return RepeatStatus.FINISHED;
        }, transactionManager).build();
    }

    /** The exit code of a refused scan step (and the key of its one-line reason in the step's context). */
    public static final String REFUSED = "REFUSED";
    public static final String REFUSAL_KEY = "import.refusal";



    @Bean
    public Step importLoadStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                               FileImportReader<Object> fileImportReader, FileImportWriter<Object> fileImportWriter,
                               RebatchProperties properties) {
        return new StepBuilder("load", jobRepository).chunk(properties.chunkSize()).reader(fileImportReader)
                .writer(fileImportWriter).transactionManager(transactionManager).build();
    }

    @Bean
    @StepScope
    @SuppressWarnings("unchecked")
    public FileImportReader<Object> fileImportReader(ImportKinds kinds, @Value("#{jobParameters['kind']}") String kind,
                                                     @Value("#{jobParameters['file']}") String file) {
        return new FileImportReader<>((ImportKind<Object>) kinds.get(kind), Path.of(file));
    }

    @Bean
    @StepScope
    @SuppressWarnings("unchecked")
    public FileImportWriter<Object> fileImportWriter(ImportKinds kinds, QuarantineStore quarantine,
                                                     @Value("#{jobParameters['kind']}") String kind,
                                                     @Value("#{jobParameters['sha256']}") String sha256,
                                                     @Value("#{stepExecution}") StepExecution stepExecution) {
        return new FileImportWriter<>((ImportKind<Object>) kinds.get(kind), importKey(kind, sha256), quarantine,
                stepExecution);
    }

    @Bean
    public Step importRecordStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                 ImportKinds kinds, JdbcTemplate jdbc, Clock clock) {
        return new StepBuilder("record", jobRepository).tasklet((contribution, chunkContext) -> {
            StepExecution se = chunkContext.getStepContext().getStepExecution();
            JobExecution je = se.getJobExecution();
            JobParameters p = je.getJobParameters();
            ExecutionContext scan = jobRepository.getLastStepExecution(je.getJobInstance(), "scan").getExecutionContext();
            ExecutionContext load = jobRepository.getLastStepExecution(je.getJobInstance(), "load").getExecutionContext();
            ImportKind<?> kind = kinds.get(p.getString("kind"));
            String key = importKey(p.getString("kind"), p.getString("sha256"));
            ImportRuns.record(jdbc, clock.instant(), key, kind.name(), kind.platform(),
                    Path.of(p.getString("file")).getFileName().toString(), p.getString("sha256"), scan, load);
            ImportSummary summary = ImportSummary.of(scan, load);
            if (!summary.adds()) {
                log.warn("import counts do not add up kind={} import_key={} read={} stored={} quarantined={} skipped={}",
                        kind.name(), key, summary.read(), summary.stored(), summary.quarantined(), summary.skipped());
            }
            summary.putInto(se.getExecutionContext());
            return RepeatStatus.FINISHED;
        }, transactionManager).build();
    }
}
