package io.rebatch.jobs.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PlausibleDatesTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T04:00:00Z"), ZoneOffset.UTC);
    private final PlausibleDates dates = PlausibleDates.of(LocalDate.of(2015, 1, 1), Duration.ofDays(1), clock);

    @Test
    void theRangeStartsAtTheEarliestDateInShanghaiAndEndsOneDayAfterNow() {
        assertThat(dates.earliest()).isEqualTo(Instant.parse("2014-12-31T16:00:00Z"));
        assertThat(dates.latest()).isEqualTo(Instant.parse("2026-11-26T04:00:00Z"));
    }

    @Test
    void timesInsideTheRangeAndAbsentTimesPass() {
        assertThat(dates.check("paid_at", Instant.parse("2014-12-31T16:00:00Z"))).isNull();
        assertThat(dates.check("paid_at", Instant.parse("2026-11-26T04:00:00Z"))).isNull();
        assertThat(dates.check("paid_at", Instant.parse("2026-10-20T12:00:00Z"))).isNull();
        assertThat(dates.check("settled_at", null)).isNull();
    }

    @Test
    void aTimeBeforeTheEarliestDateIsNamedInShanghaiTime() {
        assertThat(dates.check("paid_at", Instant.ofEpochSecond(86400)))
                .isEqualTo("paid_at 1970-01-02 08:00:00 +08:00 is before the earliest plausible date 2015-01-01"
                        + " (rebatch.input.earliest-date)");
        assertThat(dates.check("paid_at", Instant.parse("2014-12-31T15:59:59Z"))).contains("before");
    }

    @Test
    void aTimeMoreThanMaxAheadAfterNowIsInTheFuture() {
        assertThat(dates.check("modified_at", Instant.parse("2026-11-26T04:00:01Z")))
                .isEqualTo("modified_at 2026-11-26 12:00:01 +08:00 is in the future (later than 2026-11-26 12:00:00"
                        + " +08:00, rebatch.input.max-ahead)");
        assertThat(dates.check("clicked_at", Instant.parse("2027-11-25T04:00:00Z"))).contains("in the future");
    }

    @Test
    void checkAllNamesTheFirstImplausibleTime() {
        assertThat(dates.checkAll("created_at", Instant.parse("2026-10-20T12:00:00Z"), "paid_at",
                Instant.ofEpochSecond(0), "modified_at", Instant.parse("2030-01-01T00:00:00Z"))).startsWith("paid_at");
        assertThat(dates.checkAll("created_at", Instant.parse("2026-10-20T12:00:00Z"), "paid_at", null)).isNull();
    }
}
