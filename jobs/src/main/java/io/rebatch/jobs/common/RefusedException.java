package io.rebatch.jobs.common;

/** The request is refused (CLI exit code 3): e.g. another job holds the lock, or the work is already complete. */
public class RefusedException extends RuntimeException {
    public RefusedException(String message) {
        super(message);
    }
}
