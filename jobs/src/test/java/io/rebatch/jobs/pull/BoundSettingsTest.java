package io.rebatch.jobs.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rebatch.readers.api.TopSignMethod;
import io.rebatch.readers.jd.JdSettings;
import io.rebatch.readers.taobao.TaobaoSettings;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Each platform's settings record is bound straight from the configuration, defaults and limits in the record. */
class BoundSettingsTest {

    private static BoundSettings settings(Map<String, Object> properties) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return new BoundSettings(env);
    }

    @Test
    void operatorValuesBindByPropertyNameAndTheRestTakesTheRecordsDefaults() {
        TaobaoSettings t = settings(Map.of(
                "rebatch.platforms.taobao.endpoint", "http://127.0.0.1:9/router/rest",
                "rebatch.platforms.taobao.app-key", "k1",
                "rebatch.platforms.taobao.app-secret", "s3cret",
                "rebatch.platforms.taobao.sign-method", "hmac-sha256",
                "rebatch.platforms.taobao.window", "2h",
                "rebatch.platforms.taobao.rate-cap", "4.5",
                "rebatch.platforms.taobao.promotion-periods[0]", "2026-11-10T20:00:00+08:00/2026-11-12T00:00:00+08:00",
                "rebatch.platforms.taobao.retry.max-attempts", "3"))
                .bind("rebatch.platforms.taobao", TaobaoSettings.class);
        assertThat(t.endpoint()).isEqualTo(URI.create("http://127.0.0.1:9/router/rest"));
        assertThat(t.appKey()).isEqualTo("k1");
        assertThat(t.appSecret().isEmpty()).isFalse();
        assertThat(t.toString()).doesNotContain("s3cret");
        assertThat(t.signMethod()).isEqualTo(TopSignMethod.HMAC_SHA256);
        assertThat(t.window()).isEqualTo(Duration.ofHours(2));
        assertThat(t.rateCap()).isEqualTo(4.5);
        assertThat(t.promotionPeriods()).singleElement().satisfies(w ->
                assertThat(w.start()).isEqualTo(Instant.parse("2026-11-10T12:00:00Z")));
        assertThat(t.retry().maxAttempts()).isEqualTo(3);
        assertThat(t.retry().maxDelay()).isEqualTo(Duration.ofSeconds(30));
        assertThat(t.pageSize()).isEqualTo(100);
        assertThat(t.overlap()).isEqualTo(Duration.ofMinutes(30));
        assertThat(t.credentialsConfigured()).isTrue();
    }

    @Test
    void aPlatformWithNoSettingsGetsTheDefaultsAndNoCredentials() {
        JdSettings j = settings(Map.of()).bind("rebatch.platforms.jd", JdSettings.class);
        assertThat(j).isEqualTo(JdSettings.defaults());
        assertThat(j.credentialsConfigured()).isFalse();
    }

    @Test
    void aValueBeyondThePlatformsLimitIsOneLineNamingTheProperty() {
        assertThatThrownBy(() -> settings(Map.of("rebatch.platforms.taobao.window", "4h"))
                .bind("rebatch.platforms.taobao", TaobaoSettings.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rebatch.platforms.taobao.window must be between 1 s and PT3H (the platform's limit), was PT4H");
        assertThatThrownBy(() -> settings(Map.of("rebatch.platforms.taobao.promotion-periods", "yesterday"))
                .bind("rebatch.platforms.taobao", TaobaoSettings.class))
                .hasMessageContaining("'yesterday' is not start/end (ISO-8601 with offset)");
    }
}
