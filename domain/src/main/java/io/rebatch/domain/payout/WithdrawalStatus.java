package io.rebatch.domain.payout;

/**
 * Where a withdrawal stands (SPEC §7). {@code REQUESTED}: accepted, money moved available → withdrawing;
 * {@code IN_BATCH}: in a payout batch and its file; {@code PAID}: Alipay reported success (withdrawing → paid);
 * {@code FAILED}: Alipay reported failure (withdrawing → available again). PAID and FAILED are final.
 */
public enum WithdrawalStatus {
    REQUESTED, IN_BATCH, PAID, FAILED;

    public boolean isFinal() {
        return this == PAID || this == FAILED;
    }
}
