package io.rebatch.sandbox.generator;

import io.rebatch.domain.Platform;

import java.time.Instant;
import java.util.SplittableRandom;

/** What a platform simulator may read while it makes a day's lines. */
public final class GenerationContext {
    private final long seed;
    private final long idDigit;
    private final Instant horizonEnd;
    private final Population population;

    GenerationContext(long seed, Instant horizonEnd, Population population) {
        this.seed = seed;
        this.idDigit = Math.floorMod(SeedMath.mix(seed, 0x1D), 7); // first digit of 19/15-digit ids: 1..7
        this.horizonEnd = horizonEnd;
        this.population = population;
    }

    public long seed() {
        return seed;
    }

    /** 0..6: one less than the first digit of the scenario's long order ids. */
    public long idDigit() {
        return idDigit;
    }

    public Instant horizonEnd() {
        return horizonEnd;
    }

    public Population population() {
        return population;
    }

    /** An item of the platform's pool (one draw). */
    public Item item(SplittableRandom r, Platform p) {
        Item[] pool = population.items(p);
        return pool[r.nextInt(pool.length)];
    }

    /** A timeline for a new line, bounded by the scenario horizon and the line's maximum lifetime. */
    public Timeline timeline(GeneratedLine line) {
        return new Timeline(line, horizonEnd);
    }
}
