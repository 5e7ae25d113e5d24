package io.rebatch.api.me;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import io.rebatch.api.json.ApiTime;
import io.rebatch.domain.Money;
import io.rebatch.domain.payout.Withdrawal;

/**
 * A withdrawal as the app sees it (SPEC 7/8). The payee account and name are masked in every response except the
 * answer to the request that created the withdrawal (201) and its replays with the same key (200, "the same body",
 * SPEC 8) — a replay must carry the same payee to be accepted, so echoing it tells the caller nothing it did not
 * send. {@code failure_reason} is Alipay's reason once FAILED.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record WithdrawalView(@JsonProperty("id") long id,
                             @JsonProperty("serial") String serial,
                             @JsonProperty("status") String status,
                             @JsonProperty("amount_fen") long amountFen,
                             @JsonProperty("amount_yuan") String amountYuan,
                             @JsonProperty("payee_account") String payeeAccount,
                             @JsonProperty("payee_name") String payeeName,
                             @JsonProperty("requested_at") String requestedAt,
                             @Schema(types = {"string", "null"}) @JsonProperty("batch_no") String batchNo,
                             @Schema(types = {"string", "null"}) @JsonProperty("transfer_no") String transferNo,
                             @Schema(types = {"string", "null"}) @JsonProperty("failure_reason") String failureReason) {

    public static WithdrawalView masked(Withdrawal w) {
        return of(w, w.payee().maskedAccount(), w.payee().maskedName());
    }

    public static WithdrawalView inClear(Withdrawal w) {
        return of(w, w.payee().alipayAccount(), w.payee().realName());
    }

    private static WithdrawalView of(Withdrawal w, String account, String name) {
        return new WithdrawalView(w.id(), w.serial().toString(), w.status().name(), w.amountFen(),
                Money.formatYuan(w.amountFen()), account, name, ApiTime.format(w.requestedAt()), w.batchNo(),
                w.transferNo(), w.reason());
    }
}
