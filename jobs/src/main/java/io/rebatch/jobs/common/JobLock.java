package io.rebatch.jobs.common;

import io.rebatch.writers.lock.LockTable;
import io.rebatch.writers.lock.NamedLock;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One rebatch job at a time per database, enforced by the database on every supported one: the row
 * {@code rebatch.jobs} of {@code job_lock}, taken with a conditional update, kept alive by a heartbeat thread,
 * and re-checked (and extended) by every ledger writer inside each chunk's transaction ({@link #checkHeld()}), so
 * a process that lost the lock cannot commit another chunk — its job stops FAILED and can be restarted.
 *
 * <p>A holder that died is normally noticed when its lock expires ({@code rebatch.lock.ttl}). Two cases prove it
 * dead at once, so a crashed run can be resumed without waiting: on MySQL/MariaDB a named lock
 * ({@code GET_LOCK}, named after the schema so two databases on one server never block each other) that every
 * holder also keeps on a dedicated connection, which the server frees when the process dies; and an embedded
 * H2 file database, which only one process can open at all. H2 in server mode (TCP, AUTO_SERVER) relies on the
 * lock row alone.
 *
 * <p>Because the lock proves that no other live process runs a job, {@link JobRunner} may recover executions left
 * STARTED by a dead one. Never a JVM lock: the database decides.
 */
public class JobLock {
    public static final String NAME = "rebatch.jobs";
    private static final Logger log = LoggerFactory.getLogger(JobLock.class);

    /** A held lock; close releases it. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    private final DataSource dataSource;
    private final LockTable table;
    private final Clock clock;
    private final LockProperties properties;
    private volatile Database database;
    private volatile String holder;
    /**
     * This process's own bookkeeping (not the lock: the database row is): one job per process at a time, so that a
     * scheduled pull and the nightly in two Quartz threads of one node cannot both take the row as the same holder.
     */
    private final java.util.concurrent.atomic.AtomicBoolean busy = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile boolean lost;

    public JobLock(DataSource dataSource, JdbcTemplate jdbc, Clock clock, LockProperties properties) {
        this.dataSource = dataSource;
        this.table = new LockTable(jdbc);
        this.clock = clock;
        this.properties = properties;
    }

    /** Takes the lock or throws {@link RefusedException} when another live process holds it. */
    public Held acquire() {
        if (!properties.enabled()) {
            return () -> { };
        }
        if (!busy.compareAndSet(false, true)) {
            throw new LockHeldException("this process is already running a rebatch job (job lock " + NAME + ")");
        }
        try {
            return acquireRow();
        } catch (RuntimeException | Error e) {
            busy.set(false);
            throw e;
        }
    }

    private Held acquireRow() {
        Database db = database();
        Connection namedLock = db.mySql ? takeNamedLock(db.schema) : null;
        boolean provenAlone = namedLock != null || db.exclusiveFile;
        String me = holderId();
        Instant now = clock.instant();
        boolean ok;
        try {
            ok = table.tryAcquire(NAME, me, now, now.plus(properties.ttl()), provenAlone);
        } catch (org.springframework.dao.TransientDataAccessException e) {
            // the lock row is locked by a running chunk of the holder for longer than the lock wait timeout
            closeQuietly(namedLock);
            throw new LockHeldException("another rebatch job is running against this database (lock " + NAME
                    + " is busy); wait for it to finish");
        } catch (RuntimeException e) {
            closeQuietly(namedLock);
            throw e;
        }
        if (!ok) {
            closeQuietly(namedLock);
            var state = table.state(NAME).orElse(null);
            throw new LockHeldException("another rebatch job is running against this database (lock " + NAME
                    + " held by " + (state == null ? "?" : state.holder()) + ", alive until "
                    + (state == null ? "?" : state.expiresAt()) + " UTC); wait for it to finish");
        }
        holder = me;
        lost = false;
        ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rebatch-lock-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, properties.heartbeat().toMillis());
        heartbeat.scheduleWithFixedDelay(() -> beat(me), every, every, TimeUnit.MILLISECONDS);
        log.debug("job lock taken holder={} provenAlone={}", me, provenAlone);
        return () -> {
            heartbeat.shutdownNow();
            holder = null;
            try {
                table.release(NAME, me);
            } finally {
                closeQuietly(namedLock);
                busy.set(false);
            }
        };
    }

    /** Whether this process holds the lock now (so every execution left running in the database is its own). */
    public boolean heldHere() {
        return busy.get();
    }

    /** What the lock needs to know of the database, read once (a connection and its metadata). */
    private Database database() {
        Database db = database;
        if (db == null) {
            db = Database.of(dataSource);
            database = db;
        }
        return db;
    }

    /**
     * Inside a chunk's transaction: proves this process still holds the lock and extends it; the lock row then
     * stays locked until the chunk commits. Throws {@link LockLostException} otherwise, which rolls the chunk back.
     */
    public void checkHeld() {
        if (!properties.enabled()) {
            return;
        }
        String me = holder;
        if (me == null) {
            throw new LockLostException("this process does not hold the job lock " + NAME);
        }
        Instant now = clock.instant();
        if (lost || !table.extend(NAME, me, now, now.plus(properties.ttl()))) {
            lost = true;
            throw new LockLostException("lost the job lock " + NAME + " to another process (heartbeats stopped for"
                    + " longer than " + properties.ttl() + "); the job stops here and can be restarted");
        }
    }

    private void beat(String me) {
        try {
            Instant now = clock.instant();
            if (!table.extend(NAME, me, now, now.plus(properties.ttl()))) {
                lost = true;
                log.warn("job lock lost holder={}", me);
            }
        } catch (RuntimeException e) {
            log.warn("job lock heartbeat failed: {}", e.getMessage());
        }
    }

    /**
     * {@code GET_LOCK} on a dedicated connection that stays open while the lock is held; null when the named lock
     * is held by another session (a live process: refused).
     */
    private Connection takeNamedLock(String schema) {
        String name = namedLock(schema);
        Connection c;
        try {
            c = NamedLock.tryTake(dataSource, name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the job lock: " + e.getMessage(), e);
        }
        if (c != null) {
            return c;
        }
        var state = table.state(NAME).orElse(null);
        throw new LockHeldException("another rebatch job is running against this database (named lock " + name
                + " is held" + (state == null || state.holder() == null ? "" : " by " + state.holder())
                + "); wait for it to finish");
    }

    /** What the lock needs to know of the database. */
    record Database(boolean mySql, boolean exclusiveFile, String schema) {
        static Database of(DataSource ds) {
            try (Connection c = ds.getConnection()) {
                var md = c.getMetaData();
                String product = md.getDatabaseProductName().toLowerCase(Locale.ROOT);
                if (product.contains("mysql") || product.contains("mariadb")) {
                    String schema = c.getCatalog();
                    return new Database(true, false, schema == null ? "" : schema);
                }
                return new Database(false, exclusiveH2(md.getURL()), "");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read database metadata: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Whether only this process can have the H2 database open: an embedded file or in-memory database without
     * AUTO_SERVER (a TCP server or AUTO_SERVER admits other processes).
     */
    static boolean exclusiveH2(String url) {
        if (url == null || !url.startsWith("jdbc:h2:")) {
            return false;
        }
        String u = url.toUpperCase(Locale.ROOT);
        if (u.startsWith("JDBC:H2:TCP:") || u.startsWith("JDBC:H2:SSL:") || u.contains(";AUTO_SERVER=TRUE")) {
            return false;
        }
        return true;
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing the connection frees the named lock anyway
            }
        }
    }

    private static String holderId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "unknown-host";
        }
        String id = host + ":" + ManagementFactory.getRuntimeMXBean().getPid() + ":"
                + UUID.randomUUID().toString().substring(0, 8);
        return id.length() > 190 ? id.substring(id.length() - 190) : id;
    }

    /** The MySQL named lock of a schema: at most 64 characters, the schema hashed when it would not fit. */
    static String namedLock(String schema) {
        String name = NAME + "." + schema;
        if (name.length() <= 64) {
            return name;
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(schema.getBytes(StandardCharsets.UTF_8));
            return NAME + ".h" + HexFormat.of().formatHex(h, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
