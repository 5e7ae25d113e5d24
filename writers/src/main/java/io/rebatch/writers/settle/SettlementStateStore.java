package io.rebatch.writers.settle;

import io.rebatch.domain.Platform;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Reads and writes {@code line_settlement} rows in the chunk's transaction, together with the ledger postings
 * they record. The two halves of the double-posting guard live here:
 * <ul>
 *   <li>{@link #lockAndLoad} locks the chunk's {@code order_line} rows ({@code SELECT … FOR UPDATE}, in
 *       {@code line_seq} order so two writers can never deadlock on them) and only then reads each line with its
 *       refund and settlement state: what a chunk computes from is the committed state, not what the reader saw
 *       before another writer committed.</li>
 *   <li>{@link #write} is conditional: a new state is an INSERT (refused by the primary key if another writer
 *       inserted first), a changed state an UPDATE that names the {@code state_seq} it was computed from and bumps
 *       it. A write that matches no row means the state was stale: {@link StaleSettlementException}, the chunk's
 *       writes roll back and it is computed again.</li>
 * </ul>
 */
public class SettlementStateStore {
    /**
     * What settle's paging readers of line keys read: {@code KEY} of {@code LINES}, with {@code ONE_PLATFORM} as the
     * filter of {@code rerun --platform P} (named parameter {@code platform}). Every line ({@code --all}): sorted by
     * {@code KEY}. The lines due ({@link io.rebatch.domain.SettleDue}): filtered by {@code DUE_BY} (named parameter
     * {@code date}) and sorted by {@code DUE}, then {@code KEY} — a range scan of {@code idx_order_line_due}.
     */
    public static final String KEY = "line_seq";
    public static final String DUE = "due_on";
    public static final String LINES = "order_line";
    public static final String ONE_PLATFORM = "platform = :platform";
    public static final String DUE_BY = "due_on <= :date";
    /** The lines of one partition of a settle (named parameters {@code partition} and {@code partitions}). */
    public static final String ONE_PARTITION = "MOD(line_seq, :partitions) = :partition";

    /** A state to write for a line, and the stored state it was computed from (null: the line had none). */
    public record Row(Platform platform, String orderLineId, SettlementState state, SettlementState computedFrom) {
    }

    private static final String COLUMNS = "tried, method, buyer_id, buyer_level, inviter_id, grand_inviter_id,"
            + " unverified, attributed_on, income_fen, buyer_fen, inviter_fen, grand_inviter_fen, margin_fen, bucket,"
            + " buyer_pending_fen, buyer_available_fen, inviter_pending_fen, inviter_available_fen, grand_pending_fen,"
            + " grand_available_fen, revision, settled_on, held_reason, decided_binding_kind, decided_binding_value,"
            + " decided_click_id";
    private static final String INSERT = "INSERT INTO line_settlement (" + COLUMNS + ", state_seq, platform,"
            + " order_line_id) VALUES (" + "?, ".repeat(26) + "1, ?, ?)";
    private static final String UPDATE = "UPDATE line_settlement SET "
            + String.join(" = ?, ", COLUMNS.split(", ")) + " = ?, state_seq = state_seq + 1"
            + " WHERE platform = ? AND order_line_id = ? AND state_seq = ?";

    private final NamedParameterJdbcTemplate jdbc;

    public SettlementStateStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the lines of a chunk and reads them as committed now, in line_seq order. */
    public List<SettleItem> lockAndLoad(Collection<Long> lineSeqs) {
        if (lineSeqs.isEmpty()) {
            return List.of();
        }
        var params = new MapSqlParameterSource("seqs", lineSeqs);
        jdbc.query("SELECT line_seq FROM order_line WHERE line_seq IN (:seqs) ORDER BY line_seq FOR UPDATE", params,
                rs -> { });
        return jdbc.query("SELECT " + SettleRows.SELECT + " FROM " + SettleRows.FROM + " WHERE o.line_seq IN (:seqs)"
                + " ORDER BY o.line_seq", params, new SettleRows());
    }

    /** A line's new due date (its row is locked by {@link #lockAndLoad} in the same transaction). */
    public record Due(long lineSeq, LocalDate dueOn) {
    }

    /** Stores the lines' new due dates, in one batch. */
    public void reschedule(List<Due> dues) {
        if (dues.isEmpty()) {
            return;
        }
        List<Object[]> args = new ArrayList<>(dues.size());
        for (Due d : dues) {
            args.add(new Object[] {d.dueOn(), d.lineSeq()});
        }
        jdbc.getJdbcTemplate().batchUpdate("UPDATE order_line SET due_on = ? WHERE line_seq = ?", args);
    }

    /** Writes the states conditionally: {@link StaleSettlementException} when one was computed from a stale one. */
    public void write(List<Row> rows) {
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Row> updateRows = new ArrayList<>();
        for (Row r : rows) {
            Object[] values = values(r.state());
            if (r.computedFrom() == null) {
                Object[] a = java.util.Arrays.copyOf(values, values.length + 2);
                a[values.length] = r.platform().name();
                a[values.length + 1] = r.orderLineId();
                inserts.add(a);
            } else {
                Object[] a = java.util.Arrays.copyOf(values, values.length + 3);
                a[values.length] = r.platform().name();
                a[values.length + 1] = r.orderLineId();
                a[values.length + 2] = r.computedFrom().stateSeq();
                updateRows.add(r);
                updates.add(a);
            }
        }
        if (!inserts.isEmpty()) {
            try {
                jdbc.getJdbcTemplate().batchUpdate(INSERT, inserts);
            } catch (DuplicateKeyException e) {
                throw new StaleSettlementException("another writer settled one of these lines first", e);
            }
        }
        if (!updates.isEmpty()) {
            int[] counts = jdbc.getJdbcTemplate().batchUpdate(UPDATE, updates);
            for (int i = 0; i < counts.length; i++) {
                // Connector/J (also with rewriteBatchedStatements) and H2 report real counts for UPDATE batches;
                // anything but 1, SUCCESS_NO_INFO included, cannot prove the row matched and counts as stale.
                if (counts[i] != 1) {
                    Row r = updateRows.get(i);
                    throw new StaleSettlementException("the settlement state of " + r.platform() + " line "
                            + r.orderLineId() + " changed since it was read (state_seq "
                            + r.computedFrom().stateSeq() + ")", null);
                }
            }
        }
    }

    private static Object[] values(SettlementState s) {
        var b = s.beneficiaries();
        var p = s.posted();
        var d = s.decidedBy();
        return new Object[] {s.tried() ? 1 : 0, s.method() == null ? null : s.method().name(),
                b == null ? null : b.buyerId(), b == null ? null : b.buyerLevel().name(),
                b == null ? null : b.inviterId(), b == null ? null : b.grandInviterId(), s.unverified() ? 1 : 0,
                s.attributedOn(), s.shares().incomeFen(), s.shares().buyerFen(), s.shares().inviterFen(),
                s.shares().grandInviterFen(), s.shares().platformMarginFen(),
                s.bucket() == null ? null : s.bucket().name(), p.buyerPending(), p.buyerAvailable(), p.inviterPending(),
                p.inviterAvailable(), p.grandPending(), p.grandAvailable(), s.revision(),
                s.settledOn(), s.heldReason(), d == null ? null : d.bindingKind(), d == null ? null : d.bindingValue(),
                d == null ? null : d.clickId()};
    }
}
