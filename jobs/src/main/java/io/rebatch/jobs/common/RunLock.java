package io.rebatch.jobs.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import io.rebatch.writers.jdbc.Streaming;

/**
 * One rebatch job at a time per database. On MySQL/MariaDB a named lock ({@code GET_LOCK}) held on a dedicated
 * connection: the server releases it when the holding process dies, so after a crash the next run can tell a
 * dead execution left STARTED from one really running. The embedded H2 file database already admits one
 * process only, so there the lock is the file lock itself.
 */
public class RunLock {
    public static final String NAME = "rebatch.jobs";

    private final DataSource dataSource;
    private final boolean mySql;

    public RunLock(DataSource dataSource) {
        this.dataSource = dataSource;
        this.mySql = Streaming.isMySql(dataSource);
    }

    /** A held lock; close releases it. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** Acquires the lock or throws {@link RefusedException} when another process holds it. */
    public Held acquire() {
        if (!mySql) {
            return () -> { };
        }
        try {
            Connection c = dataSource.getConnection();
            try (PreparedStatement ps = c.prepareStatement("SELECT GET_LOCK(?, 0)")) {
                ps.setString(1, NAME);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || rs.getInt(1) != 1) {
                        c.close();
                        throw new RefusedException("another rebatch job is running against this database"
                                + " (lock " + NAME + " is held); wait for it to finish");
                    }
                }
            }
            return () -> {
                try (c; PreparedStatement ps = c.prepareStatement("SELECT RELEASE_LOCK(?)")) {
                    ps.setString(1, NAME);
                    ps.executeQuery().close();
                } catch (SQLException ignored) {
                    // closing the connection releases the lock anyway
                }
            };
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the job lock: " + e.getMessage(), e);
        }
    }
}
