package io.rebatch.readers.api;

import java.util.Objects;

/**
 * An app secret (Taobao/JD app secret, PDD client secret). It prints as {@code ******} wherever it goes
 * ({@code toString}, settings records, logs); only {@link Signing} reads the value.
 */
public final class Secret {
    private static final Secret EMPTY = new Secret("");
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** Wraps a secret; null means none. */
    public static Secret of(String value) {
        return value == null || value.isEmpty() ? EMPTY : new Secret(value);
    }

    public static Secret none() {
        return EMPTY;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    /** The value, for {@link Signing} only. */
    String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && java.security.MessageDigest.isEqual(
                value.getBytes(java.nio.charset.StandardCharsets.UTF_8), s.value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return Objects.hash(Secret.class, value.isEmpty());
    }

    @Override
    public String toString() {
        return value.isEmpty() ? "(none)" : "******";
    }
}
