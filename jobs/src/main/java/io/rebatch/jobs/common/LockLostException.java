package io.rebatch.jobs.common;

/**
 * The job lock was taken over by another process (its heartbeat stopped long enough for the lock to expire, or
 * the database proved it dead). The chunk being written rolls back and the job stops FAILED; running the same
 * command again restarts it once the lock can be had.
 */
public class LockLostException extends RuntimeException {
    public LockLostException(String message) {
        super(message);
    }
}
