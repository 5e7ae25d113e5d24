package io.rebatch.domain.payout;

import io.rebatch.domain.BadInputException;

/**
 * A withdrawal request reused an idempotency key of the same user for a different request (another amount or
 * payee). Bad input of the client: the stored withdrawal is not returned as if it were this one (the REST layer
 * answers 422, the CLI exits 2). The message names the stored withdrawal's serial only, never payee data.
 */
public class IdempotencyConflictException extends BadInputException {
    public IdempotencyConflictException(String message) {
        super(message);
    }
}
