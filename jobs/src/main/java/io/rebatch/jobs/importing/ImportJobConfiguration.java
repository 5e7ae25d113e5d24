package io.rebatch.jobs.importing;

import io.rebatch.jobs.common.RebatchProperties;
import io.rebatch.writers.imports.ImportRunStore;
import io.rebatch.writers.quarantine.QuarantineStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import org.springframework.batch.core.step.skip.SkipPolicy;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code import} job: one file of one kind (SPEC 2, 9, 10). Both chunk steps stream the file through the same
 * {@link ImportRowProcessor}, which judges each row once; bad rows are skipped. {@code scan} stores nothing: its
 * {@link ImportScanListener} quarantines the skipped rows and refuses a file over the limits before anything is
 * stored; {@code load} stores the good rows (version-guarded for order lines) through {@link ImportStoreWriter};
 * {@code record} writes the file's counts to {@code import_run} for the run reports. The load judges with the
 * scan's clock (pinned in the job's context), so it skips exactly the rows the scan quarantined and
 * {@code read = stored + quarantined + skipped} ({@link ImportSummary}).
 *
 * <p>Identifying parameters: {@code kind}, {@code sha256} (the file's content) and {@code attempt}; the same
 * content imported again is a new attempt that stores nothing new (every row is unchanged or stale). A refused
 * scan fails the job; importing the file again restarts the scan, which judges the file afresh under the then
 * current settings; a failed load resumes after its last committed chunk.
 */
@Configuration
public class ImportJobConfiguration {
    private static final Logger log = LoggerFactory.getLogger(ImportJobConfiguration.class);
    public static final String JOB_NAME = "import";

    /** The exit code of a refused scan step (and the key of its one-line reason in the step's context). */
    public static final String REFUSED = "REFUSED";
    public static final String REFUSAL_KEY = "import.refusal";
    /** The instant the scan judged the dates by, in the job's context: the load judges by the same. */
    static final String CHECKED_AT = "import.checked-at";
    /** Bad rows are skipped (and quarantined by the scan); anything else fails the step. */
    static final SkipPolicy BAD_ROWS = (t, skipCount) -> t instanceof BadRowException;

    /** The business keys of importing a file. */
    public static JobParameters keys(String kind, Path file, String sha256) {
        return new JobParametersBuilder().addString("kind", kind).addString("sha256", sha256)
                .addString("file", file.toAbsolutePath().toString(), false).toJobParameters();
    }

    public static String importKey(String kind, String sha256) {
        return kind + ":" + sha256;
    }

    @Bean
    public ImportRunStore importRunStore(JdbcTemplate jdbc) {
        return new ImportRunStore(jdbc);
    }

    @Bean
    public Job importJob(JobRepository jobRepository, Step importScanStep, Step importLoadStep, Step importRecordStep) {
        return new JobBuilder(JOB_NAME, jobRepository).start(importScanStep).next(importLoadStep).next(importRecordStep)
                .build();
    }

    @Bean
    public Step importScanStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                               FileImportReader<Object> scanReader, ImportRowProcessor<Object, Object> scanRows,
                               ImportScanListener<Object, Object> importScanListener, RebatchProperties properties) {
        return new StepBuilder("scan", jobRepository).<ImportRow<Object>, Object>chunk(properties.chunkSize())
                .reader(scanReader).processor(scanRows).writer(judgedOnly -> { })
                .faultTolerant().skipPolicy(BAD_ROWS).listener(importScanListener)
                .transactionManager(transactionManager).build();
    }

    @Bean
    public Step importLoadStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                               FileImportReader<Object> loadReader, ImportRowProcessor<Object, Object> loadRows,
                               ImportStoreWriter<Object> importStoreWriter, RebatchProperties properties) {
        return new StepBuilder("load", jobRepository).<ImportRow<Object>, Object>chunk(properties.chunkSize())
                .reader(loadReader).processor(loadRows).writer(importStoreWriter)
                .faultTolerant().skipPolicy(BAD_ROWS).transactionManager(transactionManager).build();
    }

    @Bean
    @StepScope
    public ImportScanListener<Object, Object> importScanListener(ImportKinds kinds, QuarantineStore quarantine,
            RebatchProperties properties, @Value("#{jobParameters['kind']}") String kind,
            @Value("#{jobParameters['sha256']}") String sha256, @Value("#{jobParameters['file']}") String file) {
        return new ImportScanListener<>(kind(kinds, kind), Path.of(file), importKey(kind, sha256),
                new ImportScanListener.Limits(properties.importSkipLimit(), properties.importMaxBadShare()), quarantine);
    }

    /** The scan's reader judges the whole file on every attempt (no saved position) and hands a bad file over. */
    @Bean
    @StepScope
    public FileImportReader<Object> scanReader(ImportKinds kinds, ImportScanListener<Object, Object> importScanListener,
                                               @Value("#{jobParameters['kind']}") String kind,
                                               @Value("#{jobParameters['file']}") String file) {
        FileImportReader<Object> reader = new FileImportReader<>(kind(kinds, kind), Path.of(file),
                importScanListener::badFile);
        reader.setSaveState(false);
        return reader;
    }

    @Bean
    @StepScope
    public FileImportReader<Object> loadReader(ImportKinds kinds, @Value("#{jobParameters['kind']}") String kind,
                                               @Value("#{jobParameters['file']}") String file) {
        return new FileImportReader<>(kind(kinds, kind), Path.of(file), null);
    }

    /** Judges by the clock now and pins that instant in the job's context for the load. */
    @Bean
    @StepScope
    public ImportRowProcessor<Object, Object> scanRows(ImportKinds kinds, RebatchProperties properties, Clock clock,
                                                       @Value("#{jobParameters['kind']}") String kind,
                                                       @Value("#{jobParameters['sha256']}") String sha256,
                                                       @Value("#{jobParameters['file']}") String file) {
        return new ImportRowProcessor<>(kind(kinds, kind), importKey(kind, sha256), Path.of(file), se -> {
            Instant now = clock.instant();
            se.getJobExecution().getExecutionContext().putString(CHECKED_AT, now.toString());
            return datesAt(properties, now);
        });
    }

    /** Judges by the instant the scan pinned. */
    @Bean
    @StepScope
    public ImportRowProcessor<Object, Object> loadRows(ImportKinds kinds, RebatchProperties properties,
                                                       @Value("#{jobParameters['kind']}") String kind,
                                                       @Value("#{jobParameters['sha256']}") String sha256,
                                                       @Value("#{jobParameters['file']}") String file) {
        return new ImportRowProcessor<>(kind(kinds, kind), importKey(kind, sha256), Path.of(file), se -> datesAt(
                properties, Instant.parse(se.getJobExecution().getExecutionContext().getString(CHECKED_AT))));
    }

    @Bean
    @StepScope
    public ImportStoreWriter<Object> importStoreWriter(ImportKinds kinds, @Value("#{jobParameters['kind']}") String kind,
                                                       @Value("#{stepExecution}") StepExecution stepExecution) {
        return new ImportStoreWriter<>(kind(kinds, kind), stepExecution);
    }

    @Bean
    public Step importRecordStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                 ImportKinds kinds, ImportRunStore runs, Clock clock) {
        return new StepBuilder("record", jobRepository).tasklet((contribution, chunkContext) -> {
            StepExecution se = chunkContext.getStepContext().getStepExecution();
            JobExecution je = se.getJobExecution();
            JobParameters p = je.getJobParameters();
            ExecutionContext scan = jobRepository.getLastStepExecution(je.getJobInstance(), "scan").getExecutionContext();
            ExecutionContext load = jobRepository.getLastStepExecution(je.getJobInstance(), "load").getExecutionContext();
            ImportKind<?, ?> kind = kinds.get(p.getString("kind"));
            String key = importKey(p.getString("kind"), p.getString("sha256"));
            runs.record(ImportRuns.of(clock.instant(), key, kind.name(), kind.platform(),
                    Path.of(p.getString("file")).getFileName().toString(), p.getString("sha256"), scan, load));
            ImportSummary summary = ImportSummary.of(scan, load);
            if (!summary.adds()) {
                log.warn("import counts do not add up kind={} import_key={} read={} stored={} quarantined={} skipped={}",
                        kind.name(), key, summary.read(), summary.stored(), summary.quarantined(), summary.skipped());
            }
            summary.putInto(se.getExecutionContext());
            return RepeatStatus.FINISHED;
        }, transactionManager).build();
    }

    private static PlausibleDates datesAt(RebatchProperties properties, Instant now) {
        return PlausibleDates.of(properties.input().earliestDate(), properties.input().maxAhead(),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    @SuppressWarnings("unchecked")
    private static ImportKind<Object, Object> kind(ImportKinds kinds, String name) {
        return (ImportKind<Object, Object>) kinds.get(name);
    }
}
