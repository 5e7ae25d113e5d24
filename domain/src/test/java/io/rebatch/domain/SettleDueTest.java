package io.rebatch.domain;

import static io.rebatch.domain.Fixtures.sh;
import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.domain.Attribution.Beneficiaries;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SettleDueTest {
    private static final LocalDate D = LocalDate.of(2026, 11, 16);
    private static final AttributionLock LOCKED = new AttributionLock(AttributionMethod.DIRECT,
            new Beneficiaries(1, Level.VIP, 2L, null), false, LocalDate.of(2026, 11, 1), null);
    private final RuleSets sets = RuleSets.of(List.of(Fixtures.rules("2026-09", "2026-09-01")));

    @Test
    void anAttributedPaidLineIsNeverDueByDateAlone() {
        OrderLine line = Fixtures.line().paid(sh("2026-11-01 10:00:00")).created(sh("2026-11-01 10:00:00")).build();
        var outcome = LineSettlement.evaluate(line, null, sets, LOCKED.beneficiaries(), D);
        assertThat(SettleDue.next(line, LOCKED, outcome, D)).isEqualTo(SettleDue.NEVER);
    }

    @Test
    void anUnattributedLineIsDueTomorrowWhileItIsYoungEnoughToBeTriedAgain() {
        Instant created = sh("2026-11-01 10:00:00");
        OrderLine line = Fixtures.line().paid(created).created(created).build();
        var outcome = LineSettlement.evaluate(line, null, sets, null, D);
        assertThat(SettleDue.next(line, AttributionLock.NONE, outcome, D)).isEqualTo(D.plusDays(1));
        // Created 2026-11-01 10:00: the last try is on the date whose end minus 30 days is still before it.
        LocalDate last = LocalDate.of(2026, 11, 30);
        assertThat(SettleDue.next(line, AttributionLock.NONE, outcome, last.minusDays(1))).isEqualTo(last);
        assertThat(SettleDue.next(line, AttributionLock.NONE, outcome, last)).isEqualTo(SettleDue.NEVER);
    }

    @Test
    void aSettledLineIsDueWhenItsFreezeEnds() {
        Instant settled = sh("2026-11-10 23:30:00");
        OrderLine line = Fixtures.line().paid(sh("2026-11-01 10:00:00")).created(sh("2026-11-01 10:00:00"))
                .settled(900, settled).build();
        var outcome = LineSettlement.evaluate(line, null, sets, LOCKED.beneficiaries(), D);
        assertThat(outcome.bucket()).isEqualTo(Bucket.PENDING);
        LocalDate unfreeze = LocalDate.of(2026, 11, 10).plusDays(outcome.rules().freezeDays());
        assertThat(SettleDue.next(line, LOCKED, outcome, D)).isEqualTo(unfreeze);
        var after = LineSettlement.evaluate(line, null, sets, LOCKED.beneficiaries(), unfreeze);
        assertThat(SettleDue.next(line, LOCKED, after, unfreeze)).isEqualTo(SettleDue.NEVER);
    }

    @Test
    void aHeldLineIsTriedAgainTomorrow() {
        OrderLine line = Fixtures.line().build();
        assertThat(SettleDue.next(line, LOCKED, null, D)).isEqualTo(D.plusDays(1));
    }

    /**
     * The invariant incremental settlement rests on: on every date from D up to (not including) the due date, the
     * line evaluates exactly as on D and is not due an attribution try; on the due date something can change.
     */
    @Property(tries = 400)
    void untilItsDueDateALineEvaluatesAsOnTheDateItWasSettled(@ForAll @IntRange(min = 0, max = 3) int status,
                                                               @ForAll @IntRange(min = 0, max = 60) int createdDaysAgo,
                                                               @ForAll @IntRange(min = 0, max = 40) int settledDaysAgo,
                                                               @ForAll @IntRange(min = 0, max = 23) int hour,
                                                               @ForAll boolean attributed) {
        Instant created = BusinessTime.startOf(D.minusDays(createdDaysAgo)).plus(Duration.ofHours(hour));
        Fixtures.LineBuilder b = Fixtures.line().paid(created).created(created).estimate(1234);
        if (status == 1) {
            b.settled(1234, created.plus(Duration.ofDays(Math.max(0, createdDaysAgo - settledDaysAgo))));
        } else if (status == 2) {
            b.status(LineStatus.RECEIVED);
        } else if (status == 3) {
            b.status(LineStatus.INVALID);
        }
        OrderLine line = b.build();
        AttributionLock lock = attributed ? LOCKED : AttributionLock.NONE;
        Beneficiaries who = lock.beneficiaries();
        var onD = LineSettlement.evaluate(line, null, sets, who, D);
        LocalDate due = SettleDue.next(line, lock, onD, D);
        assertThat(due).isAfter(D);
        for (LocalDate d = D.plusDays(1); d.isBefore(due) && d.isBefore(D.plusDays(90)); d = d.plusDays(1)) {
            var later = LineSettlement.evaluate(line, null, sets, who, d);
            assertThat(later.bucket()).as("bucket on %s", d).isEqualTo(onD.bucket());
            assertThat(later.target()).isEqualTo(onD.target());
            assertThat(later.shares()).isEqualTo(onD.shares());
            assertThat(lock.dueTry(true, line.createdAt(), d)).as("attribution try on %s", d).isFalse();
        }
        if (!due.equals(SettleDue.NEVER)) {
            boolean changes = lock.dueTry(true, line.createdAt(), due)
                    || LineSettlement.evaluate(line, null, sets, who, due).bucket() != onD.bucket();
            assertThat(changes).as("something can change on the due date %s", due).isTrue();
        }
    }
}
