package io.rebatch.sandbox.server;

import io.rebatch.domain.BusinessTime;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A big-promotion period (618, 双11, 年货节) during which Taobao accepts query windows of at most
 * 20 minutes instead of 3 hours. {@code [from, to)}.
 */
public record PromotionPeriod(Instant from, Instant to) {
    public PromotionPeriod {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("promotion period " + from + ".." + to + " is empty");
        }
    }

    /** The business days first..last inclusive (Asia/Shanghai). */
    public static PromotionPeriod days(LocalDate first, LocalDate last) {
        return new PromotionPeriod(BusinessTime.startOf(first), BusinessTime.endOf(last));
    }

    public boolean overlaps(Instant a, Instant b) {
        return a.isBefore(to) && b.isAfter(from);
    }
}
