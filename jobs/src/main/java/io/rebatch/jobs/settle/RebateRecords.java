package io.rebatch.jobs.settle;

import io.rebatch.domain.OrderLine;
import io.rebatch.domain.Role;
import io.rebatch.writers.rebates.RebateRecordStore.RebateRecord;
import io.rebatch.writers.rebates.RebateRecordStore.Status;
import io.rebatch.writers.settle.SettleItem;
import io.rebatch.writers.settle.SettlementState;
import java.util.ArrayList;
import java.util.List;

/**
 * A line's rebate records (SPEC 8 "my rebate records", table {@code rebate_record}) and which of them a settle
 * chunk must write, so that the cost of keeping them follows change: a rerun in which nothing changed writes none.
 *
 * <p><b>Records are a pure function</b> of the line's settlement state (beneficiaries, shares, bucket) and three
 * fields of its stored snapshot ({@link SettleItem.LineFields}: item title, created and settled time). Every
 * record is written from exactly that, in the transaction that writes the state it was computed from (and the V7
 * migration filled the table from the states and lines of the time). So the stored records are always
 * {@code of(storedState, fieldsTheyCarry)}, and a chunk knows what is stored without reading every record: the
 * settle query joins the line's BUYER record (present whenever the line has a beneficiary) for the fields it
 * carries. {@link #toWrite} compares {@code of(newState, line's fields now)} with {@code of(oldState, recorded
 * fields)} and returns only the records that differ: a changed share or bucket rewrites that role's record, a new
 * snapshot that changed the title or settled time (PAID → SETTLED inside the freeze period with the same income:
 * same state, new {@code settled_at}) rewrites the line's records, and a state write that changes nothing a
 * record shows (a held reason, a posting revision) writes none.
 *
 * <p>Why not a "snapshot last evaluated" column in {@code line_settlement}: it would rewrite the state and every
 * record on each new snapshot version even when no field a record shows moved (PAID → RECEIVED), and it could not
 * see an equal-version snapshot that overwrote the title (SPEC 2.1 "last import wins"). Comparing the fields
 * themselves costs one primary-key join per line in the query the chunk runs anyway, and heals itself: a line
 * whose BUYER record is missing gets all its records written again.
 */
final class RebateRecords {
    private RebateRecords() {
    }

    /** The records of a line in state {@code state} showing {@code fields}: one per role with a beneficiary. */
    static List<RebateRecord> of(OrderLine line, SettleItem.LineFields fields, SettlementState state) {
        if (state == null || state.beneficiaries() == null) {
            return List.of();
        }
        var b = state.beneficiaries();
        var s = state.shares();
        Status status = Status.of(state.bucket());
        List<RebateRecord> out = new ArrayList<>(3);
        for (Role role : Role.values()) {
            Long user = b.userFor(role);
            if (user == null) {
                continue;
            }
            long amountFen = switch (role) {
                case BUYER -> s.buyerFen();
                case INVITER -> s.inviterFen();
                case GRAND_INVITER -> s.grandInviterFen();
            };
            out.add(new RebateRecord(line.platform(), line.orderLineId(), role, user, b.buyerId(), status, amountFen,
                    fields.itemTitle(), fields.createdAt(), fields.settledAt()));
        }
        return out;
    }

    /**
     * The records to write for {@code item} once its state is {@code next}: those of {@code of(next, line now)}
     * that the stored records ({@code of(item's stored state, fields its BUYER record carries)}, none when that
     * record is missing) do not already equal.
     */
    static List<RebateRecord> toWrite(SettleItem item, SettlementState next) {
        List<RebateRecord> desired = of(item.line(), SettleItem.LineFields.of(item.line()), next);
        if (desired.isEmpty() || item.recorded() == null) {
            return desired;
        }
        List<RebateRecord> stored = of(item.line(), item.recorded(), item.state());
        List<RebateRecord> out = new ArrayList<>(desired.size());
        for (RebateRecord r : desired) {
            if (!stored.contains(r)) {
                out.add(r);
            }
        }
        return out;
    }
}
