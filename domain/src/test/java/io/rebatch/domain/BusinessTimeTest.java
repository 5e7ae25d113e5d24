package io.rebatch.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BusinessTimeTest {

    @Test
    void testsRunOutsideTheBusinessZone() {
        // Surefire sets -Duser.timezone=America/Los_Angeles; without it the zone tests below prove little.
        assertThat(TimeZone.getDefault().getID()).isNotEqualTo("Asia/Shanghai").isNotEqualTo("Asia/Chongqing");
        assertThat(BusinessTime.ZONE.getId()).isEqualTo("Asia/Shanghai");
    }

    @Test
    void parseLocalReadsShanghaiLocalTime() {
        assertThat(BusinessTime.parseLocal("2026-11-25 13:45:12")).isEqualTo(Instant.parse("2026-11-25T05:45:12Z"));
        assertThat(BusinessTime.parseLocal(" 2026-11-25 13:45:12 ")).isEqualTo(Instant.parse("2026-11-25T05:45:12Z"));
        assertThat(BusinessTime.parseLocal("2026-11-01 00:00:00")).isEqualTo(Instant.parse("2026-10-31T16:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30 00:00:00", "2026-11-25T13:45:12", "2026-11-25", "2026/11/25 13:45:12",
            "2026-11-25 24:00:00", "--", ""})
    void parseLocalRejectsAnythingElse(String text) {
        assertThatThrownBy(() -> BusinessTime.parseLocal(text))
                .isInstanceOf(BadInputException.class)
                .hasMessage("bad time '" + text + "' (expected yyyy-MM-dd HH:mm:ss)");
    }

    @Test
    void formatLocalWritesShanghaiLocalTime() {
        assertThat(BusinessTime.formatLocal(Instant.parse("2026-11-25T05:45:12Z"))).isEqualTo("2026-11-25 13:45:12");
        assertThat(BusinessTime.formatLocal(Instant.parse("2026-10-31T16:00:30Z"))).isEqualTo("2026-11-01 00:00:30");
    }

    @Test
    void dateOfIsTheShanghaiCalendarDate() {
        assertThat(BusinessTime.dateOf(Instant.parse("2026-10-31T15:59:59Z"))).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(BusinessTime.dateOf(Instant.parse("2026-10-31T16:00:00Z"))).isEqualTo(LocalDate.of(2026, 11, 1));
        // 2026-11-01 01:30 in Los Angeles (PDT) is 2026-11-01T08:30Z, 16:30 in Shanghai: still Nov 1
        assertThat(BusinessTime.dateOf(Instant.parse("2026-11-01T08:30:00Z"))).isEqualTo(LocalDate.of(2026, 11, 1));
        // 2026-03-08 23:30 PDT is 2026-03-09T06:30Z, which is 14:30 Mar 9 in Shanghai
        assertThat(BusinessTime.dateOf(Instant.parse("2026-03-09T06:30:00Z"))).isEqualTo(LocalDate.of(2026, 3, 9));
    }

    @Test
    void startAndEndOfABusinessDate() {
        LocalDate d = LocalDate.of(2026, 11, 1);
        assertThat(BusinessTime.startOf(d)).isEqualTo(Instant.parse("2026-10-31T16:00:00Z"));
        assertThat(BusinessTime.endOf(d)).isEqualTo(Instant.parse("2026-11-01T16:00:00Z"));
        assertThat(BusinessTime.endOf(d)).isEqualTo(BusinessTime.startOf(d.plusDays(1)));
        // every business day is 24 h: Shanghai has no daylight saving, unlike the JVM zone of the tests
        assertThat(BusinessTime.endOf(LocalDate.of(2026, 3, 8)))
                .isEqualTo(BusinessTime.startOf(LocalDate.of(2026, 3, 8)).plusSeconds(86_400));
    }
}
