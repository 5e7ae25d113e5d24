package io.rebatch.domain.pdd;

import io.rebatch.domain.BadInputException;
import io.rebatch.domain.LineStatus;

/** Pinduoduo's {@code order_status} (platforms.md part C) as canonical statuses; {@code null} = not yet paid. */
public final class PddStatus {

    private PddStatus() {
    }

    /** -1 not yet paid; 0, 1 PAID; 2, 3 RECEIVED; 5 SETTLED; 4, 8, 10 INVALID; any other code is bad input. */
    public static LineStatus of(int code) {
        return switch (code) {
            case -1 -> null;
            case 0, 1 -> LineStatus.PAID;
            case 2, 3 -> LineStatus.RECEIVED;
            case 5 -> LineStatus.SETTLED;
            case 4, 8, 10 -> LineStatus.INVALID;
            default -> throw new BadInputException("order_status " + code
                    + " is not a known Pinduoduo status (expected -1, 0, 1, 2, 3, 4, 5, 8 or 10)");
        };
    }
}
