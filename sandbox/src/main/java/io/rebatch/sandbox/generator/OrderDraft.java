package io.rebatch.sandbox.generator;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What the lines of one order share, drawn by the generator before the platform's simulator adds
 * its tracking: buyer, intent, creation and payment time, promotion position.
 *
 * @param firstOrdinal the scenario ordinal of the order's first line
 * @param buyer        index of the buyer in the {@link Population}
 * @param path         how the order is meant to reach the buyer (rebatch must find out by itself)
 */
public record OrderDraft(LocalDate day, long firstOrdinal, int buyer, Path path, Instant created, Instant paid,
                         String pid) {

    /** How a line is meant to reach a user: by the buyer's binding, by a click only, or not at all. */
    public enum Path { DIRECT, CLICK, NONE }
}
