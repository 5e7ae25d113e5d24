package io.rebatch.domain.payout;

import io.rebatch.domain.BadInputException;

/**
 * Who receives a withdrawal: an Alipay account (a phone number, an e-mail address or another
 * Alipay id) and the account holder's real name. It owns the validation of both (they are written
 * unquoted into the payout file, see {@link CsvSafeText}) and their masking: everywhere but the
 * payout file — logs, REST answers, error messages, {@link #toString()} — only the masked forms
 * may appear.
 *
 * <p>Validation (surrounding white space is stripped first): both non-blank, no control or
 * invisible characters, no {@code ,} or {@code "}, not starting with {@code = + - @}; the account at
 * most {@value #MAX_ACCOUNT} characters with no white space inside, the name at most
 * {@value #MAX_NAME} (room for long minority names with {@code ·}).
 *
 * <p>Masking of the account: an 11-digit mobile number starting with 1 keeps the first 3 and last
 * 4 digits ({@code 13812340000 → 138****0000}); an e-mail keeps the domain and the first and last
 * character of the local part, one {@code *} per hidden character ({@code zhangsan@example.com →
 * z******n@example.com}; a local part of 1 or 2 characters becomes {@code *} or {@code z*}); any
 * other id of 8 or more characters keeps its first 3 and last 4 with a fixed {@code ****} between
 * (so the length is not revealed), a shorter one keeps only its first character plus {@code ****}.
 * Masking of the name, counted in code points (a rare character outside the BMP is one character):
 * the first character plus one {@code *} per further character ({@code 张三 → 张*},
 * {@code 欧阳娜娜 → 欧***}); a single character becomes {@code *}.
 */
public record Payee(String alipayAccount, String realName) {
    public static final int MAX_ACCOUNT = 100;
    public static final int MAX_NAME = 64;

    public Payee {
        alipayAccount = CsvSafeText.check("payee account", alipayAccount, MAX_ACCOUNT);
        realName = CsvSafeText.check("payee name", realName, MAX_NAME);
        if (alipayAccount.codePoints().anyMatch(Character::isWhitespace)
                || alipayAccount.codePoints().anyMatch(Character::isSpaceChar)) {
            throw new BadInputException("payee account must not contain white space");
        }
    }

    public static Payee of(String alipayAccount, String realName) {
        return new Payee(alipayAccount, realName);
    }

    public String maskedAccount() {
        return maskAccount(alipayAccount);
    }

    public String maskedName() {
        return maskName(realName);
    }

    /** The masking of {@link #maskedAccount()} for an account held as a plain string (e.g. read from a result file). */
    public static String maskAccount(String account) {
        if (account == null || account.isEmpty()) {
            return "";
        }
        if (account.length() == 11 && account.charAt(0) == '1' && account.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return account.substring(0, 3) + "****" + account.substring(7);
        }
        int at = account.lastIndexOf('@');
        if (at > 0) {
            String local = account.substring(0, at);
            int n = local.codePointCount(0, local.length());
            String masked;
            if (n == 1) {
                masked = "*";
            } else if (n == 2) {
                masked = firstCodePoint(local) + "*";
            } else {
                masked = firstCodePoint(local) + "*".repeat(n - 2) + new String(Character.toChars(local.codePointBefore(local.length())));
            }
            return masked + account.substring(at);
        }
        int n = account.codePointCount(0, account.length());
        if (n >= 8) {
            int head = account.offsetByCodePoints(0, 3);
            int tail = account.offsetByCodePoints(account.length(), -4);
            return account.substring(0, head) + "****" + account.substring(tail);
        }
        return firstCodePoint(account) + "****";
    }

    /** The masking of {@link #maskedName()} for a name held as a plain string. */
    public static String maskName(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        int n = name.codePointCount(0, name.length());
        if (n == 1) {
            return "*";
        }
        return firstCodePoint(name) + "*".repeat(n - 1);
    }

    private static String firstCodePoint(String s) {
        return new String(Character.toChars(s.codePointAt(0)));
    }

    /** Masked: a payee must never reach a log or a message in clear. */
    @Override
    public String toString() {
        return "Payee[" + maskedAccount() + ", " + maskedName() + "]";
    }
}
