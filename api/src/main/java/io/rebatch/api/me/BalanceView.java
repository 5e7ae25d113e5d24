package io.rebatch.api.me;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.rebatch.domain.Money;

/** A user's balance as SPEC 8 names it: the four buckets in fen with their yuan strings. */
public record BalanceView(@JsonProperty("user_id") long userId,
                          @JsonProperty("pending_fen") long pendingFen,
                          @JsonProperty("pending_yuan") String pendingYuan,
                          @JsonProperty("available_fen") long availableFen,
                          @JsonProperty("available_yuan") String availableYuan,
                          @JsonProperty("withdrawing_fen") long withdrawingFen,
                          @JsonProperty("withdrawing_yuan") String withdrawingYuan,
                          @JsonProperty("paid_fen") long paidFen,
                          @JsonProperty("paid_yuan") String paidYuan) {

    public static BalanceView of(long userId, long pendingFen, long availableFen, long withdrawingFen, long paidFen) {
        return new BalanceView(userId, pendingFen, Money.formatYuan(pendingFen), availableFen,
                Money.formatYuan(availableFen), withdrawingFen, Money.formatYuan(withdrawingFen), paidFen,
                Money.formatYuan(paidFen));
    }
}
