package io.rebatch.domain.payout;

import io.rebatch.domain.BadInputException;
import io.rebatch.domain.Money;
import io.rebatch.domain.RuleSet;

/**
 * Decides one withdrawal request (SPEC §7): accepted only when
 * {@code min_withdraw_fen <= amount <= available} and the user's accepted amounts of that business
 * day, this one included, stay within {@code max_withdraw_fen_per_day}. It owns the decision only:
 * moving available → withdrawing, idempotency and races are the caller's (the database's) job.
 *
 * <p>Refusals are checked in this order, and the first that applies is reported:
 * <ol>
 *   <li>{@link Refusal#NEGATIVE_BALANCE}: available &lt; 0 (a clawback after a refund) blocks every
 *       withdrawal whatever the amount, so the user learns the real cause first;</li>
 *   <li>{@link Refusal#BELOW_MINIMUM}: a property of the request alone;</li>
 *   <li>{@link Refusal#INSUFFICIENT_BALANCE}: amount &gt; available (including available = 0) —
 *       checked before the daily cap because waiting for tomorrow would not help;</li>
 *   <li>{@link Refusal#DAILY_LIMIT}: acceptedToday + amount &gt; max per day (exactly at the cap is accepted).</li>
 * </ol>
 *
 * <p>An amount ≤ 0 or above {@link Money#MAX_FEN} is not a request at all and is a
 * {@link BadInputException} (the API answers 422 bad input), not a refusal: with
 * {@code min_withdraw_fen = 0} a zero amount would otherwise be "accepted". Comparisons are written
 * as subtractions of non-negative values, so nothing overflows for amounts up to 10^12 fen.
 */
public final class WithdrawalRules {
    private WithdrawalRules() {
    }

    /** Why a withdrawal was refused; the names are the REST {@code reason} values of SPEC §8. */
    public enum Refusal {
        NEGATIVE_BALANCE,
        BELOW_MINIMUM,
        INSUFFICIENT_BALANCE,
        DAILY_LIMIT
    }

    /**
     * The outcome: {@code refusal} is null when accepted; {@code message} is one line for a human
     * (amounts in yuan, never payee data).
     */
    public record Decision(Refusal refusal, String message) {
        static final Decision ACCEPTED = new Decision(null, "accepted");

        public boolean accepted() {
            return refusal == null;
        }
    }

    /** Decides with the limits of the rule set in force on the request's business day. */
    public static Decision decide(long amountFen, long availableFen, long acceptedTodayFen, RuleSet rules) {
        return decide(amountFen, availableFen, acceptedTodayFen, rules.minWithdrawFen(), rules.maxWithdrawFenPerDay());
    }

    /**
     * @param amountFen            the requested amount, 1 … {@link Money#MAX_FEN}
     * @param availableFen         the user's available balance now; negative after a clawback
     * @param acceptedTodayFen     the sum of the user's accepted requests of the same business day (≥ 0)
     * @param minWithdrawFen       {@code min_withdraw_fen} (≥ 0)
     * @param maxWithdrawFenPerDay {@code max_withdraw_fen_per_day} (≥ 0)
     * @throws BadInputException        amount ≤ 0 or above {@link Money#MAX_FEN}
     * @throws IllegalArgumentException a negative sum of the day or negative limits (a caller bug)
     */
    public static Decision decide(long amountFen, long availableFen, long acceptedTodayFen,
                                  long minWithdrawFen, long maxWithdrawFenPerDay) {
        if (amountFen <= 0) {
            throw new BadInputException("withdrawal amount " + amountFen + " fen must be positive");
        }
        if (amountFen > Money.MAX_FEN) {
            throw new BadInputException("withdrawal amount " + amountFen + " fen exceeds " + Money.MAX_FEN + " fen");
        }
        if (acceptedTodayFen < 0 || minWithdrawFen < 0 || maxWithdrawFenPerDay < 0) {
            throw new IllegalArgumentException("negative sum or limit: acceptedToday=" + acceptedTodayFen
                    + " min=" + minWithdrawFen + " maxPerDay=" + maxWithdrawFenPerDay);
        }
        if (availableFen < 0) {
            return refuse(Refusal.NEGATIVE_BALANCE, "available balance is " + Money.formatYuan(availableFen)
                    + " yuan after a clawback; no withdrawal until it is positive again");
        }
        if (amountFen < minWithdrawFen) {
            return refuse(Refusal.BELOW_MINIMUM, "amount " + Money.formatYuan(amountFen)
                    + " yuan is below the minimum withdrawal of " + Money.formatYuan(minWithdrawFen) + " yuan");
        }
        if (amountFen > availableFen) {
            return refuse(Refusal.INSUFFICIENT_BALANCE, "amount " + Money.formatYuan(amountFen)
                    + " yuan exceeds the available balance of " + Money.formatYuan(availableFen) + " yuan");
        }
        // acceptedToday + amount > max, without the addition: both sides stay within long
        if (acceptedTodayFen > maxWithdrawFenPerDay || amountFen > maxWithdrawFenPerDay - acceptedTodayFen) {
            long left = Math.max(0, maxWithdrawFenPerDay - acceptedTodayFen);
            return refuse(Refusal.DAILY_LIMIT, "amount " + Money.formatYuan(amountFen)
                    + " yuan exceeds what is left of today's limit: " + Money.formatYuan(left) + " of "
                    + Money.formatYuan(maxWithdrawFenPerDay) + " yuan");
        }
        return Decision.ACCEPTED;
    }

    private static Decision refuse(Refusal refusal, String message) {
        return new Decision(refusal, message);
    }
}
