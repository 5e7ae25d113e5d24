package io.rebatch.readers.appdata;

/**
 * One record of an app data file (SPEC §2.2): either the parsed value or a rejected record with its exact text and
 * the reason, to be quarantined like a bad report row while the load goes on.
 */
public sealed interface AppDataRow<T> {
    /** The file name. */
    String source();

    /** 1-based physical line the record starts on. */
    long lineNo();

    record Loaded<T>(String source, long lineNo, T value) implements AppDataRow<T> {
    }

    record Rejected<T>(String source, long lineNo, String raw, String reason) implements AppDataRow<T> {
    }
}
