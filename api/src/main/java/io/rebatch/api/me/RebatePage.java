package io.rebatch.api.me;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A page of rebate records, newest first; {@code next_cursor} is null on the last page. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RebatePage(@JsonProperty("items") List<RebateView> items,
                         @Schema(types = {"string", "null"}) @JsonProperty("next_cursor") String nextCursor) {
}
