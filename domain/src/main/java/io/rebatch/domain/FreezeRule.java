package io.rebatch.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Which bucket a beneficiary's money sits in on business date D (SPEC §5): PAID, RECEIVED, or
 * SETTLED with {@code D < date(settled_at) + freeze_days} → PENDING; SETTLED after the freeze →
 * AVAILABLE; INVALID → nothing (null), which claws back whatever was posted.
 */
public final class FreezeRule {
    private FreezeRule() {
    }

    public static Bucket bucket(LineStatus status, Instant settledAt, int freezeDays, LocalDate businessDate) {
        return switch (status) {
            case PAID, RECEIVED -> Bucket.PENDING;
            case SETTLED -> businessDate.isBefore(BusinessTime.dateOf(settledAt).plusDays(freezeDays))
                    ? Bucket.PENDING : Bucket.AVAILABLE;
            case INVALID -> null;
        };
    }
}
