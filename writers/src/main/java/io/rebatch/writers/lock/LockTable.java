package io.rebatch.writers.lock;

import io.rebatch.writers.jdbc.SqlTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code job_lock} table: named locks taken, extended and released with conditional updates, so that the
 * database decides who holds a lock, whatever the number of processes or machines. A holder is a free-form id
 * (host, pid, nonce); {@code expires_at} is extended by the holder's heartbeat and by every chunk it commits.
 * Run outside a transaction, each statement commits on its own; run inside a chunk's transaction, {@link #extend}
 * also keeps the lock row locked until that chunk commits, which serialises the chunk commits of all writers.
 */
public class LockTable {
    /** What the table says about a lock. */
    public record State(String holder, Instant heartbeatAt, Instant expiresAt) {
    }

    private final JdbcTemplate jdbc;

    public LockTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the lock if it is free, expired, already ours, or if {@code takeOver} (the caller has proved that no
     * other holder is alive). Returns whether it is now ours.
     */
    public boolean tryAcquire(String name, String holder, Instant now, Instant expiresAt, boolean takeOver) {
        var nowUtc = SqlTime.utc(now);
        int n = jdbc.update("UPDATE job_lock SET holder = ?, acquired_at = ?, heartbeat_at = ?, expires_at = ?"
                + " WHERE lock_name = ? AND (holder IS NULL OR holder = ? OR expires_at < ? OR 1 = ?)",
                holder, nowUtc, nowUtc, SqlTime.utc(expiresAt), name, holder, nowUtc, takeOver ? 1 : 0);
        if (n == 0 && jdbc.queryForObject("SELECT COUNT(*) FROM job_lock WHERE lock_name = ?", Long.class, name) == 0) {
            throw new IllegalStateException("the lock row '" + name + "' is missing from job_lock (migration V4)");
        }
        return n == 1;
    }

    /** Extends the lock while it is ours; false when another holder has taken it (the lock is lost). */
    public boolean extend(String name, String holder, Instant now, Instant expiresAt) {
        return jdbc.update("UPDATE job_lock SET heartbeat_at = ?, expires_at = ? WHERE lock_name = ? AND holder = ?",
                SqlTime.utc(now), SqlTime.utc(expiresAt), name, holder) == 1;
    }

    /** Releases the lock if it is still ours. */
    public void release(String name, String holder) {
        jdbc.update("UPDATE job_lock SET holder = NULL, expires_at = NULL WHERE lock_name = ? AND holder = ?",
                name, holder);
    }

    public Optional<State> state(String name) {
        List<State> rows = jdbc.query("SELECT holder, heartbeat_at, expires_at FROM job_lock WHERE lock_name = ?",
                (rs, i) -> new State(rs.getString("holder"), SqlTime.instant(rs, "heartbeat_at"),
                        SqlTime.instant(rs, "expires_at")), name);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }
}
