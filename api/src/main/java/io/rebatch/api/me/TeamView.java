package io.rebatch.api.me;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.rebatch.domain.Money;
import java.util.List;

/**
 * What a user earned through the people they invited (SPEC 8 {@code /me/team}): one entry per invitee and level
 * (1 = invited by the user, 2 = invited by one of those), with the invitee's id masked, the number of order lines
 * and the inviter's share of them by where it stands. Totals per level are given beside.
 */
public record TeamView(@JsonProperty("user_id") long userId,
                       @JsonProperty("level_1_pending_fen") long level1PendingFen,
                       @JsonProperty("level_1_available_fen") long level1AvailableFen,
                       @JsonProperty("level_2_pending_fen") long level2PendingFen,
                       @JsonProperty("level_2_available_fen") long level2AvailableFen,
                       @JsonProperty("invitees") List<Invitee> invitees) {

    /** One invitee at one level. */
    public record Invitee(@JsonProperty("invitee") String invitee,
                          @JsonProperty("level") int level,
                          @JsonProperty("line_count") long lineCount,
                          @JsonProperty("pending_fen") long pendingFen,
                          @JsonProperty("pending_yuan") String pendingYuan,
                          @JsonProperty("available_fen") long availableFen,
                          @JsonProperty("available_yuan") String availableYuan,
                          @JsonProperty("invalid_count") long invalidCount) {

        static Invitee of(String invitee, int level, long lineCount, long pendingFen, long availableFen,
                          long invalidCount) {
            return new Invitee(invitee, level, lineCount, pendingFen, Money.formatYuan(pendingFen), availableFen,
                    Money.formatYuan(availableFen), invalidCount);
        }
    }
}
