package io.rebatch.jobs.importing;

/** A row of an imported file or pulled window with its 1-based number there (the quarantine's {@code row_no}). */
public record ImportRow<T>(long rowNo, T row) {
}
