package io.rebatch.domain.payout;

import io.rebatch.domain.Money;
import java.time.Instant;

/**
 * A stored withdrawal (SPEC §7). {@code batchNo}, {@code transferNo} and {@code reason} are null until a payout
 * batch, a successful result or a failed result sets them. {@link #toString()} masks the payee.
 */
public record Withdrawal(long id, long userId, IdempotencyKey key, long amountFen, Payee payee,
                         WithdrawalStatus status, Instant requestedAt, String batchNo, String transferNo,
                         String reason) {

    public SerialNo serial() {
        return SerialNo.of(id);
    }

    /** This withdrawal with a result recorded (PAID with a transfer number, or FAILED with a reason). */
    public Withdrawal withResult(WithdrawalStatus newStatus, String newTransferNo, String newReason) {
        return new Withdrawal(id, userId, key, amountFen, payee, newStatus, requestedAt, batchNo, newTransferNo,
                newReason);
    }

    @Override
    public String toString() {
        return "Withdrawal[" + serial() + ", user " + userId + ", " + Money.formatYuan(amountFen) + " yuan, " + payee
                + ", " + status + (batchNo == null ? "" : ", " + batchNo) + "]";
    }
}
