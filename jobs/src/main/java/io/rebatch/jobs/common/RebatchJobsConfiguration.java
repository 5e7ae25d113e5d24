package io.rebatch.jobs.common;

import io.rebatch.jobs.payout.PayoutProperties;
import io.rebatch.jobs.payout.Payouts;
import io.rebatch.jobs.payout.Withdrawals;
import io.rebatch.writers.ledger.LedgerMoves;
import io.rebatch.writers.payout.PayoutBatchStore;
import io.rebatch.writers.payout.WithdrawalStore;
import org.springframework.transaction.PlatformTransactionManager;

import io.rebatch.jobs.importing.AppDataKinds;
import io.rebatch.jobs.pull.Feeds;
import io.rebatch.jobs.importing.ImportKinds;
import io.rebatch.writers.appdata.AppDataStore;
import io.rebatch.writers.csv.Exports;
import io.rebatch.writers.jdbc.Streaming;
import io.rebatch.writers.ledger.LedgerWriter;
import io.rebatch.writers.orders.OrderLineStore;
import io.rebatch.writers.orders.RefundStore;
import io.rebatch.writers.quarantine.QuarantineStore;
import java.time.Clock;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import io.rebatch.jobs.settle.SettleDryRun;
import io.rebatch.writers.rerun.RerunLog;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The shared building blocks of every job: the clock, the stores and writers, the rule sets. */
@Configuration
@EnableConfigurationProperties({RebatchProperties.class, LockProperties.class, PayoutProperties.class})
public class RebatchJobsConfiguration {
    /**
     * The system clock (UTC). For tests and rehearsals only, {@code rebatch.testing.start-clock-at} (an ISO-8601
     * instant) makes this process's clock start at that instant and tick from there, so a scenario's withdrawals
     * and payout cut-offs fall on the dates it names; never set it in production.
     */
    @Bean
    public Clock clock(Environment env) {
        String start = env.getProperty("rebatch.testing.start-clock-at");
        if (start == null || start.isBlank()) {
            return Clock.systemUTC();
        }
        Clock system = Clock.systemUTC();
        return Clock.offset(system, java.time.Duration.between(system.instant(), java.time.Instant.parse(start.strip())));
    }

    @Bean
    public NamedParameterJdbcTemplate namedParameterJdbcTemplate(JdbcTemplate jdbc) {
        return new NamedParameterJdbcTemplate(jdbc);
    }

    @Bean
    public OrderLineStore orderLineStore(NamedParameterJdbcTemplate jdbc) {
        return new OrderLineStore(jdbc);
    }

    @Bean
    public RefundStore refundStore(NamedParameterJdbcTemplate jdbc) {
        return new RefundStore(jdbc);
    }

    @Bean
    public AppDataStore appDataStore(JdbcTemplate jdbc) {
        return new AppDataStore(jdbc);
    }

    @Bean
    public QuarantineStore quarantineStore(JdbcTemplate jdbc, Clock clock) {
        return new QuarantineStore(jdbc, clock);
    }

    @Bean
    public LedgerWriter ledgerWriter(JdbcTemplate jdbc, Clock clock) {
        return new LedgerWriter(jdbc, clock);
    }

    @Bean
    public Exports exports(DataSource dataSource) {
        return new Exports(Streaming.template(dataSource));
    }

    @Bean
    public RuleSetProvider ruleSetProvider(RebatchProperties properties) {
        return new RuleSetProvider(properties);
    }

    @Bean
    public AppDataKinds appDataKinds(AppDataStore store) {
        return new AppDataKinds(store);
    }

    @Bean
    public ImportKinds importKinds(OrderLineStore orders, RefundStore refunds, AppDataKinds appData) {
        return new ImportKinds(orders, refunds, appData);
    }

    @Bean
    public JobLock jobLock(DataSource dataSource, JdbcTemplate jdbc, Clock clock, LockProperties properties) {
        return new JobLock(dataSource, jdbc, clock, properties);
    }

    @Bean
    public JobRunner jobRunner(JobOperator jobOperator, JobRepository jobRepository, JobLock jobLock) {
        return new JobRunner(jobOperator, jobRepository, jobLock);
    }

    @Bean
    public Operations operations(JobRunner runner, Job importJob, Job settleJob, Job closeMonthJob, Exports exports,
                                 RuleSetProvider ruleSets, Job pullJob, Feeds feeds, JdbcTemplate jdbc, Clock clock,
                                 List<Job> allJobs) {
        return new Operations(runner, importJob, settleJob, closeMonthJob, exports, ruleSets, pullJob, feeds, jdbc,
                clock, allJobs);
    }

    @Bean
    public GracefulStop gracefulStop(JobRepository jobRepository, JobLock jobLock, Environment env) {
        return new GracefulStop(jobRepository, jobLock,
                env.getProperty("rebatch.shutdown.stop-wait", java.time.Duration.class, java.time.Duration.ofSeconds(60)));
    }

    @Bean
    public SettleDryRun settleDryRun(DataSource dataSource, PlatformTransactionManager transactionManager,
                                     NamedParameterJdbcTemplate jdbc, RuleSetProvider ruleSets, LedgerWriter ledger,
                                     FaultInjection faults, JobLock jobLock, RebatchProperties properties) {
        return new SettleDryRun(dataSource, transactionManager, jdbc, ruleSets, ledger, faults, jobLock, properties);
    }

    @Bean
    public Reruns reruns(Operations operations, SettleDryRun dryRun, JdbcTemplate jdbc, Clock clock) {
        return new Reruns(operations, dryRun, new RerunLog(jdbc), clock);
    }

    @Bean
    public LedgerMoves ledgerMoves(JdbcTemplate jdbc, Clock clock) {
        return new LedgerMoves(jdbc, clock);
    }

    @Bean
    public WithdrawalStore withdrawalStore(JdbcTemplate jdbc) {
        return new WithdrawalStore(jdbc);
    }

    @Bean
    public PayoutBatchStore payoutBatchStore(JdbcTemplate jdbc) {
        return new PayoutBatchStore(jdbc);
    }

    @Bean
    public Withdrawals withdrawals(WithdrawalStore store, LedgerMoves moves, RuleSetProvider ruleSets, Clock clock,
                                   PlatformTransactionManager transactionManager) {
        return new Withdrawals(store, moves, ruleSets, clock, transactionManager);
    }

    @Bean
    public Payouts payouts(JobRunner runner, Job payoutJob, Job payoutResultJob, Withdrawals withdrawals,
                           PayoutBatchStore batches, QuarantineStore quarantine, Exports exports,
                           PayoutProperties properties) {
        return new Payouts(runner, payoutJob, payoutResultJob, withdrawals, batches, quarantine, exports, properties);
    }

    @Bean
    public FaultInjection faultInjection(Environment env) {
        return new FaultInjection(env);
    }
}
