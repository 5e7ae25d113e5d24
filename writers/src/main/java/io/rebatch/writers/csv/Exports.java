package io.rebatch.writers.csv;

import io.rebatch.domain.Attribution;
import io.rebatch.domain.BusinessTime;
import io.rebatch.domain.Level;
import io.rebatch.domain.LineSettlement;
import io.rebatch.domain.OrderLine;
import io.rebatch.domain.Refund;
import io.rebatch.domain.RuleSets;
import io.rebatch.writers.jdbc.SqlTime;
import io.rebatch.writers.orders.OrderLineRows;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The exports of SPEC 10: UTF-8 CSV (RFC 4180, CRLF) with a header row, sorted by their first columns, streamed from the
 * database (never a whole table in memory) and written atomically. {@code export lines} recomputes each
 * line's income and shares from the stored snapshot, the latest refund and the locked attribution with the
 * same domain rules as settle, so it always shows the line as the rules make it.
 *
 * <p>Every text field goes through {@link #text(String)} (formula neutralisation, SPEC 10); ids and amounts are
 * written as they are stored, never altered: numbers are passed as numbers, string ids through {@link #id(String)}.
 * A line the rules cannot evaluate (e.g. no rule set in force on its rule date) is written as {@code HELD} with
 * zero amounts (SPEC 9) instead of failing the export. Nothing here logs a raw report row.
 */
public class Exports {
    private static final Logger log = LoggerFactory.getLogger(Exports.class);
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT;

    /** The status {@code export lines} shows for a line that carries no money because it cannot be settled. */
    public static final String HELD = "HELD";

    private final JdbcTemplate streaming;

    /** @param streaming a template whose queries stream (see {@link io.rebatch.writers.jdbc.Streaming}) */
    public Exports(JdbcTemplate streaming) {
        this.streaming = streaming;
    }

    /**
     * A text field as a spreadsheet may open it safely: a leading {@code = + - @}, tab or carriage return gets a
     * leading {@code '} so the cell is never run as a formula (SPEC 10). Only for text, never for ids or amounts.
     */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
            default -> value;
        };
    }

    /** An id as stored: ids are opaque, validated at import, and never altered by an export. */
    static String id(String value) {
        return value == null ? "" : value;
    }

    public long balances(Path out) {
        AtomicLong rows = new AtomicLong();
        AtomicFile.write(out, StandardCharsets.UTF_8, w -> {
            CSVPrinter csv = new CSVPrinter(w, FORMAT);
            csv.printRecord("user_id", "pending_fen", "available_fen", "withdrawing_fen", "paid_fen");
            streaming.query("SELECT user_id, pending_fen, available_fen, withdrawing_fen, paid_fen FROM user_balance"
                    + " ORDER BY user_id", rs -> {
                        print(csv, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
                        rows.incrementAndGet();
                    });
            csv.flush();
        });
        return rows.get();
    }

    /**
     * {@code export withdrawals}: {@code withdrawal_id,user_id,amount_fen,status,batch_no,transfer_no,reason} by id.
     * No payee column: payee data leaves rebatch only in payout files.
     */
    public long withdrawals(Path out) {
        AtomicLong rows = new AtomicLong();
        AtomicFile.write(out, StandardCharsets.UTF_8, w -> {
            CSVPrinter csv = new CSVPrinter(w, FORMAT);
            csv.printRecord("withdrawal_id", "user_id", "amount_fen", "status", "batch_no", "transfer_no", "reason");
            streaming.query("SELECT withdrawal_id, user_id, amount_fen, status, batch_no, transfer_no, reason"
                    + " FROM withdrawal ORDER BY withdrawal_id", rs -> {
                        String batch = rs.getString(5);
                        print(csv, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                                batch == null ? "" : batch.strip(), id(rs.getString(6)), text(rs.getString(7)));
                        rows.incrementAndGet();
                    });
            csv.flush();
        });
        return rows.get();
    }

    public long lines(Path out, RuleSets ruleSets) {
        AtomicLong rows = new AtomicLong();
        AtomicLong held = new AtomicLong();
        AtomicFile.write(out, StandardCharsets.UTF_8, w -> {
            CSVPrinter csv = new CSVPrinter(w, FORMAT);
            csv.printRecord("platform", "order_line_id", "status", "user_id", "method", "income_fen", "buyer_fen",
                    "inviter_fen", "grand_inviter_fen", "platform_margin_fen");
            streaming.query("SELECT o.*, s.method, s.buyer_id, s.buyer_level, s.inviter_id, s.grand_inviter_id,"
                    + " r.refund_status, r.refund_fen, r.modified_at AS refund_modified_at"
                    + " FROM order_line o"
                    + " LEFT JOIN line_settlement s ON s.platform = o.platform AND s.order_line_id = o.order_line_id"
                    + " LEFT JOIN refund_snapshot r ON r.platform = o.platform AND r.order_line_id = o.order_line_id"
                    + " ORDER BY o.platform, o.order_line_id", rs -> {
                        String method = rs.getString("method");
                        String userId = method == null ? "" : Long.toString(rs.getLong("buyer_id"));
                        LineSettlement.Outcome o;
                        OrderLine line;
                        try {
                            line = OrderLineRows.map(rs);
                            Refund refund = rs.getObject("refund_status") == null ? null
                                    : new Refund(line.orderLineId(), rs.getInt("refund_status"), rs.getLong("refund_fen"),
                                            SqlTime.instant(rs, "refund_modified_at"), "");
                            Attribution.Beneficiaries b = method == null ? null
                                    : new Attribution.Beneficiaries(rs.getLong("buyer_id"),
                                            Level.valueOf(rs.getString("buyer_level")),
                                            SqlTime.nullableLong(rs, "inviter_id"),
                                            SqlTime.nullableLong(rs, "grand_inviter_id"));
                            // The bucket does not matter here; any date gives the same shares.
                            o = LineSettlement.evaluate(line, refund, ruleSets, b, LocalDate.MIN);
                        } catch (RuntimeException e) {
                            // SPEC 9: a line that cannot be settled is held, carries no money, and the rest goes on.
                            log.warn("export lines: line held platform={} order_line_id={} reason={}",
                                    rs.getString("platform"), rs.getString("order_line_id"), e.getMessage());
                            held.incrementAndGet();
                            print(csv, text(rs.getString("platform")), id(rs.getString("order_line_id")), HELD,
                                    userId, text(method), 0L, 0L, 0L, 0L, 0L);
                            rows.incrementAndGet();
                            return;
                        }
                        print(csv, text(line.platform().name()), id(line.orderLineId()), text(line.status().name()),
                                userId, text(method), o.shares().incomeFen(), o.shares().buyerFen(),
                                o.shares().inviterFen(), o.shares().grandInviterFen(), o.shares().platformMarginFen());
                        rows.incrementAndGet();
                    });
            csv.flush();
        });
        if (held.get() > 0) {
            log.warn("export lines: held={} of lines={} (see the warnings above for each line and reason)", held.get(),
                    rows.get());
        }
        return rows.get();
    }

    /**
     * {@code source,line_no,reason,raw} of every quarantined row, sorted by source and line, optionally only those
     * quarantined on or after the start of business date {@code since} (Asia/Shanghai). The raw text stays one CSV
     * field (quoted, newlines included).
     */
    public long quarantine(Path out, LocalDate since) {
        AtomicLong rows = new AtomicLong();
        AtomicFile.write(out, StandardCharsets.UTF_8, w -> {
            CSVPrinter csv = new CSVPrinter(w, FORMAT);
            csv.printRecord("source", "line_no", "reason", "raw");
            StringBuilder sql = new StringBuilder("SELECT source, line_no, reason, raw_text FROM quarantine");
            List<Object> args = new ArrayList<>();
            if (since != null) {
                sql.append(" WHERE created_at >= ?");
                args.add(SqlTime.utc(BusinessTime.startOf(since)));
            }
            sql.append(" ORDER BY source, line_no, quarantine_id");
            streaming.query(sql.toString(), (ResultSet rs) -> {
                print(csv, text(rs.getString(1)), rs.getLong(2), text(rs.getString(3)), text(rs.getString(4)));
                rows.incrementAndGet();
            }, args.toArray());
            csv.flush();
        });
        return rows.get();
    }

    private static void print(CSVPrinter csv, Object... values) {
        try {
            csv.printRecord(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
