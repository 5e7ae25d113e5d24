package io.rebatch.domain.payout;

import io.rebatch.domain.BadInputException;
import java.util.regex.Pattern;

/**
 * The client's idempotency key of a withdrawal request (SPEC §7: the same (user, key) returns the same withdrawal,
 * never a second one): 1–{@value #MAX} characters of letters, digits and {@code - _ . :} (a UUID fits), compared
 * exactly. Anything else is bad input rather than silently normalised, so two different keys never collide.
 */
public record IdempotencyKey(String value) {
    public static final int MAX = 64;
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX + "}");

    public IdempotencyKey {
        if (value == null || value.isEmpty()) {
            throw new BadInputException("idempotency key is missing");
        }
        if (!FORM.matcher(value).matches()) {
            throw new BadInputException("bad idempotency key (1-" + MAX + " letters, digits or - _ . :, e.g. a UUID)");
        }
    }

    public static IdempotencyKey of(String value) {
        return new IdempotencyKey(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
