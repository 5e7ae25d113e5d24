package io.rebatch.jobs.settle;

import io.rebatch.domain.Platform;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Writes {@code line_settlement} rows, in the chunk's transaction together with the ledger postings they record. */
class SettlementStateStore {
    record Row(Platform platform, String orderLineId, SettlementState state) {
    }

    private static final String UPSERT = "INSERT INTO line_settlement (platform, order_line_id, tried, method, buyer_id,"
            + " buyer_level, inviter_id, grand_inviter_id, unverified, attributed_on, income_fen, buyer_fen, inviter_fen,"
            + " grand_inviter_fen, margin_fen, bucket, buyer_pending_fen, buyer_available_fen, inviter_pending_fen,"
            + " inviter_available_fen, grand_pending_fen, grand_available_fen, revision, settled_on)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
            + " tried = VALUES(tried), method = VALUES(method), buyer_id = VALUES(buyer_id),"
            + " buyer_level = VALUES(buyer_level), inviter_id = VALUES(inviter_id),"
            + " grand_inviter_id = VALUES(grand_inviter_id), unverified = VALUES(unverified),"
            + " attributed_on = VALUES(attributed_on), income_fen = VALUES(income_fen), buyer_fen = VALUES(buyer_fen),"
            + " inviter_fen = VALUES(inviter_fen), grand_inviter_fen = VALUES(grand_inviter_fen),"
            + " margin_fen = VALUES(margin_fen), bucket = VALUES(bucket), buyer_pending_fen = VALUES(buyer_pending_fen),"
            + " buyer_available_fen = VALUES(buyer_available_fen), inviter_pending_fen = VALUES(inviter_pending_fen),"
            + " inviter_available_fen = VALUES(inviter_available_fen), grand_pending_fen = VALUES(grand_pending_fen),"
            + " grand_available_fen = VALUES(grand_available_fen), revision = VALUES(revision),"
            + " settled_on = VALUES(settled_on)";

    private final JdbcTemplate jdbc;

    SettlementStateStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void upsert(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<Object[]> args = new ArrayList<>(rows.size());
        for (Row r : rows) {
            SettlementState s = r.state();
            var b = s.beneficiaries();
            long[] p = s.posted().fen();
            args.add(new Object[] {r.platform().name(), r.orderLineId(), s.tried() ? 1 : 0,
                    s.method() == null ? null : s.method().name(), b == null ? null : b.buyerId(),
                    b == null ? null : b.buyerLevel().name(), b == null ? null : b.inviterId(),
                    b == null ? null : b.grandInviterId(), s.unverified() ? 1 : 0, s.attributedOn(),
                    s.shares().incomeFen(), s.shares().buyerFen(), s.shares().inviterFen(), s.shares().grandInviterFen(),
                    s.shares().platformMarginFen(), s.bucket() == null ? null : s.bucket().name(),
                    p[0], p[1], p[2], p[3], p[4], p[5], s.revision(), s.settledOn()});
        }
        jdbc.batchUpdate(UPSERT, args);
    }
}
