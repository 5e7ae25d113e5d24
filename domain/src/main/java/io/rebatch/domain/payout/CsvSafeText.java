package io.rebatch.domain.payout;

import io.rebatch.domain.BadInputException;
import java.util.Locale;

/**
 * Checks for text that ends up unquoted in a payout file: the file is plain comma-separated text
 * (Alipay's upload does not take quoting), so a comma, a quote or a line break would shift or add
 * columns, and control or invisible format characters (zero-width, bidi overrides) would make the
 * file say something other than what a person reads. A leading {@code = + - @} is refused too, so
 * the file cannot carry a spreadsheet formula when finance opens it. Package-private: the payout
 * types are its only users.
 */
final class CsvSafeText {
    private CsvSafeText() {
    }

    /** {@code value} stripped of surrounding white space, or a {@link BadInputException} naming {@code label}. */
    static String check(String label, String value, int maxChars) {
        if (value == null || value.isBlank()) {
            throw new BadInputException(label + " is missing");
        }
        String v = value.strip();
        if (v.length() > maxChars) {
            throw new BadInputException(label + " is " + v.length() + " characters long; at most " + maxChars + " allowed");
        }
        char first = v.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@') {
            throw new BadInputException(label + " must not start with '" + first + "'");
        }
        for (int i = 0; i < v.length(); ) {
            int cp = v.codePointAt(i);
            if (cp == ',' || cp == '"') {
                throw new BadInputException(label + " must not contain '" + (char) cp + "'");
            }
            int type = Character.getType(cp);
            if (Character.isISOControl(cp) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE || type == Character.SURROGATE) {
                throw new BadInputException(label + " contains the control or invisible character U+"
                        + String.format(Locale.ROOT, "%04X", cp) + " at position " + (i + 1));
            }
            i += Character.charCount(cp);
        }
        return v;
    }
}
