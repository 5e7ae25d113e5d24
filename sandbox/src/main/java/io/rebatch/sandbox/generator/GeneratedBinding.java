package io.rebatch.sandbox.generator;

import io.rebatch.domain.BindingKind;
import io.rebatch.domain.Platform;

/** A row of {@code bindings.csv}. Some name a user id that {@code users.csv} does not contain. */
public record GeneratedBinding(Platform platform, BindingKind kind, String value, long userId) {
}
