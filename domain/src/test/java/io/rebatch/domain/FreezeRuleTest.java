package io.rebatch.domain;

import static io.rebatch.domain.Fixtures.sh;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FreezeRuleTest {
    private static final LocalDate OCT_10 = LocalDate.of(2026, 10, 10);

    @Test
    void paidAndReceivedArePendingWhateverTheDate() {
        assertThat(FreezeRule.bucket(LineStatus.PAID, null, 7, OCT_10.plusYears(1))).isEqualTo(Bucket.PENDING);
        assertThat(FreezeRule.bucket(LineStatus.RECEIVED, null, 7, OCT_10.plusYears(1))).isEqualTo(Bucket.PENDING);
    }

    @Test
    void invalidHasNoBucket() {
        assertThat(FreezeRule.bucket(LineStatus.INVALID, sh("2026-10-10 12:00:00"), 7, OCT_10.plusDays(30))).isNull();
        assertThat(FreezeRule.bucket(LineStatus.INVALID, null, 7, OCT_10)).isNull();
    }

    @Test
    void settledLateEveningIsAvailableExactlyFreezeDaysAfterItsBusinessDate() {
        Instant settledAt = sh("2026-10-10 23:30:00");   // 2026-10-10T15:30:00Z
        assertThat(BusinessTime.dateOf(settledAt)).isEqualTo(OCT_10);
        assertThat(FreezeRule.bucket(LineStatus.SETTLED, settledAt, 7, LocalDate.of(2026, 10, 10))).isEqualTo(Bucket.PENDING);
        assertThat(FreezeRule.bucket(LineStatus.SETTLED, settledAt, 7, LocalDate.of(2026, 10, 16))).isEqualTo(Bucket.PENDING);
        assertThat(FreezeRule.bucket(LineStatus.SETTLED, settledAt, 7, LocalDate.of(2026, 10, 17))).isEqualTo(Bucket.AVAILABLE);
        assertThat(FreezeRule.bucket(LineStatus.SETTLED, settledAt, 7, LocalDate.of(2026, 10, 18))).isEqualTo(Bucket.AVAILABLE);
    }

    @Test
    void settledJustAfterShanghaiMidnightCountsFromTheShanghaiDateNotTheUtcOrJvmDate() {
        // 2026-10-10 00:30 Shanghai is 2026-10-09T16:30Z, and 09:30 on Oct 9 in Los Angeles
        Instant settledAt = sh("2026-10-10 00:30:00");
        assertThat(settledAt).isEqualTo(Instant.parse("2026-10-09T16:30:00Z"));
        assertThat(FreezeRule.bucket(LineStatus.SETTLED, settledAt, 7, LocalDate.of(2026, 10, 16))).isEqualTo(Bucket.PENDING);
        assertThat(FreezeRule.bucket(LineStatus.SETTLED, settledAt, 7, LocalDate.of(2026, 10, 17))).isEqualTo(Bucket.AVAILABLE);
    }

    @Test
    void zeroFreezeDaysIsAvailableOnTheSettlementDate() {
        Instant settledAt = sh("2026-10-10 23:59:59");
        assertThat(FreezeRule.bucket(LineStatus.SETTLED, settledAt, 0, LocalDate.of(2026, 10, 9))).isEqualTo(Bucket.PENDING);
        assertThat(FreezeRule.bucket(LineStatus.SETTLED, settledAt, 0, OCT_10)).isEqualTo(Bucket.AVAILABLE);
    }
}
