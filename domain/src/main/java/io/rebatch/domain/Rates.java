package io.rebatch.domain;

import java.math.BigDecimal;

/**
 * Rates are {@code int} basis points (1 bp = 0.01 %). Platform rates come as percent strings or
 * numbers ({@code "20.00"}, {@code 30.0000}) or per-mille integers ({@code 200}); each is converted
 * exactly or rejected as bad input (a rate that is not a whole number of bp, negative, or above 100 %).
 */
public final class Rates {
    public static final int MAX_BPS = 10_000;

    private Rates() {
    }

    public static int percentToBps(String percent) {
        if (percent == null || percent.isBlank()) {
            throw new BadInputException("rate is missing");
        }
        try {
            return percentToBps(new BigDecimal(percent.trim()), percent);
        } catch (NumberFormatException e) {
            throw new BadInputException("rate '" + percent + "' is not a number");
        }
    }

    public static int percentToBps(BigDecimal percent) {
        if (percent == null) {
            throw new BadInputException("rate is missing");
        }
        return percentToBps(percent, percent.toPlainString());
    }

    private static int percentToBps(BigDecimal percent, String original) {
        BigDecimal bps = percent.movePointRight(2).stripTrailingZeros();
        if (bps.scale() > 0) {
            throw new BadInputException("rate '" + original + "' % is not a whole number of basis points");
        }
        return checked(bps, original + " %");
    }

    public static int perMilleToBps(long perMille) {
        return checked(BigDecimal.valueOf(perMille).multiply(BigDecimal.TEN), perMille + " ‰");
    }

    private static int checked(BigDecimal bps, String original) {
        if (bps.signum() < 0) {
            throw new BadInputException("rate " + original + " is negative");
        }
        if (bps.compareTo(BigDecimal.valueOf(MAX_BPS)) > 0) {
            throw new BadInputException("rate " + original + " exceeds 100 %");
        }
        return bps.intValueExact();
    }
}
