package io.rebatch.readers.appdata;

import io.rebatch.domain.BindingKind;
import io.rebatch.domain.Platform;

/**
 * A tracking binding ({@code bindings.csv}): the tracking value of {@code kind} on {@code platform} belongs to the
 * user. {@code kind} always belongs to {@code platform} (the loader rejects other pairs).
 */
public record BindingRow(Platform platform, BindingKind kind, String value, long userId) {
}
