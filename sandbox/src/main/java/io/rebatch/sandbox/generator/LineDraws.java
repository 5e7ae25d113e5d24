package io.rebatch.sandbox.generator;

import java.time.Instant;
import java.util.SplittableRandom;

/** Draws, id shapes and integer arithmetic the platforms' simulators share. */
public final class LineDraws {
    public static final long MIN = 60;
    public static final long HOUR = 3_600;
    public static final long DAY = 86_400;

    private LineDraws() {
    }

    /** 1 in 75 % of lines, else 2 or 3. */
    public static int quantity(SplittableRandom r) {
        return r.nextInt(100) < 75 ? 1 : 2 + r.nextInt(2);
    }

    /** t plus a uniform whole number of seconds in [min, max]. */
    public static Instant plus(Instant t, SplittableRandom r, long minSeconds, long maxSeconds) {
        return t.plusSeconds(minSeconds + r.nextLong(maxSeconds - minSeconds + 1));
    }

    public static long halfUpDiv(long numerator, long denominator) {
        return Math.floorDiv(numerator * 2 + denominator, denominator * 2);
    }

    /** A uniform whole percentage in [min, max] of an amount, floored. */
    public static long percentOf(long fen, SplittableRandom r, int minPct, int maxPct) {
        return fen * (minPct + r.nextInt(maxPct - minPct + 1)) / 100;
    }

    /** A 12-digit numeric id (JD sku, PDD goods and most Taobao item ids). */
    public static String twelveDigitId(SplittableRandom r) {
        return Long.toString(100_000_000_000L + r.nextLong(900_000_000_000L));
    }

    /** An 11-digit numeric id (Taobao adzone, JD position). */
    public static String elevenDigitId(SplittableRandom r) {
        return Long.toString(10_000_000_000L + r.nextLong(90_000_000_000L));
    }
}
