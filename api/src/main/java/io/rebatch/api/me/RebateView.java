package io.rebatch.api.me;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One rebate record (SPEC 8): what the user gets from one order line in one role. {@code status} is
 * {@code PENDING} / {@code AVAILABLE} (where the money sits) or {@code INVALID} (cancelled or refunded);
 * {@code settled_at} is null until the platform settled the line.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RebateView(@JsonProperty("platform") String platform,
                         @JsonProperty("order_line_id") String orderLineId,
                         @JsonProperty("role") String role,
                         @JsonProperty("status") String status,
                         @JsonProperty("amount_fen") long amountFen,
                         @JsonProperty("amount_yuan") String amountYuan,
                         @Schema(types = {"string", "null"}) @JsonProperty("item_title") String itemTitle,
                         @JsonProperty("created_at") String createdAt,
                         @Schema(types = {"string", "null"}) @JsonProperty("settled_at") String settledAt) {
}
