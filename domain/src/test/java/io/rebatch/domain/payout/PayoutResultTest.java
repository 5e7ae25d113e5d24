package io.rebatch.domain.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rebatch.domain.BadInputException;
import io.rebatch.domain.BusinessTime;
import io.rebatch.domain.payout.PayoutResult.Field;
import io.rebatch.domain.payout.PayoutResult.Mismatch;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PayoutResultTest {
    private static final String SUCCESS_ROW =
            "W000000000017,13812340000,张三,12.30,成功,,20261126110070001234567890,2026-11-26 14:03:27";

    @Test
    void successRow() {
        PayoutResult r = PayoutResult.parseLine(SUCCESS_ROW);
        assertThat(r.withdrawalId()).isEqualTo(17);
        assertThat(r.serial()).isEqualTo(SerialNo.of(17));
        assertThat(r.payeeAccount()).isEqualTo("13812340000");
        assertThat(r.payeeName()).isEqualTo("张三");
        assertThat(r.amountFen()).isEqualTo(1230);
        assertThat(r.success()).isTrue();
        assertThat(r.failureReason()).isEmpty();
        assertThat(r.transferNo()).isEqualTo("20261126110070001234567890");
        // 14:03:27 Shanghai = 06:03:27 UTC, whatever the JVM zone (the build runs in America/Los_Angeles)
        assertThat(r.completedAt()).isEqualTo(Instant.parse("2026-11-26T06:03:27Z"));
        assertThat(r.matches(17, "13812340000", 1230)).isEmpty();
        assertThat(r.matches(17, Payee.of("13812340000", "张三"), 1230)).isEmpty();
    }

    @Test
    void englishStatusAndCrlfAndSurroundingBlanks() {
        PayoutResult r = PayoutResult.parseLine(" W000000000017 , 13812340000 ,张三, 12.30 ,SUCCESS,,T1,2026-11-26 14:03:27\r");
        assertThat(r.success()).isTrue();
        assertThat(r.amountFen()).isEqualTo(1230);
        assertThat(r.payeeAccount()).isEqualTo("13812340000");
        assertThat(PayoutResult.parseLine("W000000000018,a@b.cn,李四,1.00,FAIL,账户不存在,,").success()).isFalse();
    }

    @Test
    void failureRowKeepsTheReason() {
        PayoutResult r = PayoutResult.parseLine("W000000000018,zhangsan@example.com,张三,5.00,失败,收款人姓名与账户不符,,2026-11-26 14:05:00");
        assertThat(r.success()).isFalse();
        assertThat(r.failureReason()).isEqualTo("收款人姓名与账户不符");
        assertThat(r.transferNo()).isEmpty();
        assertThat(r.completedAt()).isEqualTo(BusinessTime.parseLocal("2026-11-26 14:05:00"));
        // a failure without reason, transfer number or time is still a failure: the money must go back
        PayoutResult bare = PayoutResult.parse(List.of("W000000000018", "zhangsan@example.com", "", "5.00", "失败", "", "", ""));
        assertThat(bare.success()).isFalse();
        assertThat(bare.failureReason()).isEmpty();
        assertThat(bare.completedAt()).isNull();
    }

    @Test
    void tamperedAmountAndAccountAreMismatches() {
        PayoutResult r = PayoutResult.parseLine("W000000000017,13899990000,张三,123.00,成功,,T1,2026-11-26 14:03:27");
        List<Mismatch> m = r.matches(17, "13812340000", 1230);
        assertThat(m).containsExactly(
                new Mismatch(Field.ACCOUNT, "138****0000", "138****0000"),
                new Mismatch(Field.AMOUNT, "12.30", "123.00"));
        assertThat(m.get(1).describe()).isEqualTo("amount: expected 12.30 yuan, file has 123.00 yuan");
        assertThat(m.get(0).describe()).isEqualTo("payee account: expected 138****0000, file has 138****0000")
                .doesNotContain("13899990000").doesNotContain("13812340000");
    }

    @Test
    void serialOfAnotherWithdrawalIsAMismatch() {
        PayoutResult r = PayoutResult.parseLine(SUCCESS_ROW);
        assertThat(r.matches(18, "13812340000", 1230)).containsExactly(
                new Mismatch(Field.SERIAL, "W000000000018", "W000000000017"));
        assertThat(r.matches(17, "13812340000", 1229)).extracting(Mismatch::field).containsExactly(Field.AMOUNT);
        assertThat(r.matches(17, "13812340001", 1230)).extracting(Mismatch::field).containsExactly(Field.ACCOUNT);
        assertThat(r.matches(17, (String) null, 1230)).extracting(Mismatch::field).containsExactly(Field.ACCOUNT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"处理中", "success", "OK", "", "成 功"})
    void unknownStatusIsBadInput(String status) {
        assertThatThrownBy(() -> PayoutResult.parse(List.of("W000000000017", "13812340000", "张三", "12.30", status, "", "T1",
                "2026-11-26 14:03:27")))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("W000000000017: unknown status");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "W17,13812340000,张三,12.30,成功,,T1,2026-11-26 14:03:27",                    // bad serial
            "W000000000017,,张三,12.30,成功,,T1,2026-11-26 14:03:27",                      // no account
            "W000000000017,13812340000,张三,12.301,成功,,T1,2026-11-26 14:03:27",          // three decimals
            "W000000000017,13812340000,张三,-12.30,成功,,T1,2026-11-26 14:03:27",          // negative
            "W000000000017,13812340000,张三,1E+2,成功,,T1,2026-11-26 14:03:27",            // exponent
            "W000000000017,13812340000,张三,0.00,成功,,T1,2026-11-26 14:03:27",            // zero
            "W000000000017,13812340000,张三,,成功,,T1,2026-11-26 14:03:27",                // no amount
            "W000000000017,13812340000,张三,12.30,成功,,,2026-11-26 14:03:27",             // success without transfer no
            "W000000000017,13812340000,张三,12.30,成功,,T-1,2026-11-26 14:03:27",          // bad transfer no
            "W000000000017,13812340000,张三,12.30,成功,,T1,26/11/2026 14:03:27",           // bad time
            "W000000000017,13812340000,张三,12.30,成功,,T1,2026-11-26",                    // no time of day
            "W000000000017,13812340000,张三,12.30,成功,,T1,2026-02-30 14:03:27",           // no such day
            "W000000000017,13812340000,张三,12.30,成功,,T1",                               // 7 fields
            "W000000000017,13812340000,张三,12.30,成功,,T1,2026-11-26 14:03:27,x",         // 9 fields
            "W000000000017,13812340000,\"张三\",12.30,成功,,T1,2026-11-26 14:03:27",       // quoting
    })
    void malformedRowsAreBadInput(String line) {
        assertThatThrownBy(() -> PayoutResult.parseLine(line)).isInstanceOf(BadInputException.class);
    }

    @Test
    void aSuccessNeedsItsTransferNumberButTheTimeIsInformative() {
        assertThat(PayoutResult.parseLine("W000000000017,13812340000,张三,12.30,成功,,T1,").completedAt()).isNull();
        Instant t = BusinessTime.parseLocal("2026-11-26 14:03:27");
        assertThat(PayoutResult.parseLine("W000000000017,13812340000,张三,12.30,成功,,T1,2026/11/26 14:03:27")
                .completedAt()).isEqualTo(t);
        assertThat(PayoutResult.parseLine("W000000000017,13812340000,张三,12.30,成功,,T1,2026-11-26T14:03:27")
                .completedAt()).isEqualTo(t);
    }

    @Test
    void messagesNameTheSerialAndTheProblem() {
        assertThatThrownBy(() -> PayoutResult.parseLine("W000000000017,13812340000,张三,12.301,成功,,T1,2026-11-26 14:03:27"))
                .hasMessage("W000000000017: bad amount '12.301' (expected yuan with at most two decimals, e.g. 12.30)");
        assertThatThrownBy(() -> PayoutResult.parseLine("W000000000017,13812340000,张三,12.30,成功,,,2026-11-26 14:03:27"))
                .hasMessage("W000000000017: a successful payout without transfer number");
        assertThatThrownBy(() -> PayoutResult.parseLine("a,b"))
                .hasMessageStartingWith("result row has 2 fields; expected 8");
        assertThatThrownBy(() -> PayoutResult.parse(List.of("W000000000017", "13812340000", "张三", "12.30", "失败",
                "x".repeat(256), "", ""))).hasMessage("W000000000017: failure reason is 256 characters long; at most 255 allowed");
    }

    @Test
    void toStringMasksThePayee() {
        assertThat(PayoutResult.parseLine(SUCCESS_ROW).toString())
                .isEqualTo("PayoutResult[W000000000017, 138****0000, 张*, 12.30, SUCCESS, 20261126110070001234567890]");
    }

    @Test
    void aRowOfThePayoutFileComesBackAsAMatchingResult() {
        Payee p = Payee.of("zhangsan@example.com", "张三");
        PayoutFile f = new PayoutFile(BatchNo.parse("B20261126001"), java.time.LocalDate.of(2026, 11, 26),
                "pay@rebatch.example", "返利科技有限公司", List.of(PayoutFile.Line.of(17, p, 1230)));
        String detail = f.textLines().get(3);
        String resultRow = detail.replace(",返利提现", ",成功,,T1,2026-11-26 14:03:27");
        assertThat(PayoutResult.parseLine(resultRow).matches(17, p, 1230)).isEmpty();
    }
}
