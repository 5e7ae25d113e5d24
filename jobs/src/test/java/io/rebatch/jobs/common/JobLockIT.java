package io.rebatch.jobs.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rebatch.jobs.support.TestDatabase;
import io.rebatch.jobs.support.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.h2.tools.Server;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The job lock is decided by the database: on H2 in server mode (two processes can open it, so only the lock row
 * protects it) a second holder is refused, an expired holder is taken over and then fails its next chunk check,
 * and a released lock is free again; on MariaDB the named lock is scoped to the schema.
 */
class JobLockIT {
    private static final LockProperties PROPS = new LockProperties(true, Duration.ofSeconds(60), Duration.ofHours(1));

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-26T02:30:00Z"));

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    @Test
    void onAnH2ServerOnlyTheLockRowDecides(@TempDir Path dir) throws SQLException {
        Server server = Server.createTcpServer("-tcp", "-tcpPort", "0", "-ifNotExists", "-baseDir", dir.toString()).start();
        try {
            String url = "jdbc:h2:tcp://localhost:" + server.getPort() + "/lock" + TestDatabases.H2_OPTIONS;
            DataSource ds = new DriverManagerDataSource(url);
            createLockTable(ds);
            assertThat(JobLock.exclusiveH2(url)).as("a TCP server admits other processes").isFalse();
            TestClock clockA = new TestClock();
            TestClock clockB = new TestClock();
            JobLock a = new JobLock(ds, new JdbcTemplate(ds), clockA, PROPS);
            JobLock b = new JobLock(ds, new JdbcTemplate(ds), clockB, PROPS);

            JobLock.Held heldA = a.acquire();
            assertThatThrownBy(b::acquire).isInstanceOf(RefusedException.class)
                    .hasMessageContaining("another rebatch job is running");
            a.checkHeld();

            // A stops sending heartbeats; once its lock has expired B takes it, and A's next chunk is refused.
            clockB.now.set(clockA.instant().plusSeconds(61));
            JobLock.Held heldB = b.acquire();
            assertThatThrownBy(a::checkHeld).isInstanceOf(LockLostException.class).hasMessageContaining("lost the job lock");
            b.checkHeld();
            heldA.close(); // releasing a lock that is no longer ours leaves B's alone
            b.checkHeld();
            heldB.close();

            JobLock.Held again = a.acquire();
            a.checkHeld();
            again.close();
        } finally {
            server.stop();
        }
    }

    @Test
    void embeddedFileDatabasesAreExclusiveAndServersAreNot() {
        assertThat(JobLock.exclusiveH2("jdbc:h2:file:/x/rebatch;MODE=MySQL")).isTrue();
        assertThat(JobLock.exclusiveH2("jdbc:h2:mem:t")).isTrue();
        assertThat(JobLock.exclusiveH2("jdbc:h2:file:/x/rebatch;AUTO_SERVER=TRUE")).isFalse();
        assertThat(JobLock.exclusiveH2("jdbc:h2:tcp://db:9092/rebatch")).isFalse();
        assertThat(JobLock.exclusiveH2("jdbc:mysql://db/rebatch")).isFalse();
    }

    @Test
    void theNamedLockIncludesTheSchemaAndFitsMySqlsLimit() {
        assertThat(JobLock.namedLock("rebatch")).isEqualTo("rebatch.jobs.rebatch");
        assertThat(JobLock.namedLock("x".repeat(64))).hasSizeLessThanOrEqualTo(64).startsWith("rebatch.jobs.h")
                .isNotEqualTo(JobLock.namedLock("y".repeat(64)));
    }

    @Test
    void twoRebatchDatabasesOnOneMariaDbServerDoNotBlockEachOther() throws SQLException {
        Assumptions.assumeTrue(TestDatabases.mysqlConfigured(), "MariaDB not configured");
        try (TestDatabase one = TestDatabases.mysql(); TestDatabase two = TestDatabases.mysql()) {
            createLockTable(one.dataSource());
            createLockTable(two.dataSource());
            JobLock a = new JobLock(one.dataSource(), new JdbcTemplate(one.dataSource()), new TestClock(), PROPS);
            JobLock b = new JobLock(two.dataSource(), new JdbcTemplate(two.dataSource()), new TestClock(), PROPS);
            JobLock a2 = new JobLock(one.dataSource(), new JdbcTemplate(one.dataSource()), new TestClock(), PROPS);
            try (JobLock.Held ha = a.acquire(); JobLock.Held hb = b.acquire()) {
                assertThatThrownBy(a2::acquire).as("the same database is still exclusive")
                        .isInstanceOf(RefusedException.class);
            }
            // The named lock proves the holder of a lock row dead once its session is gone: no wait for expiry.
            JobLock.Held h = a2.acquire();
            h.close();
        }
    }

    private static void createLockTable(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE job_lock (lock_name VARCHAR(64) NOT NULL, holder VARCHAR(190) NULL,"
                    + " acquired_at DATETIME(3) NULL, heartbeat_at DATETIME(3) NULL, expires_at DATETIME(3) NULL,"
                    + " PRIMARY KEY (lock_name))");
            s.execute("INSERT INTO job_lock (lock_name) VALUES ('rebatch.jobs')");
        }
    }
}
