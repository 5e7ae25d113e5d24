package io.rebatch.readers.platform;

import java.time.Duration;

/** What every platform's settings record says besides its own API details. */
public interface PlatformSettings {

    Duration DEFAULT_OVERLAP = Duration.ofMinutes(30);

    /** How far each pull reaches back before the watermark (updates land late); default 30 min. */
    Duration overlap();

    /** Whether the API credentials are set (a platform read only from files has none). */
    boolean credentialsConfigured();

    /** The overlap or its default; a negative one is refused naming {@code property}. */
    static Duration overlap(Duration overlap, String property) {
        if (overlap == null) {
            return DEFAULT_OVERLAP;
        }
        if (overlap.isNegative()) {
            throw new IllegalArgumentException(property + " must not be negative, was " + overlap);
        }
        return overlap;
    }
}
