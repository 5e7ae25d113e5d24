package io.rebatch.sandbox.generator;

import io.rebatch.domain.BindingKind;

import java.util.SplittableRandom;

/**
 * One kind of tracking binding a platform's lines carry, as the generator hands them out: which
 * share of users gets one, what its values look like, and whether some values are bound to users
 * the app's export leaves out ("ghosts").
 *
 * @param sharePercent percent of users drawn to get a value of this kind
 * @param ghosted      true when {@code max(1, users / 40)} extra values are bound to unloaded users
 */
public record TrackingKind(BindingKind kind, int sharePercent, Shape shape, boolean ghosted) {

    /** How a value of the kind is drawn. */
    @FunctionalInterface
    public interface Shape {
        String draw(SplittableRandom r);
    }

    /** A ten-digit number (Taobao relation and special ids). */
    public static Shape tenDigits() {
        return r -> Long.toString(1_000_000_000L + r.nextLong(8_999_999_999L));
    }

    /** A prefix and lowercase hex digits (JD sub-union ids {@code rb…}, PDD custom uids). */
    public static Shape hex(String prefix, int digits) {
        return r -> prefix + SeedMath.hex(r, digits);
    }
}
