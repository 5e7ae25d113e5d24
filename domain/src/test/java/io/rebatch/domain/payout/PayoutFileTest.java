package io.rebatch.domain.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rebatch.domain.BadInputException;
import io.rebatch.domain.payout.PayoutFile.Line;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayoutFileTest {
    private static final BatchNo BATCH = BatchNo.parse("B20261126001");
    private static final LocalDate D = LocalDate.of(2026, 11, 26);

    private static PayoutFile file(List<Line> lines) {
        return new PayoutFile(BATCH, D, "pay@rebatch.example", "返利科技有限公司", lines);
    }

    @Test
    void smallBatchByteExactInSerialOrder() {
        // given out of order: the file lists them by serial
        PayoutFile f = file(List.of(
                Line.of(42, Payee.of("zhangsan@example.com", "张三"), 100),
                Line.of(17, Payee.of("13812340000", "欧阳娜娜"), 1230),
                Line.of(23, Payee.of("2088123456789012", "李"), 1_221_926)));
        // total 12.30 + 12219.26 + 1.00 = 12232.56
        assertThat(f.text()).isEqualTo("""
                批次号,付款日期,付款人账号,付款人名称,总金额（元）,总笔数
                B20261126001,20261126,pay@rebatch.example,返利科技有限公司,12232.56,3
                商户流水号,收款人账号,收款人姓名,付款金额（元）,付款理由
                W000000000017,13812340000,欧阳娜娜,12.30,返利提现
                W000000000023,2088123456789012,李,12219.26,返利提现
                W000000000042,zhangsan@example.com,张三,1.00,返利提现
                """);
        assertThat(f.totalFen()).isEqualTo(1_223_256);
        assertThat(f.count()).isEqualTo(3);
        assertThat(f.fileName()).isEqualTo("payout-B20261126001.csv");
        assertThat(f.text()).doesNotContain("\r").endsWith("返利提现\n");
    }

    @Test
    void oneFenLine() {
        PayoutFile f = file(List.of(Line.of(1, Payee.of("13812340000", "张三"), 1)));
        assertThat(f.textLines()).containsExactly(
                PayoutFile.SUMMARY_HEADER,
                "B20261126001,20261126,pay@rebatch.example,返利科技有限公司,0.01,1",
                PayoutFile.DETAIL_HEADER,
                "W000000000001,13812340000,张三,0.01,返利提现");
    }

    @Test
    void toStringShowsNoPayee() {
        PayoutFile f = file(List.of(Line.of(17, Payee.of("13812340000", "张三"), 1230)));
        assertThat(f.toString()).isEqualTo("PayoutFile[B20261126001, 20261126, 1 lines, 12.30 yuan]");
        assertThat(f.lines().get(0).toString()).doesNotContain("13812340000").doesNotContain("张三");
    }

    @Test
    void emptyBatchIsRefused() {
        assertThatThrownBy(() -> file(List.of())).isInstanceOf(BadInputException.class)
                .hasMessage("batch B20261126001 has no withdrawals; an empty payout file is never written");
        assertThatThrownBy(() -> file(null)).isInstanceOf(BadInputException.class);
    }

    @Test
    void duplicateSerialIsRefused() {
        Payee p = Payee.of("13812340000", "张三");
        assertThatThrownBy(() -> file(List.of(Line.of(17, p, 100), Line.of(17, p, 200))))
                .isInstanceOf(BadInputException.class).hasMessage("batch B20261126001: serial W000000000017 appears twice");
    }

    @Test
    void amountOutsideOneFenToMaxIsRefused() {
        Payee p = Payee.of("13812340000", "张三");
        assertThatThrownBy(() -> Line.of(17, p, 0)).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> Line.of(17, p, -5)).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> Line.of(17, p, 1_000_000_000_001L)).isInstanceOf(BadInputException.class);
        assertThat(Line.of(17, p, 1_000_000_000_000L).amountFen()).isEqualTo(1_000_000_000_000L);
    }

    @Test
    void totalAboveTheMoneyBoundIsRefused() {
        Payee p = Payee.of("13812340000", "张三");
        PayoutFile atBound = file(List.of(Line.of(1, p, 999_999_999_999L), Line.of(2, p, 1)));
        assertThat(atBound.textLines().get(1)).endsWith(",10000000000.00,2");
        assertThatThrownBy(() -> file(List.of(Line.of(1, p, 999_999_999_999L), Line.of(2, p, 2))))
                .isInstanceOf(BadInputException.class)
                .hasMessage("batch B20261126001: total exceeds 1000000000000 fen; split the withdrawals over several batches");
        // the largest possible lines, many of them: refused, never wrapped around
        List<Line> huge = new java.util.ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            huge.add(Line.of(i, p, 1_000_000_000_000L));
        }
        assertThatThrownBy(() -> file(huge)).isInstanceOf(BadInputException.class);
    }

    @Test
    void payerMustBeCsvSafeToo() {
        Line l = Line.of(17, Payee.of("13812340000", "张三"), 100);
        assertThatThrownBy(() -> new PayoutFile(BATCH, D, "pay,x@rebatch.example", "返利", List.of(l)))
                .isInstanceOf(BadInputException.class).hasMessage("payer account must not contain ','");
        assertThatThrownBy(() -> new PayoutFile(BATCH, D, "pay@rebatch.example", "返利\n科技", List.of(l)))
                .isInstanceOf(BadInputException.class);
    }

    @Test
    void linesAreImmutable() {
        PayoutFile f = file(List.of(Line.of(17, Payee.of("13812340000", "张三"), 100)));
        assertThatThrownBy(() -> f.lines().add(Line.of(18, Payee.of("13812340000", "张三"), 100)))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
