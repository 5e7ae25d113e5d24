package io.rebatch.domain.taobao;

import io.rebatch.domain.BadInputException;
import io.rebatch.domain.LineStatus;
import java.util.Map;

/**
 * Taobao's order states (platforms.md part A) as canonical statuses. {@code null} means "not yet paid": the row
 * is counted as skipped, never stored. Any other value is bad input naming the field.
 */
public final class TaobaoStatus {

    /** The export's 订单状态 text of tk_status 11: the table of platforms.md does not list it, but it is the same state. */
    public static final String EXPORT_UNPAID = "拍下未付款";

    private static final Map<String, LineStatus> EXPORT = Map.of(
            "已付款", LineStatus.PAID, "订单付款", LineStatus.PAID,
            "已收货", LineStatus.RECEIVED, "订单成功", LineStatus.RECEIVED,
            "已结算", LineStatus.SETTLED, "订单结算", LineStatus.SETTLED,
            "已失效", LineStatus.INVALID, "订单失效", LineStatus.INVALID);

    private TaobaoStatus() {
    }

    /** {@code tk_status}: 12 PAID, 14 RECEIVED, 3 SETTLED, 13 INVALID, 11 not yet paid. */
    public static LineStatus ofCode(int code, String field) {
        return switch (code) {
            case 12 -> LineStatus.PAID;
            case 14 -> LineStatus.RECEIVED;
            case 3 -> LineStatus.SETTLED;
            case 13 -> LineStatus.INVALID;
            case 11 -> null;
            default -> throw new BadInputException(field + " " + code
                    + " is not a known Taobao status (expected 12, 14, 3, 13 or 11)");
        };
    }

    /** The back-office export's status text (both the old and the new wording). */
    public static LineStatus ofExportText(String text, String field) {
        if (text.equals(EXPORT_UNPAID)) {
            return null;
        }
        LineStatus s = EXPORT.get(text);
        if (s == null) {
            throw new BadInputException(field + " '" + text + "' is not a known Taobao status"
                    + " (expected 已付款/订单付款, 已收货/订单成功, 已结算/订单结算, 已失效/订单失效)");
        }
        return s;
    }
}
