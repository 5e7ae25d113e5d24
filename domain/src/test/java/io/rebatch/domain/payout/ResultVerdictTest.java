package io.rebatch.domain.payout;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.domain.payout.ResultVerdict.Kind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every way a result row meets its withdrawal (SPEC §7), with the withdrawal written out. */
class ResultVerdictTest {
    private static final Payee PAYEE = Payee.of("13812340000", "张三");

    private static Withdrawal withdrawal(WithdrawalStatus status, String transferNo) {
        return new Withdrawal(17, 5, IdempotencyKey.of("k1"), 1230, PAYEE, status, Instant.parse("2026-11-26T01:00:00Z"),
                status == WithdrawalStatus.REQUESTED ? null : "B20261126001", transferNo, null);
    }

    private static PayoutResult row(String account, String yuan, String status, String transferNo) {
        return PayoutResult.parse(List.of("W000000000017", account, "张三", yuan, status,
                status.equals("失败") ? "收款账户不存在" : "", transferNo, "2026-11-26 11:00:00"));
    }

    @Test
    void successForAnInBatchWithdrawalPays() {
        ResultVerdict v = ResultVerdict.judge(withdrawal(WithdrawalStatus.IN_BATCH, null),
                row("13812340000", "12.30", "成功", "2026112611000001"));
        assertThat(v.kind()).isEqualTo(Kind.PAY);
        assertThat(v.applies()).isTrue();
    }

    @Test
    void failureForAnInBatchWithdrawalFails() {
        ResultVerdict v = ResultVerdict.judge(withdrawal(WithdrawalStatus.IN_BATCH, null),
                row("13812340000", "12.30", "失败", ""));
        assertThat(v.kind()).isEqualTo(Kind.FAIL);
    }

    @Test
    void theSameResultAgainIsUnchanged() {
        assertThat(ResultVerdict.judge(withdrawal(WithdrawalStatus.PAID, "2026112611000001"),
                row("13812340000", "12.30", "SUCCESS", "2026112611000001")).kind()).isEqualTo(Kind.UNCHANGED);
        assertThat(ResultVerdict.judge(withdrawal(WithdrawalStatus.FAILED, null),
                row("13812340000", "12.30", "FAIL", "")).kind()).isEqualTo(Kind.UNCHANGED);
    }

    @Test
    void aSecondDifferentResultIsRefused() {
        ResultVerdict otherTransfer = ResultVerdict.judge(withdrawal(WithdrawalStatus.PAID, "2026112611000001"),
                row("13812340000", "12.30", "成功", "2026112611000002"));
        assertThat(otherTransfer.kind()).isEqualTo(Kind.REFUSE);
        assertThat(otherTransfer.message()).contains("already PAID with transfer 2026112611000001");
        assertThat(ResultVerdict.judge(withdrawal(WithdrawalStatus.PAID, "2026112611000001"),
                row("13812340000", "12.30", "失败", "")).kind()).isEqualTo(Kind.REFUSE);
        ResultVerdict successAfterFailure = ResultVerdict.judge(withdrawal(WithdrawalStatus.FAILED, null),
                row("13812340000", "12.30", "成功", "2026112611000003"));
        assertThat(successAfterFailure.kind()).isEqualTo(Kind.REFUSE);
        assertThat(successAfterFailure.message()).contains("pay it twice");
    }

    @Test
    void aTamperedRowIsRefusedNamingEveryFieldMasked() {
        ResultVerdict v = ResultVerdict.judge(withdrawal(WithdrawalStatus.IN_BATCH, null),
                row("13812349999", "123.00", "成功", "2026112611000001"));
        assertThat(v.kind()).isEqualTo(Kind.REFUSE);
        assertThat(v.message()).isEqualTo("W000000000017 does not match its withdrawal: payee account: expected"
                + " 138****0000, file has 138****9999; amount: expected 12.30 yuan, file has 123.00 yuan");
        assertThat(v.message()).doesNotContain("13812349999").doesNotContain("13812340000");
    }

    @Test
    void aRowForAnUnknownOrUnbatchedWithdrawalIsRefused() {
        assertThat(ResultVerdict.judge(null, row("13812340000", "12.30", "成功", "1")).message())
                .isEqualTo("W000000000017: no such withdrawal");
        assertThat(ResultVerdict.judge(withdrawal(WithdrawalStatus.REQUESTED, null),
                row("13812340000", "12.30", "成功", "1")).kind()).isEqualTo(Kind.REFUSE);
    }
}
