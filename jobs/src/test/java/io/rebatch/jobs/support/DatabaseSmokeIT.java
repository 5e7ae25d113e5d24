package io.rebatch.jobs.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.support.TaskExecutorJobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * The Flyway migrations (common + vendor folder) apply on every test database, the Spring Batch
 * and Quartz tables exist under the names their libraries query, a second migrate is a no-op,
 * and a Spring Batch JDBC job repository works on the result (incrementers: sequences on H2,
 * BATCH_*_SEQ tables on MySQL/MariaDB).
 */
class DatabaseSmokeIT {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.rebatch.jobs.support.TestDatabases#all")
    void migrationsCreateBatchAndQuartzTablesAndAJobRuns(TestDatabase db) throws Exception {
        DataSource dataSource = db.dataSource();
        Flyway flyway = Flyway.configure().dataSource(dataSource).locations(db.flywayLocations()).load();

        MigrateResult first = flyway.migrate();
        assertThat(first.migrations).extracting(m -> m.version).contains("1.1", "1.2");
        assertThat(flyway.migrate().migrationsExecuted).as("second migrate").isZero();

        try (Connection c = dataSource.getConnection()) {
            for (String table : new String[] {"BATCH_JOB_INSTANCE", "BATCH_JOB_EXECUTION", "BATCH_STEP_EXECUTION_CONTEXT",
                    "QRTZ_TRIGGERS", "QRTZ_JOB_DETAILS", "QRTZ_LOCKS"}) {
                assertThat(count(c, "SELECT COUNT(*) FROM " + table)).as(table).isZero();
            }
        }

        JdbcTransactionManager tx = new JdbcTransactionManager(dataSource);
        JdbcJobRepositoryFactoryBean factory = new JdbcJobRepositoryFactoryBean();
        factory.setDataSource(dataSource);
        factory.setTransactionManager(tx);
        factory.afterPropertiesSet();
        JobRepository repository = factory.getObject();
        Job job = new JobBuilder("smoke", repository)
                .start(new StepBuilder("only", repository).tasklet((contribution, chunk) -> RepeatStatus.FINISHED, tx).build())
                .build();
        MapJobRegistry registry = new MapJobRegistry();
        registry.register(job);
        TaskExecutorJobOperator operator = new TaskExecutorJobOperator();
        operator.setJobRepository(repository);
        operator.setJobRegistry(registry);
        operator.afterPropertiesSet();
        for (String day : new String[] {"2026-01-01", "2026-01-02"}) {
            JobExecution execution = operator.start(job, new JobParametersBuilder().addString("day", day).toJobParameters());
            assertThat(execution.getStatus()).as(day).isEqualTo(BatchStatus.COMPLETED);
        }

        try (Connection c = dataSource.getConnection()) {
            assertThat(count(c, "SELECT COUNT(*) FROM BATCH_JOB_INSTANCE WHERE JOB_NAME = 'smoke'")).isEqualTo(2);
            assertThat(count(c, "SELECT COUNT(DISTINCT JOB_EXECUTION_ID) FROM BATCH_STEP_EXECUTION")).isEqualTo(2);
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
