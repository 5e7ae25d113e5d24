package io.rebatch.jobs.common;

/**
 * Refused because another job holds the {@link JobLock} (another process, or another thread of this one, e.g. a
 * scheduled pull while the nightly runs). Unlike other refusals it is worth waiting for: the scheduler retries the
 * jobs that must run (nightly, payout, close-month) with back-off and lets a pull wait for its next turn.
 */
public class LockHeldException extends RefusedException {
    public LockHeldException(String message) {
        super(message);
    }
}
