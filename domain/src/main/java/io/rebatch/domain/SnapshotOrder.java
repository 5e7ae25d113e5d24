package io.rebatch.domain;

import java.time.Instant;
import java.util.Comparator;

/**
 * Which snapshot of a line wins (SPEC §2.1): the version is ({@code modified_at}, status rank); a
 * lower version never overwrites the stored one, an equal version overwrites (last import wins).
 */
public final class SnapshotOrder {
    private SnapshotOrder() {
    }

    public record Version(Instant modifiedAt, int statusRank) implements Comparable<Version> {
        private static final Comparator<Version> ORDER =
                Comparator.comparing(Version::modifiedAt).thenComparingInt(Version::statusRank);

        @Override
        public int compareTo(Version o) {
            return ORDER.compare(this, o);
        }

        /** A stable text form for entry keys: epoch millis and rank. */
        public String key() {
            return modifiedAt.toEpochMilli() + "." + statusRank;
        }
    }

    /** True when {@code incoming} replaces {@code stored} (stored may be null: nothing stored yet). */
    public static boolean replaces(Version incoming, Version stored) {
        return stored == null || incoming.compareTo(stored) >= 0;
    }

    /** The stored line after an incoming snapshot arrives. */
    public static OrderLine merge(OrderLine stored, OrderLine incoming) {
        return stored == null || replaces(incoming.version(), stored.version()) ? incoming : stored;
    }
}
