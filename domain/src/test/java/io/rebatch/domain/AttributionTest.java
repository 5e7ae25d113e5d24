package io.rebatch.domain;

import static io.rebatch.domain.Fixtures.sh;
import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.domain.Attribution.Beneficiaries;
import io.rebatch.domain.Attribution.Click;
import io.rebatch.domain.Attribution.Result;
import io.rebatch.domain.Attribution.TrackingValue;
import io.rebatch.domain.Attribution.User;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

class AttributionTest {
    /** The line's creation: 2026-11-25 13:45:12 Shanghai. */
    private static final Instant CREATED = sh("2026-11-25 13:45:12");
    private static final int WINDOW_HOURS = 72;

    /**
     * Users: 1 VIP ← invited by 2 ← invited by 3; 4 invited by 99 (not loaded); 5 alone; 6 VIP invited by 5;
     * 8 invited by 4. Users 77 and 99 are not loaded.
     */
    private static final Map<Long, User> USERS = Map.of(
            1L, new User(1, Level.VIP, 2L),
            2L, new User(2, Level.NORMAL, 3L),
            3L, new User(3, Level.SVIP, null),
            4L, new User(4, Level.NORMAL, 99L),
            5L, new User(5, Level.NORMAL, null),
            6L, new User(6, Level.VIP, 5L),
            8L, new User(8, Level.SVIP, 4L));
    private static final LongFunction<User> USER_OF = USERS::get;

    private static final Map<TrackingValue, Long> BINDINGS = Map.of(
            new TrackingValue("RELATION_ID", "R1"), 1L,
            new TrackingValue("RELATION_ID", "R77"), 77L,
            new TrackingValue("SPECIAL_ID", "S5"), 5L,
            new TrackingValue("SUB_UNION_ID", "J1"), 1L,
            new TrackingValue("CUSTOM_PARAMETERS_UID", "P6"), 6L);
    private static final Function<TrackingValue, Long> BINDING_OF = BINDINGS::get;

    private static Fixtures.LineBuilder line() {
        return Fixtures.line().created(CREATED).item("I1").pid("adz1");
    }

    private static Click click(long id, long user, String item, String pid, Instant at) {
        return new Click(id, user, Platform.TAOBAO, item, pid, at);
    }

    private static Click click(long id, long user, Instant at) {
        return click(id, user, "I1", "adz1", at);
    }

    private static Optional<Result> attribute(OrderLine line, Click... clicks) {
        return Attribution.attribute(line, WINDOW_HOURS, BINDING_OF, USER_OF, List.of(clicks));
    }

    private static long buyerOf(Optional<Result> r) {
        return r.orElseThrow().beneficiaries().buyerId();
    }

    // ---- direct bindings ----------------------------------------------------------------------

    @Test
    void relationIdBeatsSpecialIdAndClicks() {
        OrderLine l = line().relationId("R1").specialId("S5").build();
        Result r = attribute(l, click(10, 6, CREATED.minusSeconds(60))).orElseThrow();
        assertThat(r.method()).isEqualTo(AttributionMethod.DIRECT);
        assertThat(r.beneficiaries()).isEqualTo(new Beneficiaries(1, Level.VIP, 2L, 3L));
        assertThat(r.decidedBy()).isEqualTo(Attribution.Evidence.binding(new Attribution.TrackingValue("RELATION_ID", "R1")));
        assertThat(r.decidedBy().describe()).isEqualTo("binding RELATION_ID=R1");
    }

    @Test
    void specialIdIsUsedWhenThereIsNoRelationId() {
        Result r = attribute(line().specialId("S5").build(), click(10, 6, CREATED.minusSeconds(60))).orElseThrow();
        assertThat(r.method()).isEqualTo(AttributionMethod.DIRECT);
        assertThat(r.beneficiaries().buyerId()).isEqualTo(5);
    }

    @Test
    void bindingToAnUnloadedUserFallsThroughToSpecialId() {
        Result r = attribute(line().relationId("R77").specialId("S5").build()).orElseThrow();
        assertThat(r.method()).isEqualTo(AttributionMethod.DIRECT);
        assertThat(r.beneficiaries().buyerId()).isEqualTo(5);
        assertThat(r.decidedBy().describe()).isEqualTo("binding SPECIAL_ID=S5");
    }

    @Test
    void bindingToAnUnloadedUserFallsThroughToClicks() {
        Result r = attribute(line().relationId("R77").build(), click(10, 6, CREATED.minusSeconds(60))).orElseThrow();
        assertThat(r.method()).isEqualTo(AttributionMethod.CLICK);
        assertThat(r.beneficiaries()).isEqualTo(new Beneficiaries(6, Level.VIP, 5L, null));
    }

    @Test
    void unboundTrackingValueFallsThroughToClicks() {
        Result r = attribute(line().relationId("R404").specialId("S404").build(), click(10, 6, CREATED)).orElseThrow();
        assertThat(r.method()).isEqualTo(AttributionMethod.CLICK);
        assertThat(r.beneficiaries().buyerId()).isEqualTo(6);
    }

    @Test
    void eachPlatformUsesItsOwnTrackingValue() {
        OrderLine jd = line().platform(Platform.JD).subUnionId("J1").relationId("R77").build();
        assertThat(Attribution.trackingValues(jd)).containsExactly(new TrackingValue("SUB_UNION_ID", "J1"));
        assertThat(buyerOf(attribute(jd))).isEqualTo(1);

        OrderLine pdd = line().platform(Platform.PDD).customUid("P6").relationId("R1").build();
        assertThat(Attribution.trackingValues(pdd)).containsExactly(new TrackingValue("CUSTOM_PARAMETERS_UID", "P6"));
        assertThat(buyerOf(attribute(pdd))).isEqualTo(6);

        // a Taobao relation_id on a JD line means nothing: no binding, no click → unattributed
        assertThat(attribute(line().platform(Platform.JD).relationId("R1").build())).isEmpty();
    }

    @Test
    void taobaoTrackingValuesInPriorityOrderSkippingBlanks() {
        assertThat(Attribution.trackingValues(line().relationId("R1").specialId("S5").build()))
                .containsExactly(new TrackingValue("RELATION_ID", "R1"), new TrackingValue("SPECIAL_ID", "S5"));
        assertThat(Attribution.trackingValues(line().relationId(" ").specialId("S5").build()))
                .containsExactly(new TrackingValue("SPECIAL_ID", "S5"));
        assertThat(Attribution.trackingValues(line().build())).isEmpty();
    }

    // ---- unverified direct lines ------------------------------------------------------------------

    @Test
    void directLineWithAClickOfTheBuyerForTheItemInTheWindowIsVerified() {
        OrderLine l = line().relationId("R1").build();
        assertThat(attribute(l, click(10, 1, CREATED.minus(Duration.ofHours(5)))).orElseThrow().unverified()).isFalse();
        // the pid does not matter for verification, only user, platform and item
        assertThat(attribute(l, click(10, 1, "I1", "other", CREATED.minusSeconds(1))).orElseThrow().unverified()).isFalse();
    }

    @Test
    void directLineWithoutSuchAClickIsUnverifiedButStillAttributed() {
        OrderLine l = line().relationId("R1").build();
        assertThat(attribute(l).orElseThrow().unverified()).isTrue();
        // another user's click on the item
        assertThat(attribute(l, click(10, 6, CREATED.minusSeconds(60))).orElseThrow().unverified()).isTrue();
        // the buyer's click on another item
        assertThat(attribute(l, click(10, 1, "I2", "adz1", CREATED.minusSeconds(60))).orElseThrow().unverified()).isTrue();
        // the buyer's click 72 h + 1 s before creation, or 1 s after it
        assertThat(attribute(l, click(10, 1, CREATED.minus(Duration.ofHours(72)).minusSeconds(1))).orElseThrow().unverified()).isTrue();
        assertThat(attribute(l, click(10, 1, CREATED.plusSeconds(1))).orElseThrow().unverified()).isTrue();
        // the buyer's click on the same item id on another platform
        Click jdClick = new Click(10, 1, Platform.JD, "I1", "adz1", CREATED.minusSeconds(60));
        assertThat(attribute(l, jdClick).orElseThrow().unverified()).isTrue();
        // and the flag never goes with a method other than DIRECT
        assertThat(r(attribute(l)).method()).isEqualTo(AttributionMethod.DIRECT);
    }

    private static Result r(Optional<Result> o) {
        return o.orElseThrow();
    }

    // ---- click matching --------------------------------------------------------------------------

    @Test
    void mostRecentClickWins() {
        OrderLine l = line().build();
        Result r = r(attribute(l, click(5, 2, CREATED.minus(Duration.ofHours(2))), click(30, 6, CREATED.minus(Duration.ofHours(1)))));
        assertThat(r.method()).isEqualTo(AttributionMethod.CLICK);
        assertThat(r.unverified()).isFalse();
        assertThat(r.beneficiaries().buyerId()).isEqualTo(6);
        assertThat(r.decidedBy()).isEqualTo(Attribution.Evidence.click(30));
        assertThat(r.decidedBy().describe()).isEqualTo("click 30");
    }

    @Test
    void clickTieOnClickedAtGoesToTheSmallestClickId() {
        Instant t = CREATED.minus(Duration.ofMinutes(10));
        assertThat(buyerOf(attribute(line().build(), click(20, 2, t), click(10, 6, t), click(15, 5, t)))).isEqualTo(6);
        assertThat(buyerOf(attribute(line().build(), click(10, 6, t), click(20, 2, t)))).isEqualTo(6);
    }

    @Test
    void clickAfterCreationIsIgnored() {
        assertThat(attribute(line().build(), click(10, 6, CREATED.plusSeconds(1)))).isEmpty();
        // and does not shadow an earlier valid click
        assertThat(buyerOf(attribute(line().build(), click(10, 6, CREATED.plusSeconds(1)), click(11, 2, CREATED.minusSeconds(1)))))
                .isEqualTo(2);
    }

    @Test
    void clickAtTheCreationInstantCounts() {
        assertThat(buyerOf(attribute(line().build(), click(10, 6, CREATED)))).isEqualTo(6);
    }

    @Test
    void clickExactlyAtTheWindowEdgeCountsOneSecondMoreDoesNot() {
        Instant edge = CREATED.minus(Duration.ofHours(72));   // 2026-11-22 13:45:12 Shanghai
        assertThat(edge).isEqualTo(sh("2026-11-22 13:45:12"));
        assertThat(buyerOf(attribute(line().build(), click(10, 6, edge)))).isEqualTo(6);
        assertThat(attribute(line().build(), click(10, 6, edge.minusSeconds(1)))).isEmpty();
    }

    @Test
    void windowComesFromTheRuleSet() {
        Click c = click(10, 6, CREATED.minus(Duration.ofHours(49)));
        assertThat(Attribution.attribute(line().build(), 72, BINDING_OF, USER_OF, List.of(c))).isPresent();
        assertThat(Attribution.attribute(line().build(), 48, BINDING_OF, USER_OF, List.of(c))).isEmpty();
    }

    @Test
    void clickOfAnUnloadedUserIsIgnored() {
        OrderLine l = line().build();
        assertThat(attribute(l, click(10, 77, CREATED.minusSeconds(1)))).isEmpty();
        // the more recent click belongs to nobody loaded: the older one of user 2 wins
        assertThat(buyerOf(attribute(l, click(10, 77, CREATED.minusSeconds(1)), click(11, 2, CREATED.minusSeconds(3600)))))
                .isEqualTo(2);
    }

    @Test
    void pidMustMatchForAClickMatch() {
        OrderLine l = line().build();
        assertThat(attribute(l, click(10, 6, "I1", "adz2", CREATED.minusSeconds(1)))).isEmpty();
        assertThat(attribute(l, click(10, 6, "I1", "ADZ1", CREATED.minusSeconds(1)))).isEmpty();
        // the matching pid wins even over a more recent click on another pid
        assertThat(buyerOf(attribute(l, click(10, 6, "I1", "adz2", CREATED.minusSeconds(1)),
                click(11, 2, "I1", "adz1", CREATED.minusSeconds(60))))).isEqualTo(2);
    }

    @Test
    void itemAndPlatformMustMatch() {
        OrderLine l = line().build();
        assertThat(attribute(l, click(10, 6, "I2", "adz1", CREATED.minusSeconds(1)))).isEmpty();
        assertThat(attribute(l, new Click(10, 6, Platform.PDD, "I1", "adz1", CREATED.minusSeconds(1)))).isEmpty();
    }

    @Test
    void noBindingNoClickIsUnattributed() {
        assertThat(attribute(line().build())).isEmpty();
    }

    // ---- locking the beneficiaries -----------------------------------------------------------

    @Test
    void inviterAndGrandInviterAreLocked() {
        assertThat(Attribution.lock(USERS.get(1L), USER_OF)).isEqualTo(new Beneficiaries(1, Level.VIP, 2L, 3L));
        assertThat(Attribution.lock(USERS.get(2L), USER_OF)).isEqualTo(new Beneficiaries(2, Level.NORMAL, 3L, null));
        assertThat(Attribution.lock(USERS.get(3L), USER_OF)).isEqualTo(new Beneficiaries(3, Level.SVIP, null, null));
    }

    @Test
    void unloadedInviterMeansNoInviterAndNoGrandInviter() {
        assertThat(Attribution.lock(USERS.get(4L), USER_OF)).isEqualTo(new Beneficiaries(4, Level.NORMAL, null, null));
        // the grand-inviter is only reached through a loaded inviter, even when it would be loaded itself
        User orphan = new User(9, Level.VIP, 77L);
        assertThat(Attribution.lock(orphan, USER_OF)).isEqualTo(new Beneficiaries(9, Level.VIP, null, null));
    }

    @Test
    void anInviterCycleNeverPaysTheBuyerAsTheirOwnGrandInviter() {
        Map<Long, User> cycle = Map.of(2L, new User(2, Level.NORMAL, 3L), 3L, new User(3, Level.VIP, 2L),
                5L, new User(5, Level.VIP, 5L));
        assertThat(Attribution.lock(cycle.get(2L), cycle::get)).isEqualTo(new Beneficiaries(2, Level.NORMAL, 3L, null));
        assertThat(Attribution.lock(cycle.get(3L), cycle::get)).isEqualTo(new Beneficiaries(3, Level.VIP, 2L, null));
        assertThat(Attribution.lock(cycle.get(5L), cycle::get)).as("a user inviting themselves")
                .isEqualTo(new Beneficiaries(5, Level.VIP, null, null));
    }

    @Test
    void loadedInviterWithUnloadedInviterMeansNoGrandInviter() {
        assertThat(Attribution.lock(USERS.get(8L), USER_OF)).isEqualTo(new Beneficiaries(8, Level.SVIP, 4L, null));
    }

    @Test
    void lockedLevelIsTheBuyersLevelAtAttribution() {
        Beneficiaries locked = r(attribute(line().relationId("R1").build())).beneficiaries();
        assertThat(locked.buyerLevel()).isEqualTo(Level.VIP);
        assertThat(locked.userFor(Role.BUYER)).isEqualTo(1L);
        assertThat(locked.userFor(Role.INVITER)).isEqualTo(2L);
        assertThat(locked.userFor(Role.GRAND_INVITER)).isEqualTo(3L);
    }

    // ---- retrying unattributed lines --------------------------------------------------------------

    @Test
    void firstRunAlwaysTries() {
        assertThat(Attribution.shouldTry(false, sh("2020-01-01 00:00:00"), LocalDate.of(2026, 11, 30))).isTrue();
    }

    @Test
    void laterRunsRetryWhileTheLineIsLessThanThirtyDaysOld() {
        LocalDate d = LocalDate.of(2026, 11, 30);
        // end of D = 2026-12-01 00:00 Shanghai; minus 30 × 24 h = 2026-11-01 00:00 Shanghai
        assertThat(BusinessTime.endOf(d).minus(Attribution.RETRY_WINDOW)).isEqualTo(sh("2026-11-01 00:00:00"));
        assertThat(Attribution.shouldTry(true, sh("2026-11-01 00:00:01"), d)).isTrue();
        assertThat(Attribution.shouldTry(true, sh("2026-11-01 00:00:00"), d)).isFalse();
        assertThat(Attribution.shouldTry(true, sh("2026-10-31 23:59:59"), d)).isFalse();
        assertThat(Attribution.shouldTry(true, sh("2026-11-30 23:59:59"), d)).isTrue();
    }
}
