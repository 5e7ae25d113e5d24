package io.rebatch.domain;

import java.time.LocalDate;

/**
 * When a line must be settled again (issue 11: a night's cost follows the night's changes). SPEC §10: "{@code settle
 * --date D} gives the result of evaluating every stored line, whatever its dates, as of the end of D"; which lines it
 * visits is the implementation's business. A line evaluated on D keeps exactly that result for every later date
 * before its <b>due date</b>, as long as nothing it depends on changes:
 * <ul>
 *   <li>its snapshot or refund (import marks the line {@link #NOW} when either changes, and a new line starts so);</li>
 *   <li>the date, through two rules only: an unattributed line is tried again the next day while it is young enough
 *       (SPEC §4, {@link Attribution#shouldTry}; the clicks, bindings and users loaded meanwhile count), and a SETTLED
 *       line's pending money becomes available on {@code date(settled_at) + freeze_days} (SPEC §5, {@link FreezeRule});</li>
 *   <li>a held line (no rule set in force, a rule that rejects it; SPEC §9) is tried again the next day, so that it is
 *       picked up once its cause is fixed in the configuration.</li>
 * </ul>
 * Nothing else in a line's result depends on D: an attribution, once made, is locked with its beneficiaries and level
 * (a later change of an inviter does not matter), and the rule set is the one in force on the line's own rule date.
 * A changed rule set is not an input that marks lines: {@code settle --date D --all} re-evaluates every line. A settle
 * for a date <i>before</i> the latest date settled also visits every line (the due date only looks forward).
 */
public final class SettleDue {
    /** Due at once: a new line, a changed snapshot or refund, or a line never evaluated. */
    public static final LocalDate NOW = LocalDate.of(1000, 1, 1);
    /** Never due again by date alone: only new input (or {@code --all}) makes the line change. */
    public static final LocalDate NEVER = LocalDate.of(9999, 12, 31);

    private SettleDue() {
    }

    /**
     * The first business date after {@code businessDate} on which settling the line again could give another
     * result without new input; always after {@code businessDate}.
     *
     * @param lock    the line's attribution after this evaluation
     * @param outcome what the evaluation decided, or null when the line is held
     */
    public static LocalDate next(OrderLine line, AttributionLock lock, LineSettlement.Outcome outcome,
                                 LocalDate businessDate) {
        LocalDate tomorrow = businessDate.plusDays(1);
        if (outcome == null || lock.dueTry(true, line.createdAt(), tomorrow)) {
            return tomorrow;
        }
        if (line.status() == LineStatus.SETTLED && outcome.bucket() == Bucket.PENDING) {
            return BusinessTime.dateOf(line.settledAt()).plusDays(outcome.rules().freezeDays());
        }
        return NEVER;
    }
}
