package io.rebatch.domain;

import static io.rebatch.domain.Fixtures.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.rebatch.domain.Attribution.Beneficiaries;
import io.rebatch.domain.LedgerDiff.Positions;
import io.rebatch.domain.LedgerDiff.Posting;
import io.rebatch.domain.ShareSplit.Shares;
import io.rebatch.domain.SnapshotOrder.Version;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerDiffTest {
    /** modified_at 2026-11-25 13:45:12 Shanghai = 1795585512000 ms. */
    private static final Version PAID_V = new Version(sh("2026-11-25 13:45:12"), 1);
    /** modified_at 2026-11-30 10:00:00 Shanghai = 1796004000000 ms. */
    private static final Version SETTLED_V = new Version(sh("2026-11-30 10:00:00"), 3);

    private static final Beneficiaries ALL = new Beneficiaries(1, Level.VIP, 2L, 3L);
    private static final Beneficiaries BUYER_ONLY = new Beneficiaries(1, Level.VIP, null, null);
    private static final Shares SHARES = new Shares(3916, 2545, 391, 195, 785);

    private static List<Posting> diff(Version v, int revision, Beneficiaries b, Positions target, Positions posted) {
        return LedgerDiff.diff(Platform.TAOBAO, "123", v, revision, b, target, posted);
    }

    @Test
    void entryKeyFormat() {
        assertThat(LedgerDiff.entryKey(Platform.TAOBAO, "123", Role.BUYER, Bucket.PENDING, PAID_V, 1))
                .isEqualTo("L:TAOBAO:123:BUYER:PENDING:1795585512000.1:1");
        assertThat(LedgerDiff.entryKey(Platform.PDD, "251125-0001", Role.GRAND_INVITER, Bucket.AVAILABLE, SETTLED_V, 4))
                .isEqualTo("L:PDD:251125-0001:GRAND_INVITER:AVAILABLE:1796004000000.3:4");
    }

    @Test
    void aLineKeyReadsBackWhatItWasMadeOf() {
        assertThat(LedgerDiff.parseLineKey("L:PDD:251125-0001:GRAND_INVITER:AVAILABLE:1796004000000.3:4"))
                .isEqualTo(new LedgerDiff.LineKey("PDD", "251125-0001", Role.GRAND_INVITER, Bucket.AVAILABLE, SETTLED_V, 4));
        String odd = LedgerDiff.entryKey(Platform.JD, "a:b", Role.BUYER, Bucket.PENDING, PAID_V, 12);
        assertThat(LedgerDiff.parseLineKey(odd).orderLineId()).isEqualTo("a:b");
        assertThat(LedgerDiff.parseLineKey(odd).revision()).isEqualTo(12);
        assertThat(LedgerDiff.parseLineKey("TIER:6:2026-10")).isNull();
        assertThat(LedgerDiff.parseLineKey("W:17:REQUEST")).isNull();
        assertThat(LedgerDiff.parseLineKey("L:TAOBAO:123:BUYER:PENDING:x.1:1")).isNull();
        assertThat(LedgerDiff.parseLineKey("L:TAOBAO:123:SELLER:PENDING:1.1:1")).isNull();
    }

    @Test
    void targetsPutEachPresentBeneficiarysShareInTheBucket() {
        Positions t = LedgerDiff.targets(ALL, SHARES, Bucket.PENDING);
        assertThat(t).isEqualTo(new LedgerDiff.Positions(2545, 0, 391, 0, 195, 0));
        Positions onlyBuyer = LedgerDiff.targets(BUYER_ONLY, new Shares(3916, 2545, 0, 0, 1371), Bucket.AVAILABLE);
        assertThat(onlyBuyer).isEqualTo(new LedgerDiff.Positions(0, 2545, 0, 0, 0, 0));
        assertThat(LedgerDiff.targets(null, Shares.unattributed(3916), Bucket.PENDING)).isEqualTo(LedgerDiff.Positions.none());
        assertThat(LedgerDiff.targets(ALL, SHARES, null)).isEqualTo(LedgerDiff.Positions.none());
    }

    @Test
    void firstPostingOfAPaidLine() {
        List<Posting> p = diff(PAID_V, 1, ALL, LedgerDiff.targets(ALL, SHARES, Bucket.PENDING), Positions.none());
        assertThat(p).containsExactly(
                new Posting("L:TAOBAO:123:BUYER:PENDING:1795585512000.1:1", Role.BUYER, Bucket.PENDING, 1, 2545),
                new Posting("L:TAOBAO:123:INVITER:PENDING:1795585512000.1:1", Role.INVITER, Bucket.PENDING, 2, 391),
                new Posting("L:TAOBAO:123:GRAND_INVITER:PENDING:1795585512000.1:1", Role.GRAND_INVITER, Bucket.PENDING, 3, 195));
    }

    @Test
    void noDifferenceNoPostings() {
        Positions target = LedgerDiff.targets(ALL, SHARES, Bucket.PENDING);
        Positions posted = Positions.none().plus(diff(PAID_V, 1, ALL, target, Positions.none()));
        assertThat(diff(PAID_V, 2, ALL, target, posted)).isEmpty();
        assertThat(diff(PAID_V, 1, null, Positions.none(), Positions.none())).isEmpty();
    }

    @Test
    void pendingToAvailableMoveIsTwoPostings() {
        Shares s = new Shares(3916, 2545, 0, 0, 1371);
        Positions posted = LedgerDiff.targets(BUYER_ONLY, s, Bucket.PENDING);
        List<Posting> p = diff(SETTLED_V, 2, BUYER_ONLY, LedgerDiff.targets(BUYER_ONLY, s, Bucket.AVAILABLE), posted);
        assertThat(p).containsExactly(
                new Posting("L:TAOBAO:123:BUYER:PENDING:1796004000000.3:2", Role.BUYER, Bucket.PENDING, 1, -2545),
                new Posting("L:TAOBAO:123:BUYER:AVAILABLE:1796004000000.3:2", Role.BUYER, Bucket.AVAILABLE, 1, 2545));
        assertThat(posted.plus(p)).isEqualTo(new LedgerDiff.Positions(0, 2545, 0, 0, 0, 0));
    }

    @Test
    void settlementWithADifferentIncomeMovesAndAdjustsAtOnce() {
        // pending 2545 / 391 / 195 (N 3916 estimated); settled N 3000 → 1950 / 300 / 150 available
        Positions posted = LedgerDiff.targets(ALL, SHARES, Bucket.PENDING);
        Positions target = LedgerDiff.targets(ALL, new Shares(3000, 1950, 300, 150, 600), Bucket.AVAILABLE);
        List<Posting> p = diff(SETTLED_V, 2, ALL, target, posted);
        assertThat(p).extracting(Posting::role, Posting::bucket, Posting::deltaFen).containsExactly(
                tuple(Role.BUYER, Bucket.PENDING, -2545L),
                tuple(Role.BUYER, Bucket.AVAILABLE, 1950L),
                tuple(Role.INVITER, Bucket.PENDING, -391L),
                tuple(Role.INVITER, Bucket.AVAILABLE, 300L),
                tuple(Role.GRAND_INVITER, Bucket.PENDING, -195L),
                tuple(Role.GRAND_INVITER, Bucket.AVAILABLE, 150L));
        assertThat(posted.plus(p)).isEqualTo(new LedgerDiff.Positions(0, 1950, 0, 300, 0, 150));
    }

    @Test
    void invalidClawsBackWhatWasAvailable() {
        Version invalidV = new Version(sh("2026-12-20 08:00:00"), 4);
        Positions posted = LedgerDiff.targets(ALL, SHARES, Bucket.AVAILABLE);
        List<Posting> p = diff(invalidV, 3, ALL, LedgerDiff.targets(ALL, new Shares(0, 0, 0, 0, 0), null), posted);
        assertThat(p).containsExactly(
                new Posting("L:TAOBAO:123:BUYER:AVAILABLE:" + invalidV.key() + ":3", Role.BUYER, Bucket.AVAILABLE, 1, -2545),
                new Posting("L:TAOBAO:123:INVITER:AVAILABLE:" + invalidV.key() + ":3", Role.INVITER, Bucket.AVAILABLE, 2, -391),
                new Posting("L:TAOBAO:123:GRAND_INVITER:AVAILABLE:" + invalidV.key() + ":3", Role.GRAND_INVITER, Bucket.AVAILABLE, 3, -195));
        assertThat(invalidV.key()).isEqualTo("1797724800000.4");
        assertThat(posted.plus(p)).isEqualTo(LedgerDiff.Positions.none());
    }

    @Test
    void refundAfterSettlementPostsOnlyTheReduction() {
        Positions posted = LedgerDiff.targets(BUYER_ONLY, new Shares(3916, 2545, 0, 0, 1371), Bucket.AVAILABLE);
        // N 3916 → 2916 after a 1000 fen refund: buyer 6500 bp of 2916 = 1895 (1895.4)
        Positions target = LedgerDiff.targets(BUYER_ONLY, new Shares(2916, 1895, 0, 0, 1021), Bucket.AVAILABLE);
        assertThat(diff(SETTLED_V, 3, BUYER_ONLY, target, posted)).containsExactly(
                new Posting("L:TAOBAO:123:BUYER:AVAILABLE:1796004000000.3:3", Role.BUYER, Bucket.AVAILABLE, 1, -650));
    }

    @Test
    void postingForARoleWithoutBeneficiaryIsRefused() {
        Positions target = LedgerDiff.targets(ALL, SHARES, Bucket.PENDING);
        assertThatThrownBy(() -> diff(PAID_V, 1, BUYER_ONLY, target, Positions.none()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("posting for INVITER of TAOBAO line 123 without a beneficiary");
    }

    @Test
    void positionsOnlyKnowPendingAndAvailable() {
        Positions p = new Positions(1, 2, 3, 4, 5, 6);
        assertThat(p.get(Role.BUYER, Bucket.PENDING)).isEqualTo(1);
        assertThat(p.get(Role.INVITER, Bucket.AVAILABLE)).isEqualTo(4);
        assertThat(p.get(Role.GRAND_INVITER, Bucket.AVAILABLE)).isEqualTo(6);
        for (Role role : Role.values()) {
            for (Bucket bucket : new Bucket[] {Bucket.PENDING, Bucket.AVAILABLE}) {
                Positions changed = p.with(role, bucket, 100);
                assertThat(changed.get(role, bucket)).isEqualTo(100);
                for (Role other : Role.values()) {
                    for (Bucket b : new Bucket[] {Bucket.PENDING, Bucket.AVAILABLE}) {
                        if (other != role || b != bucket) {
                            assertThat(changed.get(other, b)).as("%s %s untouched", other, b).isEqualTo(p.get(other, b));
                        }
                    }
                }
            }
        }
        assertThatThrownBy(() -> p.get(Role.BUYER, Bucket.WITHDRAWING))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lines only post to PENDING or AVAILABLE, not WITHDRAWING");
    }

    @Test
    void plusAddsPostingsWithoutTouchingTheOriginal() {
        Positions none = Positions.none();
        Positions after = none.plus(List.of(
                new Posting("k1", Role.INVITER, Bucket.AVAILABLE, 2, 391),
                new Posting("k2", Role.INVITER, Bucket.AVAILABLE, 2, -91)));
        assertThat(after.get(Role.INVITER, Bucket.AVAILABLE)).isEqualTo(300);
        assertThat(none).isEqualTo(LedgerDiff.Positions.none());
    }

    @Test
    void tierKeyFormat() {
        assertThat(LedgerDiff.tierKey(42, "2026-11", 1)).isEqualTo("TIER:42:2026-11");
        assertThat(LedgerDiff.tierKey(42, "2026-11", 0)).isEqualTo("TIER:42:2026-11");
        assertThat(LedgerDiff.tierKey(42, "2026-11", 2)).isEqualTo("TIER:42:2026-11:2");
        assertThat(LedgerDiff.tierKey(7, "2027-01", 13)).isEqualTo("TIER:7:2027-01:13");
    }

    @Test
    void aTierBonusPostsTheDesiredMinusThePostedAsTheNextRound() {
        // First close of 2026-11: S = 120000 fen earns 2400 fen, nothing posted yet.
        assertThat(LedgerDiff.tier(42, "2026-11", 2400, 0, 0))
                .isEqualTo(new LedgerDiff.TierPosting(2400, 2400, 1, "TIER:42:2026-11"));
        // A refund lowered the bonus to 1800 after 2400 was posted in round 1: claw back 600 in round 2.
        assertThat(LedgerDiff.tier(42, "2026-11", 1800, 2400, 1))
                .isEqualTo(new LedgerDiff.TierPosting(1800, -600, 2, "TIER:42:2026-11:2"));
        // A buyer who drops below every tier gives the whole bonus back.
        assertThat(LedgerDiff.tier(42, "2026-11", 0, 1800, 2))
                .isEqualTo(new LedgerDiff.TierPosting(0, -1800, 3, "TIER:42:2026-11:3"));
    }

    @Test
    void anUnchangedTierBonusPostsNothingAndKeepsItsRound() {
        LedgerDiff.TierPosting same = LedgerDiff.tier(42, "2026-11", 1800, 1800, 2);
        assertThat(same.posts()).isFalse();
        assertThat(same).isEqualTo(new LedgerDiff.TierPosting(1800, 0, 2, null));
    }
}
