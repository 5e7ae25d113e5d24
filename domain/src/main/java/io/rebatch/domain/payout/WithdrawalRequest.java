package io.rebatch.domain.payout;

import io.rebatch.domain.BadInputException;
import io.rebatch.domain.Money;

/**
 * One withdrawal request as the app or support staff make it (SPEC §7): who, how much, to whom, under which
 * idempotency key. It validates what needs no database (positive user id, amount within 1 … {@link Money#MAX_FEN},
 * payee and key well formed) and decides whether a stored withdrawal under the same key is a replay of it
 * ({@link #isReplayOf}). {@link #toString()} masks the payee.
 */
public record WithdrawalRequest(long userId, long amountFen, Payee payee, IdempotencyKey key) {
    public WithdrawalRequest {
        if (userId <= 0) {
            throw new BadInputException("user id " + userId + " must be positive");
        }
        if (amountFen <= 0 || amountFen > Money.MAX_FEN) {
            throw new BadInputException("withdrawal amount " + amountFen + " fen is outside 1.." + Money.MAX_FEN);
        }
        if (payee == null || key == null) {
            throw new BadInputException("withdrawal request without payee or idempotency key");
        }
    }

    public static WithdrawalRequest of(long userId, long amountFen, String account, String name, String key) {
        return new WithdrawalRequest(userId, amountFen, Payee.of(account, name), IdempotencyKey.of(key));
    }

    /**
     * Whether {@code stored} (found under the same user and key) is this request made again. The same key with
     * another amount or payee is not a replay but a client error: answering with the stored withdrawal would
     * hide that the second request was never carried out.
     */
    public boolean isReplayOf(Withdrawal stored) {
        return stored.userId() == userId && stored.key().equals(key) && stored.amountFen() == amountFen
                && stored.payee().equals(payee);
    }

    @Override
    public String toString() {
        return "WithdrawalRequest[user " + userId + ", " + Money.formatYuan(amountFen) + " yuan, " + payee + ", key "
                + key + "]";
    }
}
