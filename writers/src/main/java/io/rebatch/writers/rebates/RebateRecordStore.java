package io.rebatch.writers.rebates;

import io.rebatch.domain.Bucket;
import io.rebatch.domain.Platform;
import io.rebatch.domain.Role;
import io.rebatch.writers.jdbc.SqlTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes {@code rebate_record}, the app's "my rebate records" read model (SPEC 8): one row per order line and role
 * with a beneficiary, what that user gets from the line and where it stands. It is written only by the settle job,
 * in the chunk transaction that writes the line's settlement state and ledger postings, so a reader never sees a
 * record that disagrees with the ledger and a crash never leaves it half-updated.
 *
 * <p>This class only stores what it is given, with one batched upsert per call; deciding <em>which</em> records
 * changed (so that a rerun that changes nothing writes nothing) is the settle job's business. Rows are sent in
 * primary-key order so that two writers can never deadlock on them. It never deletes: a line's beneficiaries are
 * locked once attributed (SPEC 4), so the set of roles of a line only ever grows from none.
 */
public class RebateRecordStore {
    /** Where a record stands: the line's bucket, or INVALID when it has none (cancelled, refunded). */
    public enum Status {
        PENDING, AVAILABLE, INVALID;

        public static Status of(Bucket bucket) {
            if (bucket == null) {
                return INVALID;
            }
            return switch (bucket) {
                case PENDING -> PENDING;
                case AVAILABLE -> AVAILABLE;
                case WITHDRAWING, PAID -> throw new IllegalArgumentException("line money never sits in " + bucket);
            };
        }
    }

    /** One row of {@code rebate_record}; {@code createdAt}, {@code settledAt} and {@code itemTitle} are the line's. */
    public record RebateRecord(Platform platform, String orderLineId, Role role, long userId, long buyerId,
                               Status status, long amountFen, String itemTitle, Instant createdAt, Instant settledAt) {
    }

    static final String UPSERT = "INSERT INTO rebate_record (platform, order_line_id, role, user_id, buyer_id, status,"
            + " amount_fen, item_title, created_at, settled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON DUPLICATE KEY UPDATE user_id = VALUES(user_id), buyer_id = VALUES(buyer_id), status = VALUES(status),"
            + " amount_fen = VALUES(amount_fen), item_title = VALUES(item_title), created_at = VALUES(created_at),"
            + " settled_at = VALUES(settled_at)";

    private static final Comparator<RebateRecord> KEY_ORDER = Comparator.comparing((RebateRecord r) -> r.platform().name())
            .thenComparing(RebateRecord::orderLineId).thenComparing(r -> r.role().name());

    private final JdbcTemplate jdbc;

    public RebateRecordStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts or overwrites the given records in the caller's transaction, with one JDBC batch.
     *
     * @return how many records were sent (0 when the list is empty: then nothing reaches the database)
     */
    public int upsert(List<RebateRecord> records) {
        if (records.isEmpty()) {
            return 0;
        }
        List<RebateRecord> sorted = new ArrayList<>(records);
        sorted.sort(KEY_ORDER);
        List<Object[]> args = new ArrayList<>(sorted.size());
        for (RebateRecord r : sorted) {
            args.add(new Object[] {r.platform().name(), r.orderLineId(), r.role().name(), r.userId(), r.buyerId(),
                    r.status().name(), r.amountFen(), r.itemTitle(), SqlTime.utc(r.createdAt()), SqlTime.utc(r.settledAt())});
        }
        jdbc.batchUpdate(UPSERT, args);
        return sorted.size();
    }

    /** The records of one user, newest first (tests and tools; the REST layer pages with its own keyset query). */
    public List<RebateRecord> forUser(long userId) {
        return jdbc.query("SELECT * FROM rebate_record WHERE user_id = ? ORDER BY created_at DESC, platform DESC,"
                + " order_line_id DESC, role DESC", (rs, n) -> new RebateRecord(new Platform(rs.getString("platform")),
                rs.getString("order_line_id"), Role.valueOf(rs.getString("role")), rs.getLong("user_id"),
                rs.getLong("buyer_id"), Status.valueOf(rs.getString("status")), rs.getLong("amount_fen"),
                rs.getString("item_title"), SqlTime.instant(rs, "created_at"), SqlTime.instant(rs, "settled_at")), userId);
    }
}
