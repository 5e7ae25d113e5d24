package io.rebatch.domain.payout;

import java.util.List;

/**
 * What one row of Alipay's result file does to the withdrawal it names (SPEC §7): a row is applied only to a
 * withdrawal that is {@code IN_BATCH} and matches it in serial, payee account and amount; applying the same
 * result again changes nothing; a withdrawal is settled once — a second, different result for it is refused.
 *
 * <ul>
 *   <li>{@link Kind#PAY}: success for an IN_BATCH withdrawal → PAID (withdrawing → paid).</li>
 *   <li>{@link Kind#FAIL}: failure for an IN_BATCH withdrawal → FAILED (withdrawing → available).</li>
 *   <li>{@link Kind#UNCHANGED}: the withdrawal already has this result (a success with the same transfer number,
 *       or a failure after a failure): an imported file imported again.</li>
 *   <li>{@link Kind#REFUSE}: unknown serial, mismatching account or amount, not in a batch yet, or a result that
 *       contradicts the one already applied (success after failure: the money is back in available, and paying
 *       it out as well would pay twice; another transfer number; failure after success).</li>
 * </ul>
 */
public record ResultVerdict(Kind kind, String message) {
    public enum Kind {
        PAY, FAIL, UNCHANGED, REFUSE
    }

    /**
     * @param withdrawal the withdrawal the row's serial names, as stored (locked) now; null when there is none
     * @param row        the parsed row
     */
    public static ResultVerdict judge(Withdrawal withdrawal, PayoutResult row) {
        if (withdrawal == null) {
            return refuse(row.serial() + ": no such withdrawal");
        }
        List<PayoutResult.Mismatch> mismatches = row.matches(withdrawal.id(), withdrawal.payee(), withdrawal.amountFen());
        if (!mismatches.isEmpty()) {
            StringBuilder sb = new StringBuilder(row.serial() + " does not match its withdrawal: ");
            for (int i = 0; i < mismatches.size(); i++) {
                sb.append(i == 0 ? "" : "; ").append(mismatches.get(i).describe());
            }
            return refuse(sb.toString());
        }
        return switch (withdrawal.status()) {
            case REQUESTED -> refuse(row.serial() + ": not in a payout batch yet; a result for it cannot be genuine");
            case IN_BATCH -> row.success()
                    ? new ResultVerdict(Kind.PAY, row.serial() + ": paid, transfer " + row.transferNo())
                    : new ResultVerdict(Kind.FAIL, row.serial() + ": failed, back to available");
            case PAID -> row.success() && row.transferNo().equals(withdrawal.transferNo())
                    ? new ResultVerdict(Kind.UNCHANGED, row.serial() + ": already paid with this transfer")
                    : refuse(row.serial() + ": already PAID with transfer " + withdrawal.transferNo() + "; this row says "
                    + (row.success() ? "paid with transfer " + row.transferNo() : "failed") + " — refused");
            case FAILED -> row.success()
                    ? refuse(row.serial() + ": already FAILED and returned to available; a success now would pay it"
                    + " twice — refused, check with Alipay")
                    : new ResultVerdict(Kind.UNCHANGED, row.serial() + ": already failed");
        };
    }

    private static ResultVerdict refuse(String message) {
        return new ResultVerdict(Kind.REFUSE, message);
    }

    public boolean applies() {
        return kind == Kind.PAY || kind == Kind.FAIL;
    }
}
