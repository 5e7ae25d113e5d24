package io.rebatch.domain.jd;

import io.rebatch.domain.LineStatus;

/** JD's {@code validCode} (platforms.md part B) as canonical statuses; {@code null} = not yet paid (15). */
public final class JdStatus {

    private JdStatus() {
    }

    /**
     * 16, 24 PAID; 17 RECEIVED, or SETTLED once a {@code payMonth} is set; 18 SETTLED; 15 not yet paid; every
     * other code is INVALID (JD's many invalidity reasons).
     */
    public static LineStatus of(int validCode, boolean payMonthSet) {
        return switch (validCode) {
            case 15 -> null;
            case 16, 24 -> LineStatus.PAID;
            case 17 -> payMonthSet ? LineStatus.SETTLED : LineStatus.RECEIVED;
            case 18 -> LineStatus.SETTLED;
            default -> LineStatus.INVALID;
        };
    }
}
