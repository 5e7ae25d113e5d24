package io.rebatch.jobs.importing;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.jobs.common.RebatchProperties;
import io.rebatch.jobs.support.TestDatabase;
import io.rebatch.jobs.support.TestDatabases;
import io.rebatch.writers.appdata.AppDataStore;
import io.rebatch.writers.orders.OrderLineStore;
import io.rebatch.writers.orders.RefundStore;
import io.rebatch.writers.quarantine.QuarantineStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.batch.core.configuration.annotation.EnableJdbcJobRepository;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.JobRepositoryTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * The {@code import} job on small users files (H2 with the project's migrations): bad rows and an inviter cycle are
 * quarantined and the rest stored, counts adding up; a file over the bad-row share is refused with nothing stored
 * and its reasons in quarantine; a load that fails mid-file resumes after its last committed chunk.
 */
@SpringBatchTest
@SpringJUnitConfig(ImportJobTest.Config.class)
class ImportJobTest {
    private static final String USERS_HEADER = "user_id,level,inviter_id,registered_at";

    @Autowired
    JobOperatorTestUtils jobs;
    @Autowired
    JobRepositoryTestUtils repository;
    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @AfterEach
    void clean() {
        FailingUsers.failOnCall.set(0);
        repository.removeJobExecutions();
        jdbc.update("DELETE FROM quarantine");
        jdbc.update("DELETE FROM import_run");
        jdbc.update("DELETE FROM app_user");
    }

    @Test
    void badRowsAndAnInviterCycleAreQuarantinedAndTheRestStored() throws Exception {
        List<String> rows = goodUsers(100, 30);
        rows.add("x101,NORMAL,,2026-01-01T00:00:00+08:00");       // not an id
        rows.add("201,NORMAL,202,2026-01-01T00:00:00+08:00");      // 201 and 202 invite each other
        rows.add("202,VIP,201,2026-01-01T00:00:00+08:00");
        Path file = users(rows);

        JobExecution run = jobs.startJob(ImportJobConfiguration.keys("USERS", file, "a".repeat(64)));

        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(summary(run)).hasToString("read 33, stored 30, quarantined 3, skipped 0");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user", Long.class)).isEqualTo(30);
        assertThat(jdbc.queryForList("SELECT row_no FROM quarantine WHERE import_key = ? ORDER BY row_no", Long.class,
                "USERS:" + "a".repeat(64))).containsExactly(31L, 32L, 33L);
        assertThat(jdbc.queryForObject("SELECT reason FROM quarantine WHERE row_no = 32", String.class))
                .contains("cycle");
        assertThat(jdbc.queryForObject("SELECT rows_read * 100 + quarantined FROM import_run", Long.class))
                .isEqualTo(3303);
    }

    @Test
    void aFileOverTheBadShareIsRefusedWithNothingStoredAndItsReasonsInQuarantine() throws Exception {
        List<String> rows = goodUsers(100, 8);
        rows.add("101,NORMAL,,2026-01-01T00:00:00+08:00");
        rows.add("102,NORMAL,,1999-01-01T00:00:00+08:00");          // before rebatch.input.earliest-date
        Path file = users(rows.subList(6, 10));                    // 3 good, 1 bad: 25 %

        JobExecution run = jobs.startJob(ImportJobConfiguration.keys("USERS", file, "b".repeat(64)));

        assertThat(run.getStatus()).isEqualTo(BatchStatus.FAILED);
        StepExecution scan = stepOf(run, "scan").orElseThrow();
        assertThat(scan.getExitStatus().getExitCode()).isEqualTo(ImportJobConfiguration.REFUSED);
        assertThat(scan.getExecutionContext().getString(ImportJobConfiguration.REFUSAL_KEY)).isEqualTo(
                "users.csv: 1 of 4 rows are bad (25.0 %, more than the 10 % rebatch.import-max-bad-share allows;"
                        + " read 4, quarantined 1, skipped 0; first reason, line 5: registered_at 1999-01-01"
                        + " 00:00:00 +08:00 is before the earliest plausible date 2015-01-01"
                        + " (rebatch.input.earliest-date)): not a users file (user_id,level,inviter_id,registered_at)?;"
                        + " nothing of the file was imported (reasons in quarantine, import_key=USERS:" + "b".repeat(64)
                        + ")");
        assertThat(run.getStepExecutions()).extracting(StepExecution::getStepName).containsExactly("scan");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM quarantine", Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM import_run", Long.class)).isZero();
    }

    @Test
    void aLoadThatFailsMidFileResumesAfterItsLastChunkWithTheSameCounts() throws Exception {
        List<String> rows = goodUsers(100, 25);
        rows.add(3, "x,NORMAL,,2026-01-01T00:00:00+08:00");        // row 4 quarantined by the scan
        Path file = users(rows);
        FailingUsers.failOnCall.set(2);                             // the second chunk's upsert fails

        JobExecution failed = jobs.startJob(ImportJobConfiguration.keys("USERS", file, "c".repeat(64)));
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user", Long.class)).isEqualTo(9);

        JobExecution resumed = jobs.getJobOperator().restart(failed);

        assertThat(resumed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(resumed.getStepExecutions()).extracting(StepExecution::getStepName).containsExactly("load", "record");
        assertThat(summary(resumed)).hasToString("read 26, stored 25, quarantined 1, skipped 0");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user", Long.class)).isEqualTo(25);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM quarantine", Long.class)).isEqualTo(1);
    }

    /** Users stored as usual, except that the n-th upsert (counted from when it is set) fails once. */
    static final class FailingUsers extends AppDataStore {
        static final AtomicInteger failOnCall = new AtomicInteger();

        FailingUsers(JdbcTemplate jdbc) {
            super(jdbc);
        }

        @Override
        public void upsertUsers(List<User> users) {
            if (failOnCall.get() > 0 && failOnCall.decrementAndGet() == 0) {
                throw new IllegalStateException("database gone in the middle of the load");
            }
            super.upsertUsers(users);
        }
    }

    private static List<String> goodUsers(long firstId, int n) {
        List<String> rows = new ArrayList<>();
        for (long id = firstId; id < firstId + n; id++) {
            rows.add(id + ",NORMAL,," + "2026-01-01T00:00:00+08:00");
        }
        return rows;
    }

    private Path users(List<String> rows) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(USERS_HEADER);
        lines.addAll(rows);
        return Files.write(dir.resolve("users.csv"), lines);
    }

    /** (Not a method returning a StepExecution: the step-scope test listener would call that.) */
    private static Optional<StepExecution> stepOf(JobExecution run, String name) {
        return run.getStepExecutions().stream().filter(s -> s.getStepName().equals(name)).findFirst();
    }

    private static ImportSummary summary(JobExecution run) {
        return ImportSummary.from(stepOf(run, "record").orElseThrow().getExecutionContext());
    }

    /** Not a {@code @Configuration}: the app's component scan must not pick it up (see {@code JobTestBeans}). */
    @EnableBatchProcessing
    @EnableJdbcJobRepository
    @Import(ImportJobConfiguration.class)
    static class Config {
        private static final TestDatabase DB = TestDatabases.h2();

        @Bean
        DataSource dataSource() {
            DataSource ds = DB.dataSource();
            Flyway.configure().dataSource(ds).locations(DB.flywayLocations()).load().migrate();
            return ds;
        }

        @Bean
        JdbcTransactionManager transactionManager(DataSource dataSource) {
            return new JdbcTransactionManager(dataSource);
        }

        @Bean
        JdbcTemplate jdbcTemplate(DataSource dataSource) {
            return new JdbcTemplate(dataSource);
        }

        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-11-25T08:00:00Z"), ZoneOffset.UTC);
        }

        @Bean
        RebatchProperties rebatchProperties() {
            return new RebatchProperties(Path.of("config"), Path.of("reports"), 1000, 10, 10,
                    new RebatchProperties.Input(LocalDate.parse("2015-01-01"), Duration.ofDays(1)), 1);
        }

        @Bean
        QuarantineStore quarantineStore(JdbcTemplate jdbc, Clock clock) {
            return new QuarantineStore(jdbc, clock);
        }

        @Bean
        ImportKinds importKinds(DataSource dataSource, JdbcTemplate jdbc) {
            NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(dataSource);
            return new ImportKinds(new OrderLineStore(named), new RefundStore(named),
                    new AppDataKinds(new FailingUsers(jdbc)));
        }
    }
}
