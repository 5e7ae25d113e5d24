package io.rebatch.domain.payout;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.domain.Money;
import io.rebatch.domain.payout.PayoutFile.Line;
import io.rebatch.domain.payout.WithdrawalRules.Decision;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The invariants of the payout rules, over generated batches and requests. */
class PayoutPropertiesTest {
    private static final Payee PAYEE = Payee.of("13812340000", "张三");

    @Provide
    Arbitrary<List<Line>> batches() {
        Arbitrary<Long> amount = Arbitraries.oneOf(
                Arbitraries.longs().between(1, 10_000_000),
                Arbitraries.longs().between(1, Money.MAX_FEN / 40));   // 40 lines at most: total ≤ MAX_FEN
        Arbitrary<Set<Long>> ids = Arbitraries.longs().between(1, SerialNo.MAX_ID).set().ofMinSize(1).ofMaxSize(40);
        return ids.flatMap(set -> amount.list().ofSize(set.size()).map(amounts -> {
            List<Line> lines = new ArrayList<>();
            int i = 0;
            for (long id : set) {
                lines.add(Line.of(id, PAYEE, amounts.get(i++)));
            }
            return lines;
        }));
    }

    @Property
    void theBatchLineTotalAndCountEqualTheDetailLines(@ForAll("batches") List<Line> lines) {
        PayoutFile f = new PayoutFile(BatchNo.parse("B20261126001"), LocalDate.of(2026, 11, 26),
                "pay@rebatch.example", "返利科技有限公司", lines);
        List<String> text = f.textLines();
        String[] batch = text.get(1).split(",", -1);
        List<String> details = text.subList(3, text.size());

        BigInteger sum = BigInteger.ZERO;
        long previousId = 0;
        for (String d : details) {
            String[] cols = d.split(",", -1);
            assertThat(cols).hasSize(5);
            long id = SerialNo.parse(cols[0]).withdrawalId();
            assertThat(id).isGreaterThan(previousId);   // serial order, no duplicates
            previousId = id;
            sum = sum.add(BigInteger.valueOf(Money.yuanToFen(cols[3])));
        }
        assertThat(batch).hasSize(6);
        assertThat(BigInteger.valueOf(Money.yuanToFen(batch[4]))).isEqualTo(sum);
        assertThat(Integer.parseInt(batch[5])).isEqualTo(details.size()).isEqualTo(lines.size());
        assertThat(BigInteger.valueOf(f.totalFen()))
                .isEqualTo(lines.stream().map(l -> BigInteger.valueOf(l.amountFen())).reduce(BigInteger.ZERO, BigInteger::add));
        assertThat(f.text()).isEqualTo(String.join("\n", text) + "\n");
    }

    @Property
    void acceptedExactlyWhenEveryLimitHolds(@ForAll @LongRange(min = 1, max = Money.MAX_FEN) long amount,
                                            @ForAll @LongRange(min = -Money.MAX_FEN, max = Money.MAX_FEN) long available,
                                            @ForAll @LongRange(min = 0, max = Money.MAX_FEN) long acceptedToday,
                                            @ForAll @LongRange(min = 0, max = Money.MAX_FEN) long min,
                                            @ForAll @LongRange(min = 0, max = Money.MAX_FEN) long maxPerDay) {
        Decision d = WithdrawalRules.decide(amount, available, acceptedToday, min, maxPerDay);
        boolean allHold = available >= 0 && min <= amount && amount <= available
                && BigInteger.valueOf(acceptedToday).add(BigInteger.valueOf(amount)).compareTo(BigInteger.valueOf(maxPerDay)) <= 0;
        assertThat(d.accepted()).isEqualTo(allHold);
        assertThat(d.message()).doesNotContain("\n");
    }

    @Property
    void serialsRoundTrip(@ForAll @LongRange(min = 1, max = SerialNo.MAX_ID) long id) {
        String s = SerialNo.of(id).format();
        assertThat(s).hasSize(13).startsWith("W");
        assertThat(SerialNo.parse(s).withdrawalId()).isEqualTo(id);
    }

    @Property
    void batchNumbersRoundTrip(@ForAll @IntRange(min = 0, max = 3_000_000) int dayOffset,
                               @ForAll @IntRange(min = 1, max = 999) int sequence) {
        BatchNo b = new BatchNo(LocalDate.of(1000, 1, 1).plusDays(dayOffset), sequence);
        assertThat(b.format()).hasSize(12);
        assertThat(BatchNo.parse(b.format())).isEqualTo(b);
    }
}
