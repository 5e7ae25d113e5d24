package io.rebatch.domain;

/**
 * The longest text each stored field may hold: the {@code VARCHAR} sizes of {@code sql/common/V1__rebatch_core.sql},
 * in one place so that readers can refuse an over-long value as a bad row (SPEC §9) before the database would refuse
 * the whole chunk. Keep in step with the migration when a column changes.
 *
 * <p>Lengths are counted in Java {@code char}s (UTF-16 units). That is never less than what MySQL/MariaDB
 * ({@code utf8mb4}: code points) and H2 count, so a value that passes here fits everywhere.
 */
public final class FieldLimits {
    // order_line
    public static final int ORDER_LINE_ID = 64;
    public static final int PARENT_ORDER_ID = 64;
    public static final int ITEM_ID = 128;
    /** Titles are not refused but cut to this length (README: "Item titles longer than 255 characters are truncated"). */
    public static final int ITEM_TITLE = 255;
    public static final int PID = 64;
    public static final int RELATION_ID = 64;
    public static final int SPECIAL_ID = 64;
    public static final int SUB_UNION_ID = 128;
    public static final int CUSTOM_UID = 128;
    /** File name (or API page) plus line; cut, never refused (see {@link #source}). */
    public static final int SOURCE = 255;

    // refund_snapshot
    public static final int REFUND_ORDER_LINE_ID = 64;

    // tracking_binding
    public static final int BINDING_VALUE = 128;
    public static final int BINDING_KIND = 32;
    public static final int PLATFORM = 8;

    // click
    public static final int CLICK_ITEM_ID = 128;
    public static final int CLICK_PID = 64;

    private FieldLimits() {
    }

    /**
     * Refuses {@code value} when it is longer than {@code limit}.
     *
     * @return {@code value} unchanged (null stays null)
     * @throws BadInputException {@code "<label> is N characters long; at most M allowed"}
     */
    public static String check(String label, String value, int limit) {
        if (value != null && value.length() > limit) {
            throw new BadInputException(label + " is " + value.length() + " characters long; at most " + limit + " allowed");
        }
        return value;
    }

    /** {@code text} cut to at most {@code limit} chars, never splitting a surrogate pair; null stays null. */
    public static String cut(String text, int limit) {
        if (text == null || text.length() <= limit) {
            return text;
        }
        int end = limit;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    /**
     * A row's source {@code <name>:<lineNo>} that always fits {@link #SOURCE}: an over-long name (a file name may
     * be 255 bytes, an API page's description longer) is cut and marked with {@code …}; the line number is kept.
     */
    public static String source(String name, long lineNo) {
        String suffix = ":" + lineNo;
        String n = name == null ? "" : name;
        if (n.length() + suffix.length() <= SOURCE) {
            return n + suffix;
        }
        return cut(n, SOURCE - suffix.length() - 1) + "…" + suffix;
    }
}
