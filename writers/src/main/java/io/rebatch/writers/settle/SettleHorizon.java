package io.rebatch.writers.settle;

import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code settle_horizon}: the latest business date any settle evaluated lines as of, and the digest of the rule sets
 * the last complete visit of every line used. A line's due date only looks forward from the date it was evaluated on
 * and under the rules it was evaluated with, so a settle of an earlier date, or under other rules, visits every line.
 */
public class SettleHorizon {
    /** The stored horizon: {@code rulesDigest} null before the first complete visit of every line. */
    public record State(LocalDate through, String rulesDigest) {
        /** Whether a settle of {@code date} under {@code digest} must visit every line to be exact. */
        public boolean needsAll(LocalDate date, String digest) {
            return date.isBefore(through) || !digest.equals(rulesDigest);
        }
    }

    private final JdbcTemplate jdbc;

    public SettleHorizon(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public State read() {
        return jdbc.queryForObject("SELECT through_date, rules_digest FROM settle_horizon WHERE horizon_id = 1",
                (rs, n) -> new State(rs.getObject(1, LocalDate.class), rs.getString(2)));
    }

    /** Raises the horizon to {@code date} (never lowers it). */
    public void raise(LocalDate date) {
        jdbc.update("UPDATE settle_horizon SET through_date = ? WHERE horizon_id = 1 AND through_date < ?", date, date);
    }

    /** Records that every line has been evaluated under the rules of {@code digest}. */
    public void evaluatedUnder(String digest) {
        jdbc.update("UPDATE settle_horizon SET rules_digest = ? WHERE horizon_id = 1", digest);
    }
}
