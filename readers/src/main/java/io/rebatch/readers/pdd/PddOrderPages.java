package io.rebatch.readers.pdd;

import io.rebatch.readers.report.PageParseException;
import io.rebatch.readers.report.Envelopes;
import io.rebatch.readers.report.JsonRowFields;
import io.rebatch.readers.report.JsonTree;
import io.rebatch.readers.report.Paging;
import io.rebatch.readers.report.ParsedPage;
import io.rebatch.readers.report.ReportRow;
import io.rebatch.readers.report.RowFields;
import io.rebatch.readers.report.Values;
import io.rebatch.domain.BadInputException;
import io.rebatch.domain.FieldLimits;
import io.rebatch.domain.LineStatus;
import io.rebatch.domain.pdd.PddStatus;
import io.rebatch.domain.OrderLine;
import io.rebatch.domain.Platform;
import io.rebatch.domain.PlausibleTimes;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Parses one response body of {@code pdd.ddk.order.list.increment.get} or {@code …range.get}
 * ({@code {"order_list_get_response":{"order_list":[…],"total_count":N}}}) and maps each order to the canonical
 * order line (platforms.md part A, Pinduoduo table): amounts are fen, {@code promotion_rate} per-mille, times epoch
 * seconds (null or 0 = missing); estimated = settled income = {@code promotion_amount}; item is {@code goods_id},
 * or {@code goods_sign} when {@code goods_id} is absent; custom_uid is the {@code uid} member of the JSON object in
 * {@code custom_parameters} ({@code ""}, {@code "-1"} or non-JSON mean none). A PDD {@code error_response} is the
 * page's {@link PlatformError}.
 *
 * <p>Status by {@code order_status}: 0, 1 PAID; 2, 3 RECEIVED; 5 SETTLED; 4, 8, 10 INVALID; -1 not yet paid; any
 * other code is bad input (one public source uses a contradicting mapping; a code we do not know is never guessed).
 */
public final class PddOrderPages {
    static final String ENVELOPE = "order_list_get_response";

    private PddOrderPages() {
    }

    /**
     * One page of orders; an order whose create, pay, receive, settle or modify time falls outside {@code times} is
     * Rejected.
     *
     * @throws PageParseException if the body is not JSON, truncated, or not a PDD order page
     */
    public static ParsedPage<PddPaging> parse(String body, String source, long lineNo, PlausibleTimes times) {
        Envelopes.Page page = Envelopes.page(body, "PDD order page");
        if (page.failed()) {
            return ParsedPage.failed(PddErrors.envelope(page.error()));
        }
        JsonTree tree = page.tree();
        JsonNode root = page.root();
        JsonNode resp = Envelopes.envelope(root, ENVELOPE);
        PddPaging paging = new PddPaging(
                Envelopes.number(resp, "total_count", "response", null),
                Envelopes.text(resp, "last_order_id"));
        List<JsonNode> orders = Envelopes.plainList(resp, "order_list", "response");
        return ParsedPage.of(Envelopes.rows(tree, orders, source, lineNo,
                o -> map(new JsonRowFields(o), tree.raw(o), source, lineNo, times)), paging);
    }

    static ReportRow map(RowFields r, String raw, String source, long lineNo, PlausibleTimes times) {
        try {
            return toRow(r, source, lineNo, times);
        } catch (BadInputException e) {
            return new ReportRow.Rejected(source, lineNo, raw, e.getMessage());
        }
    }

    private static ReportRow toRow(RowFields r, String source, long lineNo, PlausibleTimes times) {
        String id = Values.requiredId(r, "order_sn", FieldLimits.ORDER_LINE_ID);
        int code = Values.requiredInt(r, "order_status");
        LineStatus status = PddStatus.of(code);
        if (status == null) {
            return new ReportRow.SkippedUnpaid(source, lineNo, id);
        }
        long paidAmount = Values.fen(r, "order_amount");
        int rate = Values.perMilleBps(r, "promotion_rate");
        long promotion = Values.fen(r, "promotion_amount");

        Instant created = Values.requireTime(Values.epochSeconds(r, "order_create_time"), r, "order_create_time");
        // An order closed without ever being paid is still a line: INVALID, no money.
        Instant paid = status == LineStatus.INVALID ? Values.epochSeconds(r, "order_pay_time")
                : Values.requireTime(Values.epochSeconds(r, "order_pay_time"), r, "order_pay_time");
        Instant received = Values.epochSeconds(r, "order_receive_time");
        Instant settledAt = Values.epochSeconds(r, "order_settle_time");
        if (status == LineStatus.SETTLED) {
            Values.requireTime(settledAt, r, "order_settle_time");
        }
        Instant modified = Values.epochSeconds(r, "order_modify_at");
        Values.plausible(created, r, "order_create_time", times);
        Values.plausible(paid, r, "order_pay_time", times);
        Values.plausible(received, r, "order_receive_time", times);
        Values.plausible(settledAt, r, "order_settle_time", times);
        Values.plausible(modified, r, "order_modify_at", times);
        if (modified == null) {
            modified = Values.latest(created, paid, received, settledAt);
        }
        String item = Values.id(r, "goods_id", FieldLimits.ITEM_ID);
        if (item == null) {
            item = Values.id(r, "goods_sign", FieldLimits.ITEM_ID);
        }
        if (item == null) {
            throw new BadInputException("goods_id and goods_sign are missing");
        }
        return new ReportRow.Snapshot(source, lineNo, new OrderLine(
                Platform.PDD, id, id, item, Values.title(r, "goods_name"),
                Values.quantity(r, "goods_quantity"), paidAmount, rate, promotion,
                status == LineStatus.SETTLED ? promotion : null, status,
                created, paid, received, settledAt, modified,
                Values.trackingId(r, "p_id", FieldLimits.PID), null, null, null,
                Values.trackingText("custom_parameters uid", customUid(r.text("custom_parameters")), FieldLimits.CUSTOM_UID),
                FieldLimits.source(source, lineNo)));
    }

    /**
     * The {@code uid} member of {@code custom_parameters} when it is a JSON object; {@code ""}, {@code "-1"},
     * non-JSON, a JSON value that is not an object, or an object without a usable uid mean none (null).
     */
    static String customUid(String customParameters) {
        if (customParameters == null) {
            return null;
        }
        String t = customParameters.strip();
        if (!t.startsWith("{")) {
            return null;
        }
        try {
            JsonNode root = JsonTree.parse(t, "custom_parameters").root();
            JsonNode uid = root.get("uid");
            if (uid == null || uid.isContainer()) {
                return null;
            }
            return Values.cleanId(JsonRowFields.text(uid, "uid"));
        } catch (BadInputException e) {
            return null;
        }
    }
}
