package io.rebatch.jobs.importing;

import io.rebatch.writers.quarantine.QuarantineStore;

/**
 * A row judged bad by {@link ImportRowProcessor}: the step skips it and a skip listener quarantines {@link #entry()}.
 * Carries no stack trace: it is a verdict on input, thrown once per bad row.
 */
public class BadRowException extends RuntimeException {
    private final transient QuarantineStore.Entry entry;

    public BadRowException(QuarantineStore.Entry entry) {
        super(entry.reason(), null, false, false);
        this.entry = entry;
    }

    public QuarantineStore.Entry entry() {
        return entry;
    }
}
