package io.rebatch.domain.taobao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rebatch.domain.BadInputException;
import io.rebatch.domain.LineStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaobaoStatusTest {

    @ParameterizedTest
    @CsvSource({"12, PAID", "14, RECEIVED", "3, SETTLED", "13, INVALID"})
    void apiCodes(int code, LineStatus status) {
        assertThat(TaobaoStatus.ofCode(code, "tk_status")).isEqualTo(status);
    }

    @ParameterizedTest
    @CsvSource({"已付款, PAID", "订单付款, PAID", "已收货, RECEIVED", "订单成功, RECEIVED", "已结算, SETTLED",
            "订单结算, SETTLED", "已失效, INVALID", "订单失效, INVALID"})
    void exportTexts(String text, LineStatus status) {
        assertThat(TaobaoStatus.ofExportText(text, "订单状态")).isEqualTo(status);
    }

    @Test
    void notYetPaidIsNoStatusAndAnythingElseIsBadInput() {
        assertThat(TaobaoStatus.ofCode(11, "tk_status")).isNull();
        assertThat(TaobaoStatus.ofExportText("拍下未付款", "订单状态")).isNull();
        assertThatThrownBy(() -> TaobaoStatus.ofCode(15, "tk_status")).isInstanceOf(BadInputException.class)
                .hasMessage("tk_status 15 is not a known Taobao status (expected 12, 14, 3, 13 or 11)");
        assertThatThrownBy(() -> TaobaoStatus.ofExportText("已发货", "订单状态")).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("订单状态 '已发货' is not a known Taobao status");
    }
}
