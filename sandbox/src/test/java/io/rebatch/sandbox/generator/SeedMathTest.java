package io.rebatch.sandbox.generator;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.BitSet;

import static org.assertj.core.api.Assertions.assertThat;

class SeedMathTest {
    @Test
    void permuteIsABijectionSoIdsBuiltFromOrdinalsNeverCollide() {
        int bits = 16;
        BitSet seen = new BitSet(1 << bits);
        for (long x = 0; x < (1 << bits); x++) {
            long y = SeedMath.permute(x, bits, 0xC0FFEE);
            assertThat(y).isBetween(0L, (1L << bits) - 1);
            assertThat(seen.get((int) y)).as("collision at " + x).isFalse();
            seen.set((int) y);
        }
        assertThat(seen.cardinality()).isEqualTo(1 << bits);
    }

    @Test
    void base62RoundTrips() {
        assertThat(SeedMath.parseBase62(SeedMath.base62(6_018_434_382_747_404_331L)))
                .isEqualTo(BigInteger.valueOf(6_018_434_382_747_404_331L));
        assertThat(SeedMath.parseBase62("not base62!")).isNull();
    }
}
