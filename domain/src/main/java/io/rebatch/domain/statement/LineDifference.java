package io.rebatch.domain.statement;

import io.rebatch.domain.LineStatus;
import io.rebatch.domain.Platform;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of the lines report: a line (or, for {@link Difference#DETAILS_DIFFER_FROM_TOTAL}, a whole platform, with
 * a null id) and what each side says. A null field is a side that has nothing to say. {@code diffIncomeFen} is
 * statement − rebatch counting a missing side as 0 for the exact kinds, so that a platform's exact rows add up to its
 * difference; it is null for candidates (nothing is known to differ) and, for
 * {@link Difference#DETAILS_DIFFER_FROM_TOTAL}, the sum of the detail rows minus the stated total.
 */
public record LineDifference(Platform platform, String orderLineId, Difference difference, LineStatus rebatchStatus,
                             LocalDate rebatchSettledOn, Long rebatchIncomeFen, Long statementIncomeFen,
                             Long diffIncomeFen) {
    public LineDifference {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(difference, "difference");
    }
}
