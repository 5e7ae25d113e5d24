package io.rebatch.writers.settle;

import org.springframework.dao.ConcurrencyFailureException;

/**
 * A chunk computed a line's settlement from a state that another writer has changed since: the database refused
 * the write. The chunk's writes roll back and it is computed again from the committed state.
 */
public class StaleSettlementException extends ConcurrencyFailureException {
    public StaleSettlementException(String message, Throwable cause) {
        super(message, cause);
    }
}
