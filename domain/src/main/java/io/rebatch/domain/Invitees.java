package io.rebatch.domain;

/**
 * How an inviter sees the people they brought (SPEC 8 {@code /me/team}): an invitee's user id is masked, keeping
 * its first two and last two digits ({@code 10****23}), or only the first digit for ids of four digits or fewer
 * ({@code 7***}), so the inviter can tell invitees apart without learning ids they could look anything up by.
 */
public final class Invitees {
    private Invitees() {
    }

    public static String maskUserId(long userId) {
        String s = Long.toString(userId);
        if (s.length() <= 4) {
            return s.charAt(0) + "***";
        }
        return s.substring(0, 2) + "****" + s.substring(s.length() - 2);
    }
}
