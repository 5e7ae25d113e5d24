package io.rebatch.domain;

/**
 * A value from outside (a report row, a file, a rule set) breaks the contract of SPEC §1/§9.
 * The message is the quarantine reason: short, specific, and naming the offending value.
 */
public class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }
}
