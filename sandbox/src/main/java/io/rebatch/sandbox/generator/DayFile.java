package io.rebatch.sandbox.generator;

/**
 * A file a simulator wrote for a day and the {@code steps.txt} line that imports it.
 *
 * @param name file name under {@code in/}
 */
public record DayFile(String name, String step) {
}
