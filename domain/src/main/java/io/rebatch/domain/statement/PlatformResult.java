package io.rebatch.domain.statement;

import io.rebatch.domain.Platform;
import java.time.YearMonth;

/**
 * One platform's row of the reconciliation summary. The statement side is the stated total, or the sum of the
 * detail rows when the statement gives no total for the platform (0 and 0 when it does not mention the platform).
 * {@code detailsDisagree}: the statement gives both and they do not add up, which alone makes it a mismatch.
 */
public record PlatformResult(Platform platform, YearMonth month, long statementIncomeFen, long rebatchIncomeFen,
                             long statementLines, long rebatchLines, boolean detailsDisagree) {
    public enum Status { MATCH, MISMATCH }

    /** statement − rebatch. */
    public long diffIncomeFen() {
        return Math.subtractExact(statementIncomeFen, rebatchIncomeFen);
    }

    /** statement − rebatch. */
    public long diffLines() {
        return Math.subtractExact(statementLines, rebatchLines);
    }

    public Status status() {
        return diffIncomeFen() == 0 && diffLines() == 0 && !detailsDisagree ? Status.MATCH : Status.MISMATCH;
    }
}
