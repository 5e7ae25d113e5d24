package io.rebatch.api.me;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The body of {@code POST /api/v1/me/withdrawals}: amount in fen, the Alipay account and the payee's real name. */
public record WithdrawalBody(@JsonProperty(value = "amount_fen", required = true) Long amountFen,
                             @JsonProperty(value = "payee_account", required = true) String payeeAccount,
                             @JsonProperty(value = "payee_name", required = true) String payeeName) {
}
