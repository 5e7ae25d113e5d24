package io.rebatch.readers.report;

import io.rebatch.domain.BadInputException;
import java.util.regex.Pattern;

/**
 * Whether an id's text is really an id (SPEC §9): ids are opaque strings of digits and letters as the platform or
 * the app wrote them, so an id that reads as a number in scientific notation ({@code 8.21039E+17}) or with a
 * fractional part ({@code 821039000000000000.0}, {@code 12.5}) is what a spreadsheet leaves after re-saving the file:
 * the digits are gone and no lookup could ever match it. Such a row is refused, never stored.
 *
 * <p>Shared by the report readers and the app data loaders.
 */
public final class IdText {
    private static final Pattern SCIENTIFIC = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)[eE][+-]?\\d+");
    private static final Pattern FRACTIONAL = Pattern.compile("[+-]?(\\d*\\.\\d+|\\d+\\.)");

    /** The advice for a report file. */
    public static final String FROM_PLATFORM = "export it again from the platform";
    /** The advice for an app data file. */
    public static final String FROM_APP = "export it again from the app";

    private IdText() {
    }

    /**
     * @param id     the id's text, already stripped; null passes
     * @param advice what to do, e.g. {@link #FROM_PLATFORM}
     * @return {@code id} unchanged
     * @throws BadInputException e.g. {@code 淘宝子订单号 '8.21039E+17' is in scientific notation: the file was probably
     *                           re-saved by a spreadsheet; export it again from the platform}
     */
    public static String require(String label, String id, String advice) {
        if (id == null) {
            return null;
        }
        String what = SCIENTIFIC.matcher(id).matches() ? "is in scientific notation"
                : FRACTIONAL.matcher(id).matches() ? "has a fractional part" : null;
        if (what != null) {
            throw new BadInputException(label + " '" + shorten(id) + "' " + what
                    + ": the file was probably re-saved by a spreadsheet; " + advice);
        }
        return id;
    }

    /** A value quoted in a reason stays short: a reason is one line of at most a few hundred characters. */
    public static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
