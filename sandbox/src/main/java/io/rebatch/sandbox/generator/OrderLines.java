package io.rebatch.sandbox.generator;

import java.util.SplittableRandom;

/** Makes the lines of one order, in order; a platform simulator's answer to {@code startOrder}. */
@FunctionalInterface
public interface OrderLines {
    /**
     * The order's line number {@code k} (0 first) with its whole snapshot timeline, not yet sealed.
     *
     * @param ordinal the line's position in the scenario
     */
    GeneratedLine line(SplittableRandom r, int k, long ordinal);
}
