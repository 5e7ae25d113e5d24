package io.rebatch.writers.settle;

import io.rebatch.domain.Attribution;
import io.rebatch.domain.AttributionLock;
import io.rebatch.domain.AttributionMethod;
import io.rebatch.domain.Bucket;
import io.rebatch.domain.LedgerDiff;
import io.rebatch.domain.ShareSplit;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A row of {@code line_settlement}: the locked attribution (method, beneficiaries, level, and the binding or click
 * that decided it — null when attributed before that was recorded), the shares and bucket
 * of the last evaluation, what is posted per role and bucket, the posting revision, why the line is held (null
 * when it settles) and {@code stateSeq}, the version of the stored row this state was read as — a write names it,
 * and the database refuses the write when the stored row has moved on.
 */
public record SettlementState(boolean tried, AttributionMethod method, Attribution.Beneficiaries beneficiaries,
                              boolean unverified, LocalDate attributedOn, Attribution.Evidence decidedBy,
                              ShareSplit.Shares shares, Bucket bucket,
                              LedgerDiff.Positions posted, int revision, LocalDate settledOn, String heldReason,
                              long stateSeq) {

    /** The line's attribution as stored (SPEC 4: locked once made). */
    public AttributionLock attribution() {
        return new AttributionLock(method, beneficiaries, unverified, attributedOn, decidedBy);
    }

    /** Same content, ignoring the date of the run that wrote it and the stored row's version. */
    public boolean sameAs(SettlementState o) {
        return o != null && tried == o.tried && method == o.method && Objects.equals(beneficiaries, o.beneficiaries)
                && unverified == o.unverified && Objects.equals(attributedOn, o.attributedOn)
                && Objects.equals(decidedBy, o.decidedBy)
                && Objects.equals(shares, o.shares) && bucket == o.bucket
                && posted.equals(o.posted) && revision == o.revision && Objects.equals(heldReason, o.heldReason);
    }
}
