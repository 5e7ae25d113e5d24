package io.rebatch.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money is a {@code long} count of fen. This class converts platform amounts exactly (SPEC §1):
 * never through binary floating point, more than two decimals, a non-number or a negative amount is bad
 * input. Amounts are bounded by {@link #MAX_FEN} so that every share computation stays exact.
 */
public final class Money {
    /** The largest amount rebatch accepts: 10^12 fen (10 billion yuan). */
    public static final long MAX_FEN = 1_000_000_000_000L;

    private Money() {
    }

    /** A yuan string such as {@code "12.30"} to fen. */
    public static long yuanToFen(String yuan) {
        return yuanToFen(decimal(yuan), yuan);
    }

    /** The number a yuan text holds; missing or not a number is bad input. */
    private static BigDecimal decimal(String yuan) {
        if (yuan == null || yuan.isBlank()) {
            throw new BadInputException("amount is missing");
        }
        try {
            return new BigDecimal(yuan.trim());
        } catch (NumberFormatException e) {
            throw new BadInputException("amount '" + yuan + "' is not a number");
        }
    }

    /** A yuan amount (e.g. a JSON number read as BigDecimal) to fen, exactly. */
    public static long yuanToFen(BigDecimal yuan) {
        return yuanToFen(yuan, yuan == null ? null : yuan.toPlainString());
    }

    private static long yuanToFen(BigDecimal value, String original) {
        if (value == null) {
            throw new BadInputException("amount is missing");
        }
        if (value.signum() < 0) {
            throw new BadInputException("amount '" + original + "' is negative");
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > 2) {
            throw new BadInputException("amount '" + original + "' has more than two decimals");
        }
        return checkedFen(value.movePointRight(2), original);
    }

    /**
     * A yuan amount with up to four decimals rounded half-up to fen: the one place the platforms
     * give sub-fen amounts (Taobao refund API, platforms.md part A).
     */
    public static long yuanToFenHalfUp(String yuan, int maxDecimals) {
        BigDecimal value = decimal(yuan);
        if (value.signum() < 0) {
            throw new BadInputException("amount '" + yuan + "' is negative");
        }
        if (value.stripTrailingZeros().scale() > maxDecimals) {
            throw new BadInputException("amount '" + yuan + "' has more than " + maxDecimals + " decimals");
        }
        return checkedFen(value.movePointRight(2).setScale(0, RoundingMode.HALF_UP), yuan);
    }

    /** An integer fen amount given by a platform (Pinduoduo) checked against the bounds. */
    public static long fen(long fen, String what) {
        if (fen < 0) {
            throw new BadInputException(what + " " + fen + " is negative");
        }
        if (fen > MAX_FEN) {
            throw new BadInputException(what + " " + fen + " exceeds " + MAX_FEN + " fen");
        }
        return fen;
    }

    private static long checkedFen(BigDecimal fen, String original) {
        if (fen.compareTo(BigDecimal.valueOf(MAX_FEN)) > 0) {
            throw new BadInputException("amount '" + original + "' exceeds " + MAX_FEN + " fen");
        }
        return fen.longValueExact();
    }

    /** Fen as a yuan string with two decimals: 1230 → "12.30", -5 → "-0.05". */
    public static String formatYuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
