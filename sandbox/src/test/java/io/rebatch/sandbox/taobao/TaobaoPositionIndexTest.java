package io.rebatch.sandbox.taobao;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TaobaoPositionIndexTest {
    @Test
    void cursorsRoundTripAndGarbageIsRejected() {
        var first = new TaobaoPositionIndex.Key(1_795_190_400L, 2_284_346_265_955_921_414L, 0);
        var last = new TaobaoPositionIndex.Key(1_795_200_000L, 9_100_000_000_000_000_007L, 3);
        String text = TaobaoPositionIndex.encode(first, last);
        assertThat(text).matches("1795190400_\\w+\\|1795200000_\\w+");
        assertThat(TaobaoPositionIndex.decode(text)).isEqualTo(new TaobaoPositionIndex.Cursor(first, last));
        assertThat(TaobaoPositionIndex.decode("1761000001_a1|1761000001_b1")).isNotNull(); // the sample's shape parses
        assertThat(TaobaoPositionIndex.decode("garbage")).isNull();
    }
}
