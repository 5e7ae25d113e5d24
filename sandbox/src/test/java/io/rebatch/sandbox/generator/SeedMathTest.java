package io.rebatch.sandbox.generator;

import io.rebatch.sandbox.format.TaobaoPositionIndex;
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
    void base62AndTaobaoCursorsRoundTrip() {
        assertThat(SeedMath.parseBase62(SeedMath.base62(6_018_434_382_747_404_331L)))
                .isEqualTo(BigInteger.valueOf(6_018_434_382_747_404_331L));
        var first = new TaobaoPositionIndex.Key(1_795_190_400L, 2_284_346_265_955_921_414L, 0);
        var last = new TaobaoPositionIndex.Key(1_795_200_000L, 9_100_000_000_000_000_007L, 3);
        String text = TaobaoPositionIndex.encode(first, last);
        assertThat(text).matches("1795190400_\\w+\\|1795200000_\\w+");
        assertThat(TaobaoPositionIndex.decode(text)).isEqualTo(new TaobaoPositionIndex.Cursor(first, last));
        assertThat(TaobaoPositionIndex.decode("1761000001_a1|1761000001_b1")).isNotNull(); // the sample's shape parses
        assertThat(TaobaoPositionIndex.decode("garbage")).isNull();
    }
}
