package io.rebatch.writers.pull;

import io.rebatch.writers.jdbc.SqlTime;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code pull_watermark} table: how far each platform feed has been pulled completely (the end of its last
 * committed window). A watermark only moves forward: an older window pulled again (an overlap, a rerun of an
 * earlier day) leaves it where it is.
 */
public class PullWatermarks {
    private final JdbcTemplate jdbc;

    public PullWatermarks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Moves the feed's watermark to {@code until} unless it is already later. Runs in the caller's transaction. */
    public void advance(String feed, Instant until) {
        jdbc.update("INSERT INTO pull_watermark (feed, pulled_until) VALUES (?, ?) ON DUPLICATE KEY UPDATE"
                + " pulled_until = CASE WHEN pulled_until < VALUES(pulled_until) THEN VALUES(pulled_until)"
                + " ELSE pulled_until END", feed, SqlTime.utc(until));
    }

    /** The end of the feed's last committed window, empty for a feed never pulled. */
    public Optional<Instant> pulledUntil(String feed) {
        return jdbc.query("SELECT pulled_until FROM pull_watermark WHERE feed = ?",
                (rs, n) -> SqlTime.instant(rs, "pulled_until"), feed).stream().findFirst();
    }
}
