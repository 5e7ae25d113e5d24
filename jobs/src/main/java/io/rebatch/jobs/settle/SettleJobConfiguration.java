package io.rebatch.jobs.settle;

import io.rebatch.jobs.common.FaultInjection;
import io.rebatch.jobs.common.JobLock;
import io.rebatch.jobs.common.RebatchProperties;
import io.rebatch.jobs.common.RuleSetProvider;
import io.rebatch.writers.ledger.LedgerWriter;
import io.rebatch.writers.report.RunReportStore;
import io.rebatch.writers.report.SettleReport;
import io.rebatch.writers.settle.SettleHorizon;
import io.rebatch.writers.settle.SettlementStateStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.interceptor.DefaultTransactionAttribute;

/**
 * The {@code settle} job (SPEC 4, 5, 8, 10): as of business date D, attribute, split and post the difference for
 * the lines that can change (every stored line with {@code --all}; see {@link SettleScope}), then write the run's reconciliation report. Identifying parameters: {@code date} and
 * {@code attempt} (the n-th explicit settlement of that date; see {@code JobRunner}).
 */
@Configuration
public class SettleJobConfiguration {
    public static final String JOB_NAME = "settle";

    @Bean
    public Job settleJob(JobRepository jobRepository, Step settleLinesStep, Step settleReportStep, JdbcTemplate jdbc,
                         RuleSetProvider ruleSets) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(new SettleScope(new SettleHorizon(jdbc), ruleSets, jobRepository))
                .start(settleLinesStep).next(settleReportStep).build();
    }

    @Bean
    public Step settleLinesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                JdbcPagingItemReader<Long> settleReader, SettleWriter settleWriter,
                                RebatchProperties properties) {
        // READ COMMITTED: after locking a chunk's lines, the writer must read what other writers committed, not a
        // snapshot taken before (InnoDB's default REPEATABLE READ); it also keeps InnoDB from taking gap locks.
        DefaultTransactionAttribute readCommitted = new DefaultTransactionAttribute();
        readCommitted.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        return new StepBuilder("settleLines", jobRepository).<Long, Long>chunk(properties.chunkSize())
                .reader(settleReader).writer(settleWriter).transactionManager(transactionManager)
                .transactionAttribute(readCommitted).build();
    }

    @Bean
    @StepScope
    public JdbcPagingItemReader<Long> settleReader(DataSource dataSource, RebatchProperties properties,
                                                   @Value("#{jobParameters['platform']}") String platform,
                                                   @Value("#{jobParameters['date']}") String date,
                                                   @Value("#{jobExecutionContext['" + SettleScope.KEY + "']}") String visit)
            throws Exception {
        return lineKeys(dataSource, properties.chunkSize(), platform, LocalDate.parse(date),
                !SettleScope.DUE.equals(visit));
    }

    /**
     * The keys of the lines a settle visits ({@link SettleScope}), of every platform or of one ({@code rerun
     * --platform P}). Only the keys: the writer locks each chunk's lines and reads them itself, as committed at that
     * moment. Also the reader of {@link SettleDryRun}.
     * <ul>
     *   <li>Every line: in {@code line_seq} order; a restart resumes after the last committed chunk's key.</li>
     *   <li>The lines due on or before D: in {@code (due_on, line_seq)} order, a range scan of its index. The due
     *       date is the process indicator: the writer moves every line it settles past D in the chunk's
     *       transaction, so the reader keeps no state — a restart reads again what is still due, which is exactly
     *       what no committed chunk settled.</li>
     * </ul>
     */
    static JdbcPagingItemReader<Long> lineKeys(DataSource dataSource, int chunkSize, String platform, LocalDate date,
                                               boolean all) throws Exception {
        var builder = new JdbcPagingItemReaderBuilder<Long>().dataSource(dataSource).fromClause(SettlementStateStore.LINES)
                .rowMapper((rs, n) -> rs.getLong(SettlementStateStore.KEY)).pageSize(chunkSize).fetchSize(chunkSize);
        boolean onePlatform = platform != null && !platform.isEmpty();
        Map<String, Object> params = new HashMap<>();
        if (onePlatform) {
            params.put("platform", platform);
        }
        if (all) {
            builder.name("settleReader").selectClause(SettlementStateStore.KEY)
                    .sortKeys(Map.of(SettlementStateStore.KEY, Order.ASCENDING));
            if (onePlatform) {
                builder.whereClause(SettlementStateStore.ONE_PLATFORM);
            }
        } else {
            Map<String, Order> sort = new LinkedHashMap<>();
            sort.put(SettlementStateStore.DUE, Order.ASCENDING);
            sort.put(SettlementStateStore.KEY, Order.ASCENDING);
            params.put("date", date);
            builder.name("settleDueReader").saveState(false)
                    .selectClause(SettlementStateStore.KEY + ", " + SettlementStateStore.DUE).sortKeys(sort)
                    .whereClause(SettlementStateStore.DUE_BY
                            + (onePlatform ? " AND " + SettlementStateStore.ONE_PLATFORM : ""));
        }
        return builder.parameterValues(params).build();
    }

    @Bean
    @StepScope
    public SettleWriter settleWriter(@Value("#{jobParameters['date']}") String date,
                                     @Value("#{stepExecution.jobExecutionId}") Long jobExecutionId,
                                     RuleSetProvider ruleSets, NamedParameterJdbcTemplate jdbc, LedgerWriter ledger,
                                     FaultInjection faults, JobLock jobLock, DataSource dataSource) {
        return SettleWriter.of(LocalDate.parse(date), jobExecutionId, ruleSets.get(), jdbc, ledger, faults, jobLock,
                dataSource);
    }

    /**
     * Writes the run's report file and stores the same rows in {@code run_report} under the file's label, in the
     * step's transaction (a step that runs again replaces its rows). The count of rebate records the settleLines
     * step wrote comes from that step's execution context: the last one of this job instance, so that a restart
     * that only runs the report still reports the records the earlier execution wrote.
     */
    @Bean
    public Step settleReportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                 JdbcTemplate jdbc, RebatchProperties properties, FaultInjection faults) {
        SettleReport report = new SettleReport(jdbc);
        RunReportStore store = new RunReportStore(jdbc);
        return new StepBuilder("settleReport", jobRepository).tasklet((contribution, chunkContext) -> {
            var stepExecution = chunkContext.getStepContext().getStepExecution();
            var params = stepExecution.getJobExecution().getJobParameters();
            LocalDate date = LocalDate.parse(params.getString("date"));
            String platform = params.getString("platform");
            String label = date + (platform == null ? "" : "-" + platform.toLowerCase(java.util.Locale.ROOT))
                    + "-a" + params.getLong("attempt");
            String runLabel = "settle-" + label;
            var metrics = new ArrayList<>(report.compute(stepExecution.getJobExecutionId(), runLabel));
            var lines = jobRepository.getLastStepExecution(stepExecution.getJobExecution().getJobInstance(),
                    "settleLines");
            if (lines != null) {
                metrics.addAll(SettleWriter.recordsWritten(lines.getExecutionContext()));
            }
            var rows = SettleReport.merged(metrics);
            var file = report.write(properties.reportsDir(), date, label, rows);
            store.replace(runLabel, date, rows.stream()
                    .map(m -> new RunReportStore.Metric(m.platform(), m.name(), m.value())).toList());
            faults.beforeWrite("settle-report", 1, 1);
            stepExecution.getExecutionContext().putString("report", file.toString());
            return RepeatStatus.FINISHED;
        }, transactionManager).build();
    }
}
