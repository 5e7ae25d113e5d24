package io.rebatch.jobs.closemonth;

import io.rebatch.domain.statement.Statement;
import io.rebatch.jobs.common.JobLock;
import io.rebatch.jobs.common.RebatchProperties;
import io.rebatch.jobs.common.RuleSetProvider;
import io.rebatch.readers.statement.StatementFile;
import io.rebatch.writers.jdbc.Streaming;
import io.rebatch.writers.ledger.LedgerWriter;
import io.rebatch.writers.statement.SettledLines;
import io.rebatch.writers.statement.StatementReport;
import io.rebatch.writers.tier.TierBonusStore;
import io.rebatch.writers.tier.TierItem;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code closeMonth} job (SPEC 6): the tier bonus of month M from the settled buyer amounts of lines settled
 * in M (as the last settle run computed them, refunds included), then the statement reconciliation when
 * statement files are given. The statement files are read first ({@code statementCheck}): a bad one fails the job
 * before the tier bonus posts anything. Identifying parameters: {@code month} and {@code attempt}; the statement
 * files are not identifying. The tier bonus's SQL lives in {@code writers/tier}, its difference in
 * {@code domain/LedgerDiff}; SQL and files of the reconciliation live in {@code writers/statement}, the parsing in
 * {@code readers/statement}, the rule in {@code domain/statement}.
 */
@Configuration
public class CloseMonthJobConfiguration {
    public static final String JOB_NAME = "closeMonth";
    private static final Logger log = LoggerFactory.getLogger(CloseMonthJobConfiguration.class);

    @Bean
    public Job closeMonthJob(JobRepository jobRepository, Step statementCheckStep, Step tierBonusStep,
                             Step statementStep) {
        return new JobBuilder(JOB_NAME, jobRepository).start(statementCheckStep).next(tierBonusStep)
                .next(statementStep).build();
    }

    @Bean
    public Step tierBonusStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                              JdbcCursorItemReader<TierItem> tierReader, TierBonusWriter tierBonusWriter,
                              RebatchProperties properties) {
        return new StepBuilder("tierBonus", jobRepository).<TierItem, TierItem>chunk(properties.chunkSize())
                .reader(tierReader).writer(tierBonusWriter).transactionManager(transactionManager).build();
    }

    @Bean
    @StepScope
    public JdbcCursorItemReader<TierItem> tierReader(DataSource dataSource, @Value("#{jobParameters['month']}") String month) {
        return new JdbcCursorItemReaderBuilder<TierItem>().name("tierReader").dataSource(dataSource)
                .sql(TierBonusStore.SETTLED_AND_POSTED).preparedStatementSetter(TierBonusStore.of(YearMonth.parse(month)))
                .fetchSize(Streaming.fetchSize(dataSource)).verifyCursorPosition(false)
                .rowMapper(TierBonusStore.ITEMS).build();
    }

    @Bean
    @StepScope
    public TierBonusWriter tierBonusWriter(@Value("#{jobParameters['month']}") String month,
                                           @Value("#{stepExecution.jobExecutionId}") Long jobExecutionId,
                                           RuleSetProvider ruleSets, JdbcTemplate jdbc, LedgerWriter ledger,
                                           JobLock jobLock) {
        LocalDate lastDay = YearMonth.parse(month).atEndOfMonth();
        return new TierBonusWriter(month, lastDay, ruleSets.get().inForceOn(lastDay), jobExecutionId,
                new TierBonusStore(jdbc), ledger, jobLock);
    }

    /**
     * Reads the statement files before anything is posted, so that a bad statement (exit 2, SPEC 9) leaves the
     * ledger as it was; runs again on every restart, since the files (a non-identifying parameter) may have changed.
     */
    @Bean
    public Step statementCheckStep(JobRepository jobRepository, PlatformTransactionManager transactionManager) {
        return new StepBuilder("statementCheck", jobRepository).tasklet((contribution, chunkContext) -> {
            var params = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobParameters();
            List<Path> files = statementFiles(params.getString("statements", ""));
            if (!files.isEmpty()) {
                StatementFile.read(YearMonth.parse(params.getString("month")), files);
            }
            return RepeatStatus.FINISHED;
        }, transactionManager).allowStartIfComplete(true).build();
    }

    /**
     * The statement reconciliation (SPEC 6): reads the files, compares them with rebatch's SETTLED lines of the month
     * and writes {@code statement-<M>-a<attempt>.csv} and {@code …-lines.csv} to the reports folder; the step's
     * context gets {@code report}, {@code report.lines} and {@code statement.mismatches}. Changes no table.
     */
    @Bean
    public Step statementStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                              DataSource dataSource, JdbcTemplate jdbc, RebatchProperties properties) {
        StatementReport report = new StatementReport(new SettledLines(dataSource, jdbc));
        return new StepBuilder("statementReconciliation", jobRepository).tasklet((contribution, chunkContext) -> {
            var stepExecution = chunkContext.getStepContext().getStepExecution();
            var params = stepExecution.getJobExecution().getJobParameters();
            List<Path> files = statementFiles(params.getString("statements", ""));
            if (!files.isEmpty()) {
                String month = params.getString("month");
                Statement statement = StatementFile.read(YearMonth.parse(month), files);
                String name = "statement-" + month + "-a" + params.getLong("attempt");
                Path summary = properties.reportsDir().resolve(name + ".csv");
                Path lines = properties.reportsDir().resolve(name + "-lines.csv");
                StatementReport.Outcome o = report.write(statement, summary, lines);
                var ctx = stepExecution.getExecutionContext();
                ctx.putString("report", summary.toString());
                ctx.putString("report.lines", lines.toString());
                ctx.putLong("statement.mismatches", o.mismatches());
                log.info("statement reconciliation month={} platforms={} mismatches={} lines={}", month,
                        o.platforms().size(), o.mismatches(), o.lines());
            }
            return RepeatStatus.FINISHED;
        }, transactionManager).build();
    }

    /** The {@code statements} job parameter: absolute paths, one per line (see {@code Operations#closeMonth}). */
    static List<Path> statementFiles(String parameter) {
        return parameter == null || parameter.isBlank() ? List.of()
                : Arrays.stream(parameter.split("\n")).filter(f -> !f.isBlank()).map(Path::of).toList();
    }
}
