package io.rebatch.jobs.support;

import io.rebatch.jobs.common.FaultInjection;
import io.rebatch.jobs.common.JobLock;
import io.rebatch.jobs.common.LockProperties;
import io.rebatch.jobs.common.RebatchProperties;
import io.rebatch.jobs.common.RuleSetProvider;
import io.rebatch.writers.ledger.LedgerWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The shared beans a single job needs in a {@code @SpringBatchTest} (Boot's auto-configuration gives the data
 * source, Flyway and Spring Batch): a fixed clock, the ledger writer, the rule sets of {@code config/rules}, the job
 * lock. Use with the properties below: an in-memory H2 of its own, migrated by the project's Flyway scripts.
 * Deliberately not a {@code @Configuration}: the job tests {@code @Import} it, and the app's component scan (which
 * covers {@code io.rebatch.jobs} and sees this module's test classes in the app's tests) must not pick it up.
 */
@EnableConfigurationProperties({RebatchProperties.class, LockProperties.class})
public class JobTestBeans {
    /** The properties of a job test: {@code URL + "<name>" + DATABASE} is an in-memory H2 of its own. */
    public static final String URL = "spring.datasource.url=jdbc:h2:mem:";
    public static final String DATABASE = TestDatabases.H2_OPTIONS + ";DB_CLOSE_DELAY=-1";
    public static final String FLYWAY = "spring.flyway.locations=filesystem:../sql/common,filesystem:../sql/{vendor}";
    public static final String NO_JOB_AT_START = "spring.batch.job.enabled=false";
    public static final String NO_SCHEMA_INIT = "spring.batch.jdbc.initialize-schema=never";
    public static final String RULES = "rebatch.config-dir=../config";

    @Bean
    Clock clock() {
        return Clock.fixed(Instant.parse("2026-12-01T02:00:00Z"), ZoneOffset.UTC);
    }

    @Bean
    NamedParameterJdbcTemplate namedParameterJdbcTemplate(JdbcTemplate jdbc) {
        return new NamedParameterJdbcTemplate(jdbc);
    }

    @Bean
    LedgerWriter ledgerWriter(JdbcTemplate jdbc, Clock clock) {
        return new LedgerWriter(jdbc, clock);
    }

    @Bean
    RuleSetProvider ruleSetProvider(RebatchProperties properties) {
        return new RuleSetProvider(properties);
    }

    @Bean
    JobLock jobLock(DataSource dataSource, JdbcTemplate jdbc, Clock clock, LockProperties properties) {
        return new JobLock(dataSource, jdbc, clock, properties);
    }

    @Bean
    FaultInjection faultInjection(Environment env) {
        return new FaultInjection(env);
    }
}
