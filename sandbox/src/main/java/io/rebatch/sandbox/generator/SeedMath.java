package io.rebatch.sandbox.generator;

import java.math.BigInteger;
import java.util.SplittableRandom;

/**
 * Deterministic mixing for the generator: every random decision derives from the scenario seed
 * plus a salt and coordinates (day, ordinal, snapshot), so any part of a scenario can be rebuilt
 * on its own, in any order, with the same result.
 */
public final class SeedMath {
    private static final String BASE62 = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private SeedMath() {
    }

    /** SplitMix64 finaliser. */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A hash of several longs, order-sensitive. */
    public static long mix(long... parts) {
        long h = 0x9E3779B97F4A7C15L;
        for (long p : parts) {
            h = mix64(h ^ p) + 0x9E3779B97F4A7C15L;
        }
        return mix64(h);
    }

    /** A uniform number in [0, 1) from the coordinates; used for probabilities only, never money. */
    public static double unit(long... parts) {
        return (mix(parts) >>> 11) * 0x1.0p-53;
    }

    public static SplittableRandom random(long... parts) {
        return new SplittableRandom(mix(parts));
    }

    /**
     * A bijection on [0, 2^bits): distinct inputs give distinct outputs, so ids built from an
     * ordinal never collide, yet look random.
     */
    public static long permute(long x, int bits, long key) {
        long mask = (1L << bits) - 1;
        x &= mask;
        x = (x + (key & mask)) & mask;
        x = (x * 0x9E3779B97F4A7C15L) & mask; // odd multiplier: a bijection mod 2^bits
        x ^= x >>> (bits / 2);
        x = (x * 0xC2B2AE3D27D4EB4FL) & mask;
        x ^= x >>> (bits / 3);
        return x & mask;
    }

    public static String base62(long nonNegative) {
        return base62(BigInteger.valueOf(nonNegative));
    }

    public static String base62(BigInteger value) {
        if (value.signum() == 0) {
            return "0";
        }
        StringBuilder sb = new StringBuilder();
        BigInteger base = BigInteger.valueOf(62);
        BigInteger v = value;
        while (v.signum() > 0) {
            BigInteger[] qr = v.divideAndRemainder(base);
            sb.append(BASE62.charAt(qr[1].intValue()));
            v = qr[0];
        }
        return sb.reverse().toString();
    }

    /** Inverse of {@link #base62(BigInteger)}; {@code null} when the text is not base62. */
    public static BigInteger parseBase62(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        BigInteger v = BigInteger.ZERO;
        BigInteger base = BigInteger.valueOf(62);
        for (int i = 0; i < text.length(); i++) {
            int d = BASE62.indexOf(text.charAt(i));
            if (d < 0) {
                return null;
            }
            v = v.multiply(base).add(BigInteger.valueOf(d));
        }
        return v;
    }

    /** {@code n} lowercase hex digits drawn from r. */
    public static String hex(SplittableRandom r, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(Character.forDigit(r.nextInt(16), 16));
        }
        return sb.toString();
    }

    /** {@code n} characters from [A-Za-z0-9-], like Taobao's encrypted item ids. */
    public static String token(SplittableRandom r, int n) {
        String alphabet = BASE62 + "-";
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
