package io.rebatch.readers.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rebatch.domain.BusinessTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Window splitting, back-off bounds and the rate limiter's spacing. */
class WindowsAndPacingTest {

    static Instant t(String local) {
        return BusinessTime.parseLocal(local);
    }

    @Test
    void splitCoversTheRangeWithContiguousWholeSecondWindows() {
        Instant from = t("2026-11-24 00:00:00").minusMillis(1500);      // 23:59:58.5 the day before
        Instant to = t("2026-11-24 07:00:00").plusMillis(200);
        List<TimeWindow> ws = TimeWindow.split(from, to, Duration.ofHours(3));
        assertThat(ws).extracting(TimeWindow::toString).containsExactly(
                "2026-11-23 23:59:58..2026-11-24 02:59:58",
                "2026-11-24 02:59:58..2026-11-24 05:59:58",
                "2026-11-24 05:59:58..2026-11-24 07:00:01");
        assertThat(TimeWindow.split(to, from, Duration.ofHours(3))).isEmpty();
    }

    @Test
    void windowsTouchingANarrowPeriodAreShortAndEndWhereItStarts() {
        TimeWindow promo = new TimeWindow(t("2026-11-24 10:10:00"), t("2026-11-24 10:50:00"));
        List<TimeWindow> ws = TimeWindow.split(t("2026-11-24 09:00:00"), t("2026-11-24 15:00:00"), Duration.ofHours(3),
                List.of(promo), Duration.ofMinutes(20));
        assertThat(ws).extracting(TimeWindow::toString).containsExactly(
                "2026-11-24 09:00:00..2026-11-24 10:10:00",
                "2026-11-24 10:10:00..2026-11-24 10:30:00",
                "2026-11-24 10:30:00..2026-11-24 10:50:00",
                "2026-11-24 10:50:00..2026-11-24 13:50:00",
                "2026-11-24 13:50:00..2026-11-24 15:00:00");
        assertThat(ws).filteredOn(w -> w.overlaps(promo)).allMatch(w -> w.length().compareTo(Duration.ofMinutes(20)) <= 0);
    }

    @Test
    void halvesSplitAtAWholeSecond() {
        TimeWindow w = new TimeWindow(t("2026-11-24 00:00:00"), t("2026-11-24 00:00:03"));
        TimeWindow[] h = w.halves();
        assertThat(h[0].end()).isEqualTo(t("2026-11-24 00:00:01")).isEqualTo(h[1].start());
        assertThat(new TimeWindow(t("2026-11-24 00:00:00"), t("2026-11-24 00:00:01")).halves()).isNull();
        assertThatThrownBy(() -> new TimeWindow(w.end(), w.start())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void backoffDoublesWithJitterInItsUpperHalfAndStopsAtTheCeiling() {
        RetrySettings r = new RetrySettings(10, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(2));
        assertThat(r.backoff(1, 0.0)).isEqualTo(Duration.ofMillis(250));
        assertThat(r.backoff(1, 0.999)).isBetween(Duration.ofMillis(499), Duration.ofMillis(500));
        assertThat(r.backoff(4, 0.0)).isEqualTo(Duration.ofMillis(2000));
        assertThat(r.backoff(9, 0.5)).isBetween(Duration.ofSeconds(22), Duration.ofSeconds(23));
        assertThat(r.backoff(60, 0.999)).isLessThanOrEqualTo(Duration.ofSeconds(30));
        assertThatThrownBy(() -> new RetrySettings(0, Duration.ZERO, Duration.ZERO, Duration.ZERO)).hasMessageContaining("max-attempts");
    }

    @Test
    void theRateLimiterSpacesRequestsAtTheConfiguredRate() throws Exception {
        FakeTime time = new FakeTime();
        RateLimiter limiter = new RateLimiter(4, time, time);
        for (int i = 0; i < 5; i++) {
            limiter.acquire();
        }
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(250), Duration.ofMillis(250), Duration.ofMillis(250),
                Duration.ofMillis(250));
        time.sleep(Duration.ofSeconds(5));            // idle: the next request goes at once, no burst credit saved up
        limiter.acquire();
        limiter.acquire();
        assertThat(time.sleeps().subList(5, 6)).containsExactly(Duration.ofMillis(250));
        assertThatThrownBy(() -> new RateLimiter(0, time, time)).hasMessageContaining("positive");
    }
}
