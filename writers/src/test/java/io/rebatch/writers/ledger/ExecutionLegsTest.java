package io.rebatch.writers.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.domain.Bucket;
import io.rebatch.writers.OnFullSchema;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The user legs of one execution, summed per user and bucket: the counter legs and other executions never count. */
class ExecutionLegsTest extends OnFullSchema {
    private final LedgerWriter ledger = new LedgerWriter(jdbc,
            Clock.fixed(Instant.parse("2026-11-26T02:30:00Z"), ZoneOffset.UTC));

    private static LedgerWriter.Posting posting(String key, long user, Bucket bucket, long fen) {
        return new LedgerWriter.Posting(key, user, bucket, fen, "PLATFORM:JD", "LINE", "JD", "L1", "BUYER");
    }

    @Test
    void sumsOneExecutionsUserLegsPerUserAndBucket() {
        LocalDate d = LocalDate.of(2026, 11, 25);
        ledger.post(List.of(posting("k1", 7, Bucket.PENDING, 500), posting("k2", 7, Bucket.PENDING, -120),
                posting("k3", 7, Bucket.AVAILABLE, 380), posting("k4", 3, Bucket.PENDING, 40)), d, -1L);
        ledger.post(List.of(posting("k5", 7, Bucket.PENDING, 9999)), d, 42L);

        assertThat(new ExecutionLegs(jdbc).userSums(-1)).containsExactlyInAnyOrder(
                new ExecutionLegs.UserSum(7, "PENDING", 380), new ExecutionLegs.UserSum(7, "AVAILABLE", 380),
                new ExecutionLegs.UserSum(3, "PENDING", 40));
        assertThat(new ExecutionLegs(jdbc).userSums(43)).isEmpty();
    }
}
