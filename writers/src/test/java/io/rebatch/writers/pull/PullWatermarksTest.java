package io.rebatch.writers.pull;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.writers.H2Schema;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

class PullWatermarksTest {
    private static final Instant T = Instant.parse("2026-11-25T16:00:00Z");

    private final SingleConnectionDataSource ds = H2Schema.withMigrations("V2__pull_watermark.sql");
    private final PullWatermarks watermarks = new PullWatermarks(new JdbcTemplate(ds));

    @AfterEach
    void close() {
        ds.destroy();
    }

    @Test
    void aFeedNeverPulledHasNoWatermark() {
        watermarks.advance("JD_ORDERS", T);
        assertThat(watermarks.pulledUntil("PDD_ORDERS")).isEmpty();
    }

    @Test
    void theWatermarkOnlyMovesForward() {
        watermarks.advance("JD_ORDERS", T);
        assertThat(watermarks.pulledUntil("JD_ORDERS")).contains(T);

        watermarks.advance("JD_ORDERS", T.plusSeconds(3600));
        assertThat(watermarks.pulledUntil("JD_ORDERS")).contains(T.plusSeconds(3600));

        watermarks.advance("JD_ORDERS", T.minusSeconds(86_400)); // an earlier day pulled again
        assertThat(watermarks.pulledUntil("JD_ORDERS")).contains(T.plusSeconds(3600));
    }
}
