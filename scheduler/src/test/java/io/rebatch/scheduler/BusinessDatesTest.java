package io.rebatch.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Which date a firing is for: the latest cron time at or before it, in Asia/Shanghai, whatever the JVM's zone. */
class BusinessDatesTest {
    private static final String NIGHTLY = "0 30 2 * * ?";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static Instant at(String localShanghai) {
        return java.time.LocalDateTime.parse(localShanghai).atZone(SHANGHAI).toInstant();
    }

    @Test
    void anOnTimeNightlySettlesYesterdayInShanghaiNotInTheJvmZone() {
        // 02:30 Shanghai on the 5th is 18:30 UTC on the 4th: a UTC-based "yesterday" would say the 3rd.
        assertThat(BusinessDates.nightlyDate(NIGHTLY, at("2026-12-05T02:30:00"))).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(ZonedDateTime.ofInstant(at("2026-12-05T02:30:00"), ZoneId.of("UTC")).getDayOfMonth()).isEqualTo(4);
    }

    @Test
    void aMisfireCaughtUpLaterIsForTheMissedNightEvenAfterMidnight() {
        assertThat(BusinessDates.nightlyDate(NIGHTLY, at("2026-12-05T09:12:00"))).isEqualTo(LocalDate.of(2026, 12, 4));
        // Down from before 02:30 on the 5th until 00:40 on the 6th: the missed night is still the 4th.
        assertThat(BusinessDates.nightlyDate(NIGHTLY, at("2026-12-06T00:40:00"))).isEqualTo(LocalDate.of(2026, 12, 4));
        // Just before the next night's time the same; at it, the 5th.
        assertThat(BusinessDates.nightlyDate(NIGHTLY, at("2026-12-06T02:29:59"))).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(BusinessDates.nightlyDate(NIGHTLY, at("2026-12-06T02:30:00"))).isEqualTo(LocalDate.of(2026, 12, 5));
    }

    @Test
    void payoutIsForTheDayOfItsCronTimeAndCloseMonthForThePreviousMonth() {
        assertThat(BusinessDates.payoutDate("0 0 10 * * ?", at("2026-12-05T10:00:00"))).isEqualTo(LocalDate.of(2026, 12, 5));
        assertThat(BusinessDates.payoutDate("0 0 10 * * ?", at("2026-12-06T09:59:00"))).isEqualTo(LocalDate.of(2026, 12, 5));
        assertThat(BusinessDates.closeMonth("0 30 3 21 * ?", at("2026-12-21T03:30:00"))).isEqualTo(YearMonth.of(2026, 11));
        assertThat(BusinessDates.closeMonth("0 30 3 21 * ?", at("2027-01-02T08:00:00"))).isEqualTo(YearMonth.of(2026, 11));
        assertThat(BusinessDates.closeMonth("0 30 3 21 * ?", at("2027-01-21T03:30:00"))).isEqualTo(YearMonth.of(2026, 12));
    }

    @Test
    void aBadCronIsAClearError() {
        assertThatThrownBy(() -> BusinessDates.parse("every night")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad cron expression 'every night'");
    }
}
