package io.rebatch.sandbox.taobao;

import io.rebatch.domain.Money;
import io.rebatch.sandbox.generator.ScenarioFiles;
import io.rebatch.sandbox.generator.Snapshot;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;

/**
 * The Taobao publisher back office's order export (订单明细) as finance downloads it: GB18030
 * without BOM, CRLF line ends, the Chinese header of the sample, status as Chinese text, the two
 * order numbers prefixed with a tab (Excel's keep-as-text trick), {@code "--"} for absent times.
 * Rows whose status is 11 (拍下未付款) are not in the export. Written instead of the API dump on
 * {@link io.rebatch.sandbox.generator.ScenarioSpec#taobaoExportDays()}.
 */
public final class TaobaoExportWriter {
    public static final Charset CHARSET = Charset.forName("GB18030");
    public static final List<String> HEADER = List.of("创建时间", "付款时间", "结算时间", "商品标题", "商品ID", "商品数量",
            "订单状态", "付款金额", "淘宝订单编号", "淘宝子订单号", "收入比率", "付款预估收入", "结算预估收入", "技术服务费",
            "推广位ID", "渠道关系ID", "会员运营ID", "维权标签", "媒体名称");
    public static final String MEDIA_NAME = "省赚客";

    private TaobaoExportWriter() {
    }

    /** Writes the export of a day's windows of snapshots (in window order). */
    static void write(List<List<Snapshot>> windows, Path file) throws IOException {
        try (Writer w = ScenarioFiles.writer(file, CHARSET)) {
            w.write(headerLine());
            for (List<Snapshot> rows : windows) {
                for (Snapshot s : rows) {
                    String line = line((TaobaoOrderRow) s.row());
                    if (line != null) {
                        w.write(line);
                    }
                }
            }
        }
    }

    /** The export's status text, or null for codes the export does not list. */
    public static String statusText(int tkStatus) {
        return switch (tkStatus) {
            case 12 -> "订单付款";
            case 14 -> "订单成功";
            case 3 -> "订单结算";
            case 13 -> "订单失效";
            default -> null;
        };
    }

    public static String headerLine() {
        return String.join(",", HEADER) + "\r\n";
    }

    /** One CRLF-terminated line, or null when the row is not exported. */
    public static String line(TaobaoOrderRow r) {
        String status = statusText(r.tkStatus());
        if (status == null) {
            return null;
        }
        List<String> cells = List.of(
                TaobaoJson.time(r.tkCreateTime()), TaobaoJson.time(r.tkPaidTime()), TaobaoJson.time(r.tkEarningTime()), r.itemTitle(), r.itemId(),
                Integer.toString(r.itemNum()), status, Money.formatYuan(r.alipayTotalPriceFen()),
                "\t" + r.tradeParentId(), "\t" + r.tradeId(), TaobaoJson.percent(r.totalCommissionRateBps()),
                Money.formatYuan(r.pubSharePreFeeFen()), Money.formatYuan(r.pubShareFeeFen()),
                Money.formatYuan(r.alimamaShareFeeFen()), Long.toString(r.adzoneId()),
                r.relationId() == null ? "" : r.relationId().toString(),
                r.specialId() == null ? "" : r.specialId().toString(), Integer.toString(r.refundTag()), MEDIA_NAME);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(csvField(cells.get(i)));
        }
        return sb.append("\r\n").toString();
    }


    /** RFC 4180 quoting when needed (titles can hold commas and quotes). */
    public static String csvField(String v) {
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
