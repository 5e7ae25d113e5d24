package io.rebatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/**
 * The test JVMs run with a default time zone other than Asia/Shanghai (the build sets -Duser.timezone), so every
 * test that passes proves the results do not depend on the JVM's zone. This guards that setting.
 */
class TimeZoneGuardTest {
    @Test
    void testsDoNotRunInTheBusinessTimeZone() {
        assertThat(TimeZone.getDefault().getID()).isNotEqualTo("Asia/Shanghai");
        assertThat(ZoneId.systemDefault().getRules().getOffset(java.time.Instant.parse("2026-11-26T00:00:00Z")))
                .isNotEqualTo(ZoneId.of("Asia/Shanghai").getRules().getOffset(java.time.Instant.parse("2026-11-26T00:00:00Z")));
    }
}
