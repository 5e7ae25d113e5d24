package io.rebatch.writers.csv;

import io.rebatch.domain.Attribution;
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
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The exports of SPEC 10: UTF-8 CSV (RFC 4180, CRLF) with a header row, sorted by their first columns, streamed from the
 * database (never a whole table in memory) and written atomically. {@code export lines} recomputes each
 * line's income and shares from the stored snapshot, the latest refund and the locked attribution with the
 * same domain rules as settle, so it always shows the line as the rules make it.
 */
public class Exports {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT;

    private final JdbcTemplate streaming;

    /** @param streaming a template whose queries stream (see {@link io.rebatch.writers.jdbc.Streaming}) */
    public Exports(JdbcTemplate streaming) {
        this.streaming = streaming;
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

    public long lines(Path out, RuleSets ruleSets) {
        AtomicLong rows = new AtomicLong();
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
                        OrderLine line = OrderLineRows.map(rs);
                        Refund refund = rs.getObject("refund_status") == null ? null
                                : new Refund(line.orderLineId(), rs.getInt("refund_status"), rs.getLong("refund_fen"),
                                        SqlTime.instant(rs, "refund_modified_at"), "");
                        String method = rs.getString("method");
                        Attribution.Beneficiaries b = method == null ? null
                                : new Attribution.Beneficiaries(rs.getLong("buyer_id"),
                                        Level.valueOf(rs.getString("buyer_level")), SqlTime.nullableLong(rs, "inviter_id"),
                                        SqlTime.nullableLong(rs, "grand_inviter_id"));
                        // The bucket does not matter here; any date gives the same shares.
                        LineSettlement.Outcome o = LineSettlement.evaluate(line, refund, ruleSets, b, LocalDate.MIN);
                        print(csv, line.platform().name(), line.orderLineId(), line.status().name(),
                                b == null ? "" : b.buyerId(), method == null ? "" : method, o.shares().incomeFen(),
                                o.shares().buyerFen(), o.shares().inviterFen(), o.shares().grandInviterFen(),
                                o.shares().platformMarginFen());
                        rows.incrementAndGet();
                    });
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
