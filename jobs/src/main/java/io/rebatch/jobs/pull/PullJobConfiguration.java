package io.rebatch.jobs.pull;

import io.rebatch.jobs.common.FaultInjection;
import io.rebatch.jobs.common.RebatchProperties;
import io.rebatch.jobs.importing.ImportKind;
import io.rebatch.jobs.importing.ImportKinds;
import io.rebatch.jobs.importing.ImportRowProcessor;
import io.rebatch.jobs.importing.ImportRuns;
import io.rebatch.jobs.importing.PlausibleDates;
import io.rebatch.readers.api.PullRuntime;
import io.rebatch.readers.api.HttpSettings;
import io.rebatch.readers.api.TimeWindow;
import io.rebatch.readers.report.ReportRow;
import io.rebatch.writers.imports.ImportRunStore;
import io.rebatch.writers.pull.PageArchive;
import io.rebatch.writers.pull.PullWatermarks;
import io.rebatch.writers.quarantine.QuarantineStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
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
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.env.Environment;
import io.rebatch.readers.platform.Adapters;
import io.rebatch.readers.platform.Feed;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code pull} job (issue 3): one feed over {@code [from, to)}, window by window, each window a committed unit
 * (see {@link WindowWriter}). Identifying parameters: {@code feed}, {@code from}, {@code to} (ISO instants) and
 * {@code attempt}; a failed pull run again resumes after its last completed window, a completed one pulled again is
 * a harmless recorded rerun.
 */
@Configuration
@EnableConfigurationProperties(PullProperties.class)
public class PullJobConfiguration {
    public static final String JOB_NAME = "pull";

    public static JobParameters keys(Feed feed, Instant from, Instant to) {
        return new JobParametersBuilder().addString("feed", feed.name()).addString("from", from.toString())
                .addString("to", to.toString()).toJobParameters();
    }

    @Bean
    public PullRuntime pullRuntime(Clock clock) {
        return PullRuntime.create(HttpSettings.DEFAULTS, clock);
    }

    @Bean
    public Feeds feeds(PullProperties properties, Environment environment, PullRuntime runtime, Clock clock,
                       RebatchProperties rebatch) {
        // Pulled rows are held to the plausible range imported files are (rebatch.input.*), judged per page.
        return new Feeds(new BoundSettings(environment), runtime, () -> PlausibleDates.of(rebatch.input().earliestDate(),
                rebatch.input().maxAhead(), clock).asTimes(), properties.pullLag());
    }

    @Bean
    public Job pullJob(JobRepository jobRepository, Step pullWindowsStep, Step pullRecordStep) {
        return new JobBuilder(JOB_NAME, jobRepository).start(pullWindowsStep).next(pullRecordStep).build();
    }

    @Bean
    public Step pullWindowsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                WindowReader windowReader, WindowWriter windowWriter) {
        return new StepBuilder("pullWindows", jobRepository).<TimeWindow, TimeWindow>chunk(1).reader(windowReader)
                .writer(windowWriter).transactionManager(transactionManager).build();
    }

    @Bean
    @StepScope
    public WindowReader windowReader(Feeds feeds, @Value("#{jobParameters['feed']}") String feed,
                                     @Value("#{jobParameters['from']}") String from,
                                     @Value("#{jobParameters['to']}") String to) {
        return new WindowReader(feeds.pull(Adapters.feed(feed)).windows(Instant.parse(from), Instant.parse(to)));
    }

    @Bean
    @StepScope
    @SuppressWarnings("unchecked")
    public WindowWriter windowWriter(Feeds feeds, ImportKinds kinds, QuarantineStore quarantine, JdbcTemplate jdbc,
                                     @Value("${rebatch.archive-dir:archive}") Path archiveDir,
                                     @Value("#{jobParameters['feed']}") String feed,
                                     @Value("#{jobParameters['from']}") String from,
                                     @Value("#{jobParameters['to']}") String to,
                                     @Value("#{stepExecution}") StepExecution stepExecution,
                                     FaultInjection faults) {
        Feed f = Adapters.feed(feed);
        ImportKind<ReportRow, Object> kind = (ImportKind<ReportRow, Object>) kinds.get(f.importKind());
        // Pulled rows are held to the plausible range by the API client itself (Feeds), page by page.
        ImportRowProcessor<ReportRow, Object> rows = new ImportRowProcessor<>(kind, importKey(f, from, to),
                PlausibleDates.ANY);
        return new WindowWriter(f, feeds.pull(f), kind, rows, quarantine, new PageArchive(archiveDir),
                new PullWatermarks(jdbc), stepExecution, faults,
                io.rebatch.domain.BusinessTime.dateOf(Instant.parse(to).minusMillis(1)));
    }

    static String importKey(Feed feed, String from, String to) {
        return "PULL:" + feed + ":" + Instant.parse(from).getEpochSecond() + "-" + Instant.parse(to).getEpochSecond();
    }

    @Bean
    public Step pullRecordStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                               ImportRunStore runs, Clock clock) {
        return new StepBuilder("pullRecord", jobRepository).tasklet((contribution, chunkContext) -> {
            StepExecution se = chunkContext.getStepContext().getStepExecution();
            JobExecution je = se.getJobExecution();
            JobParameters p = je.getJobParameters();
            ExecutionContext c = jobRepository.getLastStepExecution(je.getJobInstance(), "pullWindows").getExecutionContext();
            Feed feed = Adapters.feed(p.getString("feed"));
            String key = importKey(feed, p.getString("from"), p.getString("to"));
            runs.record(ImportRuns.of(clock.instant(), key, "PULL:" + feed, feed.platform().name(),
                    p.getString("from") + "/" + p.getString("to"), "-", c, c));
            return RepeatStatus.FINISHED;
        }, transactionManager).build();
    }
}
