package io.rebatch.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A line's attribution as it stands (SPEC §4: "An attribution, once made, never moves to another user"): the
 * method, the beneficiaries and buyer level locked when it was made, the unverified flag, the business date of the
 * run that made it and the binding or click that decided it. {@link #NONE} is an unattributed line.
 *
 * <p>This is the one home of the lock: {@link #dueTry} says whether a run tries to attribute the line at all, and
 * {@link #after} what the line carries once a run has tried. A locked attribution is never retried and never
 * replaced, whatever a later run finds (a new binding, a newer click, a changed inviter).
 */
public record AttributionLock(AttributionMethod method, Attribution.Beneficiaries beneficiaries, boolean unverified,
                              LocalDate attributedOn, Attribution.Evidence decidedBy) {
    /** An unattributed line. */
    public static final AttributionLock NONE = new AttributionLock(null, null, false, null, null);

    /** Whether an attribution has been made (and is therefore locked). */
    public boolean locked() {
        return method != null;
    }

    /**
     * Whether a run on {@code businessDate} tries to attribute the line: never once locked; otherwise as
     * {@link Attribution#shouldTry} says (first sight, then while the line is young enough).
     */
    public boolean dueTry(boolean triedBefore, Instant createdAt, LocalDate businessDate) {
        return !locked() && Attribution.shouldTry(triedBefore, createdAt, businessDate);
    }

    /**
     * What the line carries after a run on {@code businessDate} found {@code found} (null: nothing found, or not
     * tried): a locked attribution stays exactly as it is; an unattributed line takes what was found, dated
     * {@code businessDate}.
     */
    public AttributionLock after(Attribution.Result found, LocalDate businessDate) {
        if (locked() || found == null) {
            return this;
        }
        return new AttributionLock(found.method(), found.beneficiaries(), found.unverified(), businessDate,
                found.decidedBy());
    }
}
