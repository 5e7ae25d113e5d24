package io.rebatch.domain;

/** How a line was attributed to its buyer (SPEC §4). */
public enum AttributionMethod {
    DIRECT, CLICK
}
