package io.rebatch.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An affiliate platform rebatch settles, known by its code: the stored and exported value
 * ({@code VARCHAR(8)} in every table). Which platforms exist is not decided here: each one registers its
 * {@link PlatformRules} (see {@link Platforms}), and code that needs "every platform" iterates over those.
 * The three platforms rebatch ships with have constants for their own packages and for tests; core code
 * never switches on them.
 */
public final class Platform implements Comparable<Platform> {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]{1,7}");

    public static final Platform TAOBAO = new Platform("TAOBAO");
    public static final Platform JD = new Platform("JD");
    public static final Platform PDD = new Platform("PDD");

    private final String code;

    /**
     * The platform of a code (2–8 of A–Z, 0–9, starting with a letter), registered or not: how a platform's own
     * package names it and how stored rows are read. Text from people goes through {@link #parse}.
     */
    public Platform(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("invalid platform code '" + code + "' (2-8 of A-Z, 0-9)");
        }
        this.code = code;
    }

    /**
     * Parses {@code taobao}, {@code TAOBAO}, {@code jd}, {@code pdd} … — any registered platform's code in
     * any case; anything else is a clear error naming the registered ones.
     */
    public static Platform parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("platform is missing (expected " + Platforms.expected() + ")");
        }
        String code = text.trim().toUpperCase(Locale.ROOT);
        for (Platform p : Platforms.all()) { // called for every app-data row: no stream, no list built
            if (p.code.equals(code)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown platform '" + text + "' (expected " + Platforms.expected() + ")");
    }

    /** The code, e.g. {@code TAOBAO}. */
    public String code() {
        return code;
    }

    /** The code (the name it is stored and exported under). */
    public String name() {
        return code;
    }

    /** Registration order (see {@link PlatformRules#order()}), then code. */
    @Override
    public int compareTo(Platform other) {
        int c = Integer.compare(Platforms.rank(this), Platforms.rank(other));
        return c != 0 ? c : code.compareTo(other.code);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Platform p && p.code.equals(code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    @Override
    public String toString() {
        return code;
    }
}
