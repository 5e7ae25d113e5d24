package io.rebatch.writers.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A MySQL/MariaDB named lock ({@code GET_LOCK}) held by a dedicated connection: the server frees it when that
 * connection closes, also when the process holding it dies — which is what proves a lock holder dead at once.
 */
public final class NamedLock {
    private NamedLock() {
    }

    /**
     * Takes the named lock without waiting on a new connection of {@code dataSource}: that connection, to be kept
     * open while the lock is held (closing it releases the lock), or null when another session holds the lock.
     */
    public static Connection tryTake(DataSource dataSource, String name) throws SQLException {
        Connection c = dataSource.getConnection();
        try {
            try (PreparedStatement ps = c.prepareStatement("SELECT GET_LOCK(?, 0)")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getInt(1) == 1) {
                        return c;
                    }
                }
            }
            c.close();
            return null;
        } catch (SQLException | RuntimeException e) {
            try {
                c.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }
}
