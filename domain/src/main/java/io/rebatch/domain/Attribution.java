package io.rebatch.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * Which user an order line belongs to (SPEC §4). Direct bindings first (Taobao relation_id then
 * special_id; JD sub_union_id; PDD custom_uid), then the most recent click on the same platform,
 * item and pid within the line's click window (ties: smallest click id), else unattributed. A
 * binding, click or inviter naming a user who is not loaded is ignored. The beneficiaries and the
 * buyer's level are locked here, once; this class never re-attributes an attributed line.
 */
public final class Attribution {
    /** How long an unattributed line keeps being retried. */
    public static final Duration RETRY_WINDOW = Duration.ofDays(30);

    private Attribution() {
    }

    public record User(long userId, Level level, Long inviterId) {
    }

    public record Click(long clickId, long userId, Platform platform, String itemId, String pid, Instant clickedAt) {
    }

    /** A tracking value a line carries, in the order bindings are tried. */
    public record TrackingValue(String kind, String value) {
    }

    public record Beneficiaries(long buyerId, Level buyerLevel, Long inviterId, Long grandInviterId) {
        public Long userFor(Role role) {
            return switch (role) {
                case BUYER -> buyerId;
                case INVITER -> inviterId;
                case GRAND_INVITER -> grandInviterId;
            };
        }
    }

    /**
     * What decided an attribution, kept with it for audits ({@code rebatch explain}): the binding (kind and tracking
     * value) of a {@code DIRECT} line, or the click of a {@code CLICK} line. Exactly one side is set.
     */
    public record Evidence(String bindingKind, String bindingValue, Long clickId) {
        public static Evidence binding(TrackingValue tv) {
            return new Evidence(tv.kind(), tv.value(), null);
        }

        public static Evidence click(long clickId) {
            return new Evidence(null, null, clickId);
        }

        /** {@code binding RELATION_ID=R77} or {@code click 10}. */
        public String describe() {
            return clickId != null ? "click " + clickId : "binding " + bindingKind + "=" + bindingValue;
        }
    }

    /**
     * An attribution: the buyer, how they were found, the locked beneficiaries, the unverified flag, and the
     * binding or click that decided it.
     */
    public record Result(AttributionMethod method, Beneficiaries beneficiaries, boolean unverified,
                         Evidence decidedBy) {
    }

    /** The tracking values of a line that bindings may map, in priority order. */
    public static List<TrackingValue> trackingValues(OrderLine line) {
        List<TrackingValue> out = new ArrayList<>(2);
        for (BindingKind kind : Platforms.rules(line.platform()).bindingKinds()) {
            add(out, kind.name(), kind.field().of(line));
        }
        return out;
    }

    private static void add(List<TrackingValue> out, String kind, String value) {
        if (value != null && !value.isBlank()) {
            out.add(new TrackingValue(kind, value));
        }
    }

    /**
     * Whether a run on business date D tries an unattributed line: the first run that sees it always
     * does; later runs while {@code created_at > end of D - 30×24 h}.
     */
    public static boolean shouldTry(boolean triedBefore, Instant createdAt, LocalDate businessDate) {
        return !triedBefore || createdAt.isAfter(BusinessTime.endOf(businessDate).minus(RETRY_WINDOW));
    }

    /**
     * Attributes a line.
     *
     * @param bindings maps a tracking value to the bound user id, or null
     * @param users    the loaded user of an id, or null when not loaded
     * @param clicks   candidate clicks: at least every click on the line's platform and item within the window
     */
    public static Optional<Result> attribute(OrderLine line, int clickWindowHours,
                                             Function<TrackingValue, Long> bindings, LongFunction<User> users,
                                             Collection<Click> clicks) {
        Instant created = line.createdAt();
        Instant windowStart = created.minus(Duration.ofHours(clickWindowHours));
        for (TrackingValue tv : trackingValues(line)) {
            Long userId = bindings.apply(tv);
            User buyer = userId == null ? null : users.apply(userId);
            if (buyer != null) {
                boolean verified = false;
                for (Click c : clicks) {
                    if (c.userId() == buyer.userId() && c.platform().equals(line.platform())
                            && java.util.Objects.equals(c.itemId(), line.itemId()) && inWindow(c.clickedAt(), windowStart, created)) {
                        verified = true;
                        break;
                    }
                }
                return Optional.of(new Result(AttributionMethod.DIRECT, lock(buyer, users), !verified,
                        Evidence.binding(tv)));
            }
        }
        Click best = null;
        User bestUser = null;
        for (Click c : clicks) {
            if (!c.platform().equals(line.platform()) || !java.util.Objects.equals(c.itemId(), line.itemId())
                    || !java.util.Objects.equals(c.pid() == null ? "" : c.pid(), line.pid() == null ? "" : line.pid())
                    || !inWindow(c.clickedAt(), windowStart, created)) {
                continue;
            }
            User u = users.apply(c.userId());
            if (u == null) {
                continue;
            }
            if (best == null || c.clickedAt().isAfter(best.clickedAt())
                    || (c.clickedAt().equals(best.clickedAt()) && c.clickId() < best.clickId())) {
                best = c;
                bestUser = u;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        return Optional.of(new Result(AttributionMethod.CLICK, lock(bestUser, users), false,
                Evidence.click(best.clickId())));
    }

    private static boolean inWindow(Instant clickedAt, Instant windowStart, Instant created) {
        return !clickedAt.isAfter(created) && !clickedAt.isBefore(windowStart);
    }

    /**
     * Locks the buyer's level, inviter and grand-inviter as they are now. One user is never paid twice for one
     * line: an inviter chain that loops back (a cycle 2 → 3 → 2 that slipped past the load check, or a user
     * inviting themselves) ends where it would repeat a beneficiary — that role gets no one, and its share stays
     * with the platform margin.
     */
    public static Beneficiaries lock(User buyer, LongFunction<User> users) {
        User inviter = buyer.inviterId() == null || buyer.inviterId() == buyer.userId() ? null
                : users.apply(buyer.inviterId());
        User grand = inviter == null || inviter.inviterId() == null || inviter.inviterId() == buyer.userId()
                || inviter.inviterId() == inviter.userId() ? null : users.apply(inviter.inviterId());
        return new Beneficiaries(buyer.userId(), buyer.level(),
                inviter == null ? null : inviter.userId(), grand == null ? null : grand.userId());
    }
}
