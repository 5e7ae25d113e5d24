package io.rebatch.readers.taobao;

import io.rebatch.readers.report.ReportRow;
import io.rebatch.readers.report.RowFields;
import io.rebatch.readers.report.Values;
import io.rebatch.domain.BadInputException;
import io.rebatch.domain.FieldLimits;
import io.rebatch.domain.LineStatus;
import io.rebatch.domain.taobao.TaobaoStatus;
import io.rebatch.domain.OrderLine;
import io.rebatch.domain.Platform;
import io.rebatch.domain.PlausibleTimes;
import java.time.Instant;
import java.util.Map;

/**
 * Taobao's order row (API {@code publisher_order_dto} or back-office export record) to the canonical order line,
 * exactly as platforms.md part A's Taobao table says. Shared by {@link TaobaoOrderPages} and {@link TaobaoExportCsv}:
 * the two differ only in where the status comes from (a {@code tk_status} code or the export's Chinese text) and in
 * field names, which {@link RowFields} hides.
 *
 * <p>Income: estimated = {@code pub_share_pre_fee − alimama_share_fee}; settled (SETTLED only) =
 * {@code pub_share_fee − alimama_share_fee}; a negative difference is bad input. modified_at is
 * {@code modified_time}, or the latest time present in the row when it has none (the export never has one).
 */
final class TaobaoOrderMapping {

    /** Reads a row's status; null means "not yet paid" (counted, never stored). */
    @FunctionalInterface
    interface StatusReader {
        LineStatus read(RowFields row);
    }

    /** {@code tk_status} codes (API pages). */
    static final StatusReader API_STATUS = row ->
            TaobaoStatus.ofCode(Values.requiredInt(row, "tk_status"), row.label("tk_status"));

    /** The export's 订单状态 text. */
    static final StatusReader EXPORT_STATUS_READER = row ->
            TaobaoStatus.ofExportText(Values.required(row, "tk_status"), row.label("tk_status"));

    private TaobaoOrderMapping() {
    }

    /** One row to a Snapshot, SkippedUnpaid or Rejected row; never throws for bad input. */
    static ReportRow map(RowFields r, StatusReader statusReader, String raw, String source, long lineNo,
                         PlausibleTimes times) {
        try {
            return toRow(r, statusReader, source, lineNo, times);
        } catch (BadInputException e) {
            return new ReportRow.Rejected(source, lineNo, raw, e.getMessage());
        }
    }

    private static ReportRow toRow(RowFields r, StatusReader statusReader, String source, long lineNo,
                                   PlausibleTimes times) {
        String id = Values.requiredId(r, "trade_id", FieldLimits.ORDER_LINE_ID);
        LineStatus status = statusReader.read(r);
        if (status == null) {
            return new ReportRow.SkippedUnpaid(source, lineNo, id);
        }
        long paidAmount = Values.yuan(r, "alipay_total_price");
        int rate = Values.percentBps(r, "total_commission_rate");
        long techFee = Values.yuan(r, "alimama_share_fee");
        long estimated = net(r, "pub_share_pre_fee", techFee, "estimated income");
        Long settled = status == LineStatus.SETTLED ? net(r, "pub_share_fee", techFee, "settled income") : null;

        Instant created = Values.requireTime(Values.localTime(r, "tk_create_time"), r, "tk_create_time");
        // An order closed without ever being paid (13 with no paid time) is still a line: INVALID, no money.
        Instant paid = status == LineStatus.INVALID ? Values.localTime(r, "tk_paid_time")
                : Values.requireTime(Values.localTime(r, "tk_paid_time"), r, "tk_paid_time");
        Instant earning = Values.localTime(r, "tk_earning_time");
        if (status == LineStatus.SETTLED) {
            Values.requireTime(earning, r, "tk_earning_time");
        }
        Instant modified = Values.localTime(r, "modified_time");
        Values.plausible(created, r, "tk_create_time", times);
        Values.plausible(paid, r, "tk_paid_time", times);
        Values.plausible(earning, r, "tk_earning_time", times);
        Values.plausible(modified, r, "modified_time", times);
        if (modified == null) {
            modified = Values.latest(created, paid, earning);
        }
        return new ReportRow.Snapshot(source, lineNo, new OrderLine(
                Platform.TAOBAO, id, Values.id(r, "trade_parent_id", FieldLimits.PARENT_ORDER_ID),
                Values.requiredId(r, "item_id", FieldLimits.ITEM_ID), Values.title(r, "item_title"),
                Values.quantity(r, "item_num"), paidAmount, rate, estimated, settled, status,
                created, paid, null, earning, modified,
                Values.trackingId(r, "adzone_id", FieldLimits.PID),
                Values.trackingId(r, "relation_id", FieldLimits.RELATION_ID),
                Values.trackingId(r, "special_id", FieldLimits.SPECIAL_ID), null, null,
                FieldLimits.source(source, lineNo)));
    }

    private static long net(RowFields r, String shareField, long techFee, String what) {
        long share = Values.yuan(r, shareField);
        long net = share - techFee;
        if (net < 0) {
            throw new BadInputException(what + " is negative: " + r.label(shareField) + " " + r.text(shareField).strip()
                    + " − " + r.label("alimama_share_fee") + " " + r.text("alimama_share_fee").strip());
        }
        return net;
    }
}
