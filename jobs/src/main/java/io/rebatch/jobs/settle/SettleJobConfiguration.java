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
import java.util.List;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.infrastructure.item.ExecutionContext;
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
import org.springframework.core.task.SimpleAsyncTaskExecutor;
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
    /** The step that settles the lines (partitioned: the manager step). */
    public static final String MANAGER_STEP = "settleLines";
    /** The worker step of a partition: its executions are {@code settleLine:partitionN}. */
    public static final String WORKER_STEP = "settleLine";

    @Bean
    public Job settleJob(JobRepository jobRepository, Step settleLinesStep, Step settleReportStep, JdbcTemplate jdbc,
                         RuleSetProvider ruleSets) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(new SettleScope(new SettleHorizon(jdbc), ruleSets, jobRepository))
                .start(settleLinesStep).next(settleReportStep).build();
    }

    /**
     * The lines, in {@code rebatch.settle-partitions} partitions ({@link SettlePartitioner}) settled at once, each by
     * its own worker step {@code settleLine:partitionN} with its own chunk transactions; the manager step
     * {@code settleLines} sums their counts, and a restart runs again only the partitions that did not complete.
     * With one partition, {@code settleLines} is the chunk step itself (one thread, {@code line_seq} order).
     */
    @Bean
    public Step settleLinesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                JdbcPagingItemReader<Long> settleReader, SettleWriter settleWriter,
                                RebatchProperties properties) {
        if (properties.settlePartitions() == 1) {
            return chunkStep(MANAGER_STEP, jobRepository, transactionManager, settleReader, settleWriter, properties);
        }
        SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("settle-");
        threads.setConcurrencyLimit(properties.settlePartitions());
        return new StepBuilder(MANAGER_STEP, jobRepository)
                .partitioner(WORKER_STEP, new SettlePartitioner())
                .step(chunkStep(WORKER_STEP, jobRepository, transactionManager, settleReader, settleWriter, properties))
                .gridSize(properties.settlePartitions()).taskExecutor(threads).build();
    }

    private static Step chunkStep(String name, JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                  JdbcPagingItemReader<Long> settleReader, SettleWriter settleWriter,
                                  RebatchProperties properties) {
        // READ COMMITTED: after locking a chunk's lines, the writer must read what other writers committed, not a
        // snapshot taken before (InnoDB's default REPEATABLE READ); it also keeps InnoDB from taking gap locks.
        DefaultTransactionAttribute readCommitted = new DefaultTransactionAttribute();
        readCommitted.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        return new StepBuilder(name, jobRepository).<Long, Long>chunk(properties.chunkSize())
                .reader(settleReader).writer(settleWriter).transactionManager(transactionManager)
                .transactionAttribute(readCommitted).build();
    }

    @Bean
    public ChunkNumbers settleChunkNumbers() {
        return new ChunkNumbers();
    }

    @Bean
    @StepScope
    public JdbcPagingItemReader<Long> settleReader(DataSource dataSource, RebatchProperties properties,
                                                   @Value("#{jobParameters['platform']}") String platform,
                                                   @Value("#{jobParameters['date']}") String date,
                                                   @Value("#{jobExecutionContext['" + SettleScope.KEY + "']}") String visit,
                                                   @Value("#{stepExecutionContext['" + SettlePartitioner.INDEX + "']}")
                                                   Integer partition,
                                                   @Value("#{stepExecutionContext['" + SettlePartitioner.COUNT + "']}")
                                                   Integer partitions)
            throws Exception {
        return lineKeys(dataSource, properties.chunkSize(), platform, LocalDate.parse(date),
                !SettleScope.DUE.equals(visit), partition == null ? 0 : partition, partitions == null ? 1 : partitions);
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
                                               boolean all, int partition, int partitions) throws Exception {
        var builder = new JdbcPagingItemReaderBuilder<Long>().dataSource(dataSource).fromClause(SettlementStateStore.LINES)
                .rowMapper((rs, n) -> rs.getLong(SettlementStateStore.KEY)).pageSize(chunkSize).fetchSize(chunkSize);
        Map<String, Object> params = new HashMap<>();
        List<String> where = new ArrayList<>();
        if (platform != null && !platform.isEmpty()) {
            params.put("platform", platform);
            where.add(SettlementStateStore.ONE_PLATFORM);
        }
        if (partitions > 1) {
            params.put("partition", partition);
            params.put("partitions", partitions);
            where.add(SettlementStateStore.ONE_PARTITION);
        }
        if (all) {
            builder.name("settleReader").selectClause(SettlementStateStore.KEY)
                    .sortKeys(Map.of(SettlementStateStore.KEY, Order.ASCENDING));
        } else {
            Map<String, Order> sort = new LinkedHashMap<>();
            sort.put(SettlementStateStore.DUE, Order.ASCENDING);
            sort.put(SettlementStateStore.KEY, Order.ASCENDING);
            params.put("date", date);
            where.add(0, SettlementStateStore.DUE_BY);
            builder.name("settleDueReader").saveState(false)
                    .selectClause(SettlementStateStore.KEY + ", " + SettlementStateStore.DUE).sortKeys(sort);
        }
        if (!where.isEmpty()) {
            builder.whereClause(String.join(" AND ", where));
        }
        return builder.parameterValues(params).build();
    }

    @Bean
    @StepScope
    public SettleWriter settleWriter(@Value("#{jobParameters['date']}") String date,
                                     @Value("#{stepExecution.jobExecutionId}") Long jobExecutionId,
                                     RuleSetProvider ruleSets, NamedParameterJdbcTemplate jdbc, LedgerWriter ledger,
                                     FaultInjection faults, JobLock jobLock, DataSource dataSource,
                                     ChunkNumbers settleChunkNumbers) {
        return SettleWriter.of(LocalDate.parse(date), jobExecutionId, ruleSets.get(), jdbc, ledger, faults, jobLock,
                dataSource, settleChunkNumbers);
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
            metrics.addAll(SettleWriter.recordsWritten(partitionContexts(jobRepository,
                    stepExecution.getJobExecution().getJobInstance())));
            var rows = SettleReport.merged(metrics);
            var file = report.write(properties.reportsDir(), date, label, rows);
            store.replace(runLabel, date, rows.stream()
                    .map(m -> new RunReportStore.Metric(m.platform(), m.name(), m.value())).toList());
            faults.beforeWrite("settle-report", 1, 1);
            stepExecution.getExecutionContext().putString("report", file.toString());
            return RepeatStatus.FINISHED;
        }, transactionManager).build();
    }

    /**
     * The execution context of each partition's latest execution in this job instance (a restart's or before), or
     * of the single {@code settleLines} chunk step when the settle ran in one partition.
     */
    private static List<ExecutionContext> partitionContexts(JobRepository jobRepository, JobInstance instance) {
        List<ExecutionContext> out = new ArrayList<>();
        for (int i = 0; ; i++) {
            var partition = jobRepository.getLastStepExecution(instance, WORKER_STEP + ":partition" + i);
            if (partition == null) {
                break;
            }
            out.add(partition.getExecutionContext());
        }
        var single = jobRepository.getLastStepExecution(instance, MANAGER_STEP);
        if (out.isEmpty() && single != null) {
            out.add(single.getExecutionContext());
        }
        return out;
    }
}
