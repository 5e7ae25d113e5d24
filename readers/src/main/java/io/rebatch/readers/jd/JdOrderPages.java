package io.rebatch.readers.jd;

import io.rebatch.readers.report.Envelopes;
import io.rebatch.readers.report.JsonRowFields;
import io.rebatch.readers.report.JsonTree;
import io.rebatch.readers.report.PageParseException;
import io.rebatch.readers.report.Paging;
import io.rebatch.readers.report.ParsedPage;
import io.rebatch.readers.report.PlatformError;
import io.rebatch.readers.report.ReportRow;
import io.rebatch.readers.report.RowFields;
import io.rebatch.readers.report.Values;
import io.rebatch.domain.BadInputException;
import io.rebatch.domain.BusinessTime;
import io.rebatch.domain.FieldLimits;
import io.rebatch.domain.LineStatus;
import io.rebatch.domain.jd.JdStatus;
import io.rebatch.domain.OrderLine;
import io.rebatch.domain.Platform;
import io.rebatch.domain.PlausibleTimes;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Parses one response body of {@code jd.union.open.order.row.query} and maps each {@code OrderRowResp} to the
 * canonical order line (platforms.md part A, JD table). The envelope is doubly encoded:
 * <pre>{"jd_union_open_order_row_query_responce":{"code":"0","queryResult":"{\"code\":200,\"hasMore\":false,\"data\":[…]}"}}</pre>
 * JD misspells {@code responce}; {@code …_response} is accepted too. {@code queryResult} is read as a second JSON
 * document (an object is accepted as well); its {@code data} may be null or absent on an empty page. A gateway
 * {@code error_response}, an outer {@code code} other than "0", or an inner {@code code} other than 200 is the page's
 * {@link PlatformError}.
 *
 * <p>Status by {@code validCode}: 16, 24 PAID; 17 RECEIVED, or SETTLED when {@code payMonth} ≠ 0; 18 SETTLED;
 * 15 not yet paid; every other code INVALID. settled_at is {@code payMonth} (yyyyMMdd) at 00:00 Asia/Shanghai, or
 * {@code finishTime} when {@code payMonth} is 0 with code 18. created_at = paid_at = {@code orderTime}.
 */
public final class JdOrderPages {
    static final String[] ENVELOPES = {"jd_union_open_order_row_query_responce", "jd_union_open_order_row_query_response"};

    private JdOrderPages() {
    }

    /**
     * One page of orders; an order whose orderTime, finishTime or modifyTime falls outside {@code times} (payMonth: only
     * before its start, being a planned date) is Rejected.
     *
     * @throws PageParseException if the body or its queryResult is not JSON, is truncated, or is not a JD order page
     */
    public static ParsedPage<JdPaging> parse(String body, String source, long lineNo, PlausibleTimes times) {
        Envelopes.Page page = Envelopes.page(body, "JD order page");
        if (page.failed()) {
            return ParsedPage.failed(JdErrors.envelope(page.error()));
        }
        JsonTree outer = page.tree();
        JsonNode root = page.root();
        JsonNode resp = Envelopes.envelope(root, ENVELOPES);
        String gatewayCode = Envelopes.text(resp, "code");
        if (gatewayCode != null && !gatewayCode.strip().equals("0")) {
            return ParsedPage.failed(new PlatformError(Platform.JD, gatewayCode.strip(), null, Envelopes.join(
                    Envelopes.text(resp, "zh_desc"), Envelopes.text(resp, "en_desc"), Envelopes.text(resp, "msg"))));
        }
        JsonNode qr = resp.get("queryResult");
        JsonTree inner;
        if (qr != null && qr.isString()) {
            inner = JsonTree.parse(qr.stringValue(), "JD queryResult");
        } else if (qr != null && qr.isObject()) {
            inner = outer;
        } else {
            throw new PageParseException("queryResult is " + (qr == null || qr.isNull() ? "missing" : "not a JSON string"));
        }
        JsonNode result = qr.isObject() ? qr : Envelopes.rootObject(inner);
        Long code = Envelopes.number(result, "code", "queryResult", null);
        if (code == null) {
            throw new PageParseException("queryResult has no code");
        }
        if (code != 200) {
            return ParsedPage.failed(new PlatformError(Platform.JD, String.valueOf(code), null,
                    Envelopes.join(Envelopes.text(result, "message"))));
        }
        JdPaging paging = new JdPaging(Envelopes.bool(result, "hasMore", "queryResult"));
        List<JsonNode> orders = Envelopes.plainList(result, "data", "queryResult");
        return ParsedPage.of(Envelopes.rows(inner, orders, source, lineNo,
                o -> map(new JsonRowFields(o), inner.raw(o), source, lineNo, times)), paging);
    }

    static ReportRow map(RowFields r, String raw, String source, long lineNo, PlausibleTimes times) {
        try {
            return toRow(r, source, lineNo, times);
        } catch (BadInputException e) {
            return new ReportRow.Rejected(source, lineNo, raw, e.getMessage());
        }
    }

    private static ReportRow toRow(RowFields r, String source, long lineNo, PlausibleTimes times) {
        String id = Values.requiredId(r, "id", FieldLimits.ORDER_LINE_ID);
        int code = Values.requiredInt(r, "validCode");
        if (JdStatus.of(code, false) == null) {
            return new ReportRow.SkippedUnpaid(source, lineNo, id);
        }
        LocalDate payMonth = Values.yyyymmdd(r, "payMonth");
        LineStatus status = JdStatus.of(code, payMonth != null);
        long paidAmount = Values.yuan(r, "estimateCosPrice");
        int rate = Values.percentBps(r, "commissionRate");
        long estimated = Values.yuan(r, "estimateFee");
        Long settled = status == LineStatus.SETTLED ? Values.yuan(r, "actualFee") : null;

        Instant ordered = Values.requireTime(Values.localTime(r, "orderTime"), r, "orderTime");
        Instant finished = Values.localTime(r, "finishTime");
        Instant settledAt = payMonth != null ? BusinessTime.startOf(payMonth) : code == 18 ? finished : null;
        if (status == LineStatus.SETTLED && settledAt == null) {
            throw new BadInputException("validCode 18 with payMonth 0 needs finishTime as the settlement time, but finishTime is missing");
        }
        Instant modified = Values.localTime(r, "modifyTime");
        Values.plausible(ordered, r, "orderTime", times);
        Values.plausible(finished, r, "finishTime", times);
        if (payMonth != null) {
            // payMonth is the planned payment date, weeks ahead by design: only the lower bound applies to it.
            Values.plausible(settledAt, r, "payMonth", new PlausibleTimes(times.earliest(), null));
        }
        Values.plausible(modified, r, "modifyTime", times);
        if (modified == null) {
            modified = Values.latest(ordered, finished, settledAt);
        }
        return new ReportRow.Snapshot(source, lineNo, new OrderLine(
                Platform.JD, id, Values.id(r, "orderId", FieldLimits.PARENT_ORDER_ID),
                Values.requiredId(r, "skuId", FieldLimits.ITEM_ID), Values.title(r, "skuName"),
                Values.quantity(r, "skuNum"), paidAmount, rate, estimated, settled, status,
                ordered, ordered, finished, settledAt, modified,
                Values.trackingId(r, "positionId", FieldLimits.PID), null, null,
                Values.trackingText(r.label("subUnionId"), r.id("subUnionId"), FieldLimits.SUB_UNION_ID), null,
                FieldLimits.source(source, lineNo)));
    }
}
