package io.rebatch.domain.payout;

import io.rebatch.domain.BadInputException;
import io.rebatch.domain.BusinessTime;
import io.rebatch.domain.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One row of Alipay's result file (SPEC §7):
 * {@code 商户流水号,收款人账号,收款人姓名,付款金额（元）,状态,失败原因,支付宝流水号,完成时间}. It owns the
 * parsing of a row and the check that it belongs to the withdrawal it names ({@link #matches});
 * applying it (paid / back to available, idempotency) is the import job's.
 *
 * <p>Parsing (each field stripped of surrounding white space): the serial as {@link SerialNo#parse};
 * the account non-blank; the name may be empty; the amount plain digits with at most two decimals
 * (no sign, exponent or thousands separator), at least 0.01; the status exactly {@code 成功}/{@code SUCCESS} or {@code 失败}/{@code FAIL}
 * (case-sensitive); a success needs a transfer number (letters/digits, at most 64) — the proof of
 * payment —; the completion time is informative and may be empty; a failure keeps its reason (empty
 * when Alipay gave none, at most 255 characters) and may lack the transfer number and time — refusing
 * such a row would leave the money stuck in withdrawing. The time is {@code yyyy-MM-dd HH:mm:ss}
 * Asia/Shanghai ({@code /} between the date's parts or a {@code T} before the time are accepted too).
 * Missing text is {@code ""} and a missing time is null.
 *
 * <p>{@link #toString()} masks the payee: rows end up in error reports and logs.
 */
public record PayoutResult(SerialNo serial, String payeeAccount, String payeeName, long amountFen, boolean success,
                           String failureReason, String transferNo, Instant completedAt) {
    public static final String HEADER = "商户流水号,收款人账号,收款人姓名,付款金额（元）,状态,失败原因,支付宝流水号,完成时间";
    public static final int FIELDS = 8;
    public static final int MAX_REASON = 255;
    public static final int MAX_TRANSFER_NO = 64;
    private static final Pattern YUAN = Pattern.compile("[0-9]{1,13}(\\.[0-9]{1,2})?");
    private static final Pattern TRANSFER_NO = Pattern.compile("[0-9A-Za-z]{1," + MAX_TRANSFER_NO + "}");

    /** A field of the row that disagrees with the withdrawal it names. */
    public enum Field {
        SERIAL,
        ACCOUNT,
        AMOUNT
    }

    /**
     * One disagreement; the account values are masked, so a mismatch can go into a report or a log.
     */
    public record Mismatch(Field field, String expected, String actual) {
        public String describe() {
            return switch (field) {
                case SERIAL -> "serial: expected " + expected + ", file has " + actual;
                case ACCOUNT -> "payee account: expected " + expected + ", file has " + actual;
                case AMOUNT -> "amount: expected " + expected + " yuan, file has " + actual + " yuan";
            };
        }
    }

    /** The row as a value; {@link #parse} is the way in from a file. */
    public PayoutResult {
        if (serial == null || payeeAccount == null || payeeName == null || failureReason == null || transferNo == null) {
            throw new BadInputException("result row with a missing field (use \"\" for empty text)");
        }
    }

    public long withdrawalId() {
        return serial.withdrawalId();
    }

    /** Parses a row already split into its fields (the reader's CSV parser handles quoting). */
    public static PayoutResult parse(List<String> fields) {
        if (fields == null || fields.size() != FIELDS) {
            throw new BadInputException("result row has " + (fields == null ? 0 : fields.size()) + " fields; expected "
                    + FIELDS + " (" + HEADER + ")");
        }
        SerialNo serial = SerialNo.parse(text(fields.get(0)));
        String account = text(fields.get(1));
        if (account.isEmpty()) {
            throw new BadInputException(serial + ": payee account is missing");
        }
        String name = text(fields.get(2));
        String yuan = text(fields.get(3));
        if (!YUAN.matcher(yuan).matches()) {
            throw new BadInputException(serial + ": bad amount '" + yuan + "' (expected yuan with at most two decimals, e.g. 12.30)");
        }
        long amount;
        try {
            amount = Money.yuanToFen(yuan);
        } catch (BadInputException e) {
            throw new BadInputException(serial + ": " + e.getMessage());
        }
        if (amount == 0) {
            throw new BadInputException(serial + ": amount is zero");
        }
        String status = text(fields.get(4));
        boolean success = switch (status) {
            case "成功", "SUCCESS" -> true;
            case "失败", "FAIL" -> false;
            default -> throw new BadInputException(serial + ": unknown status '" + status + "' (expected 成功, 失败, SUCCESS or FAIL)");
        };
        String reason = text(fields.get(5));
        if (reason.length() > MAX_REASON) {
            throw new BadInputException(serial + ": failure reason is " + reason.length() + " characters long; at most "
                    + MAX_REASON + " allowed");
        }
        String transferNo = text(fields.get(6));
        if (!transferNo.isEmpty() && !TRANSFER_NO.matcher(transferNo).matches()) {
            throw new BadInputException(serial + ": bad transfer number '" + transferNo + "' (letters and digits, at most "
                    + MAX_TRANSFER_NO + ")");
        }
        Instant completedAt = completionTime(serial, text(fields.get(7)));
        if (success && transferNo.isEmpty()) {
            throw new BadInputException(serial + ": a successful payout without transfer number");
        }
        return new PayoutResult(serial, account, name, amount, success, reason, transferNo, completedAt);
    }

    /**
     * Parses one line split on plain commas: for a file without quoting. A line with a quote or with
     * other than eight fields is refused rather than guessed at.
     */
    public static PayoutResult parseLine(String line) {
        if (line == null) {
            throw new BadInputException("result row is missing");
        }
        if (line.indexOf('"') >= 0) {
            throw new BadInputException("result row has a quoted field; split it with a CSV parser and call parse(fields)");
        }
        String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        return parse(new ArrayList<>(Arrays.asList(l.split(",", -1))));
    }

    /**
     * The completion time, Asia/Shanghai local: {@code yyyy-MM-dd HH:mm:ss}, or the same with {@code /} between the
     * date's parts or {@code T} before the time (spreadsheet and export variants); empty is null.
     */
    private static Instant completionTime(SerialNo serial, String time) {
        if (time.isEmpty()) {
            return null;
        }
        boolean variant = time.length() == 19 && (time.charAt(10) == ' ' || time.charAt(10) == 'T');
        String normalised = variant ? time.substring(0, 10).replace('/', '-') + " " + time.substring(11) : time;
        try {
            return BusinessTime.parseLocal(normalised);
        } catch (BadInputException e) {
            throw new BadInputException(serial + ": bad completion time '" + time
                    + "' (expected yyyy-MM-dd HH:mm:ss, Asia/Shanghai)");
        }
    }

    private static String text(String field) {
        return field == null ? "" : field.strip();
    }

    /**
     * How this row disagrees with the withdrawal it should pay (SPEC §7: such a row is refused and
     * reported, never applied). Empty when it matches. The account is compared exactly (after the
     * stripping of surrounding white space), the amount to the fen. Masking can make two different
     * accounts look alike in a {@link Mismatch}; the field still says they differ.
     */
    public List<Mismatch> matches(long expectedWithdrawalId, String expectedAccount, long expectedAmountFen) {
        List<Mismatch> out = new ArrayList<>(3);
        if (serial.withdrawalId() != expectedWithdrawalId) {
            out.add(new Mismatch(Field.SERIAL, String.format(Locale.ROOT, "W%012d", expectedWithdrawalId),
                    serial.format()));
        }
        if (expectedAccount == null || !payeeAccount.equals(expectedAccount.strip())) {
            out.add(new Mismatch(Field.ACCOUNT, Payee.maskAccount(expectedAccount), Payee.maskAccount(payeeAccount)));
        }
        if (amountFen != expectedAmountFen) {
            out.add(new Mismatch(Field.AMOUNT, Money.formatYuan(expectedAmountFen), Money.formatYuan(amountFen)));
        }
        return List.copyOf(out);
    }

    /** {@link #matches(long, String, long)} against the payee of the withdrawal. */
    public List<Mismatch> matches(long expectedWithdrawalId, Payee expectedPayee, long expectedAmountFen) {
        return matches(expectedWithdrawalId, expectedPayee.alipayAccount(), expectedAmountFen);
    }

    @Override
    public String toString() {
        return "PayoutResult[" + serial + ", " + Payee.maskAccount(payeeAccount) + ", " + Payee.maskName(payeeName) + ", "
                + Money.formatYuan(amountFen) + ", " + (success ? "SUCCESS" : "FAIL")
                + (success ? ", " + transferNo : ", reason=" + failureReason) + "]";
    }
}
