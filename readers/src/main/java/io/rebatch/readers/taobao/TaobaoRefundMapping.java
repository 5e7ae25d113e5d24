package io.rebatch.readers.taobao;

import io.rebatch.readers.report.ReportRow;
import io.rebatch.readers.report.RowFields;
import io.rebatch.readers.report.Values;
import io.rebatch.domain.BadInputException;
import io.rebatch.domain.FieldLimits;
import io.rebatch.domain.PlausibleTimes;
import io.rebatch.domain.Refund;
import java.time.Instant;

/**
 * One Taobao refund-after-settlement row ({@code taobao.tbk.relation.refund} result, or a CSV record with the same
 * field names) to a {@link Refund}: {@code tb_trade_id} → the order line, {@code refund_status} as given,
 * {@code tk_commission_fee_refund_pub} (yuan, up to 4 decimals) rounded half-up to fen, {@code modified_time} orders
 * the refund snapshots. Whether the refund took effect is the domain's business ({@link Refund#effective()}).
 */
final class TaobaoRefundMapping {
    static final int MAX_REFUND_DECIMALS = 4;

    private TaobaoRefundMapping() {
    }

    static ReportRow map(RowFields r, String raw, String source, long lineNo, PlausibleTimes times) {
        try {
            String id = Values.requiredId(r, "tb_trade_id", FieldLimits.REFUND_ORDER_LINE_ID);
            int status = Values.requiredInt(r, "refund_status");
            long fen = Values.yuanHalfUp(r, "tk_commission_fee_refund_pub", MAX_REFUND_DECIMALS);
            Instant modified = Values.requireTime(Values.localTime(r, "modified_time"), r, "modified_time");
            Values.plausible(modified, r, "modified_time", times);
            return new ReportRow.RefundSnapshot(source, lineNo,
                    new Refund(id, status, fen, modified, FieldLimits.source(source, lineNo)));
        } catch (BadInputException e) {
            return new ReportRow.Rejected(source, lineNo, raw, e.getMessage());
        }
    }
}
