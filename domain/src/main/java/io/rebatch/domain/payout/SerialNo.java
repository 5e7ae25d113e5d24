package io.rebatch.domain.payout;

import io.rebatch.domain.BadInputException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The merchant serial (商户流水号) of one payout line (SPEC §7): {@code W} + the withdrawal id
 * zero-padded to 12 digits ({@code W000000000017}). Withdrawal ids are positive and have at most 12
 * digits; anything else is refused both ways. Ordered by withdrawal id, which is also the text order.
 */
public record SerialNo(long withdrawalId) implements Comparable<SerialNo> {
    public static final long MAX_ID = 999_999_999_999L;
    private static final Pattern FORM = Pattern.compile("W(\\d{12})");

    public SerialNo {
        if (withdrawalId < 1 || withdrawalId > MAX_ID) {
            throw new BadInputException("withdrawal id " + withdrawalId + " is outside 1.." + MAX_ID);
        }
    }

    public static SerialNo of(long withdrawalId) {
        return new SerialNo(withdrawalId);
    }

    /** Parses exactly {@code W} + 12 digits naming a positive id; no white space, nothing more. */
    public static SerialNo parse(String text) {
        if (text == null) {
            throw new BadInputException("serial is missing");
        }
        var m = FORM.matcher(text);
        if (!m.matches()) {
            throw new BadInputException("bad serial '" + text + "' (expected W + 12 digits, e.g. W000000000017)");
        }
        long id = Long.parseLong(m.group(1));
        if (id == 0) {
            throw new BadInputException("bad serial '" + text + "': withdrawal id 0");
        }
        return new SerialNo(id);
    }

    public String format() {
        return String.format(Locale.ROOT, "W%012d", withdrawalId);
    }

    @Override
    public int compareTo(SerialNo other) {
        return Long.compare(withdrawalId, other.withdrawalId);
    }

    @Override
    public String toString() {
        return format();
    }
}
