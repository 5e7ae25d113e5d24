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
                       @JsonProperty("level_1_pending_yuan") String level1PendingYuan,
                       @JsonProperty("level_1_available_fen") long level1AvailableFen,
                       @JsonProperty("level_1_available_yuan") String level1AvailableYuan,
                       @JsonProperty("level_2_pending_fen") long level2PendingFen,
                       @JsonProperty("level_2_pending_yuan") String level2PendingYuan,
                       @JsonProperty("level_2_available_fen") long level2AvailableFen,
                       @JsonProperty("level_2_available_yuan") String level2AvailableYuan,
                       @JsonProperty("invitees") List<Invitee> invitees) {

    /** The totals per level with their yuan strings beside them (SPEC 8: every amount is _fen with _yuan). */
    static TeamView of(long userId, long level1PendingFen, long level1AvailableFen, long level2PendingFen,
                       long level2AvailableFen, List<Invitee> invitees) {
        return new TeamView(userId, level1PendingFen, Money.formatYuan(level1PendingFen), level1AvailableFen,
                Money.formatYuan(level1AvailableFen), level2PendingFen, Money.formatYuan(level2PendingFen),
                level2AvailableFen, Money.formatYuan(level2AvailableFen), invitees);
    }

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
