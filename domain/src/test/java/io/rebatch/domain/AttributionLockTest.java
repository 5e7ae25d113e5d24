package io.rebatch.domain;

import static io.rebatch.domain.Fixtures.sh;
import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.domain.Attribution.Beneficiaries;
import io.rebatch.domain.Attribution.Evidence;
import io.rebatch.domain.Attribution.Result;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AttributionLockTest {
    private static final LocalDate NOV_25 = LocalDate.of(2026, 11, 25);
    private static final LocalDate DEC_03 = LocalDate.of(2026, 12, 3);
    private static final Instant CREATED = sh("2026-11-25 13:45:12");

    /** Attributed on 2026-11-25 to buyer 1 (VIP, invited by 2, grand-inviter 3) by binding RELATION_ID=R1. */
    private static final AttributionLock LOCKED = new AttributionLock(AttributionMethod.DIRECT,
            new Beneficiaries(1, Level.VIP, 2L, 3L), true, NOV_25, new Evidence("RELATION_ID", "R1", null));

    /** What a later run would find: user 5 through click 10. */
    private static final Result OTHER_USER = new Result(AttributionMethod.CLICK,
            new Beneficiaries(5, Level.SVIP, null, null), false, Evidence.click(10));

    @Test
    void aLockedAttributionNeverMovesToWhatALaterRunFinds() {
        assertThat(LOCKED.after(OTHER_USER, DEC_03)).isEqualTo(LOCKED);
        assertThat(LOCKED.after(null, DEC_03)).isEqualTo(LOCKED);
    }

    @Test
    void aLockedLineIsNeverTriedAgainEvenOnTheFirstRunThatSeesIt() {
        assertThat(LOCKED.dueTry(false, CREATED, NOV_25)).isFalse();
        assertThat(LOCKED.dueTry(true, CREATED, NOV_25)).isFalse();
    }

    @Test
    void anUnattributedLineTakesWhatTheRunFoundDatedThatRun() {
        assertThat(AttributionLock.NONE.locked()).isFalse();
        assertThat(AttributionLock.NONE.after(OTHER_USER, DEC_03)).isEqualTo(new AttributionLock(
                AttributionMethod.CLICK, new Beneficiaries(5, Level.SVIP, null, null), false, DEC_03,
                Evidence.click(10)));
        assertThat(AttributionLock.NONE.after(null, DEC_03)).isSameAs(AttributionLock.NONE);
    }

    @Test
    void anUnattributedLineIsTriedAsTheRetryWindowSays() {
        assertThat(AttributionLock.NONE.dueTry(false, CREATED, NOV_25.plusDays(90))).as("first sight").isTrue();
        assertThat(AttributionLock.NONE.dueTry(true, CREATED, NOV_25.plusDays(29))).isTrue();
        assertThat(AttributionLock.NONE.dueTry(true, CREATED, NOV_25.plusDays(30))).as("30 days on").isFalse();
    }
}
