package io.rebatch.readers.taobao;

import io.rebatch.readers.report.CsvRecords;
import io.rebatch.readers.report.CsvRowFields;
import io.rebatch.readers.report.ReportCursor;
import io.rebatch.domain.BadInputException;
import io.rebatch.domain.PlausibleTimes;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the Taobao/Alimama back-office order export (推广者 订单明细): a CSV with a Chinese header row, columns in any
 * order, other columns ignored, in UTF-8 (with or without BOM) or GB18030 — detected, never asked. Long ids carry a
 * leading tab (or {@code '}) to keep spreadsheets from mangling them; it is stripped.
 *
 * <p>Each record is mapped like an API {@code publisher_order_dto} ({@link TaobaoOrderMapping}): status from the
 * Chinese text of 订单状态; estimated = 付款预估收入 − 技术服务费; settled = 结算预估收入 − 技术服务费; modified_at = the
 * latest of 创建时间/付款时间/结算时间 present (the export has no modification time).
 */
public final class TaobaoExportCsv {
    /** API field → export column (platforms.md part A, Taobao table). */
    static final Map<String, String> COLUMNS = columns();

    /**
     * Columns a file may lack: the parent order id and title are informative only, and the channel and member ids
     * exist only in exports of 渠道/会员运营 orders. Item id and adzone are required: without them no click can match.
     */
    static final Set<String> OPTIONAL_COLUMNS = Set.of("淘宝订单编号", "商品标题", "渠道关系ID", "会员运营ID");

    static final List<String> REQUIRED_COLUMNS = COLUMNS.values().stream()
            .filter(c -> !OPTIONAL_COLUMNS.contains(c)).toList();

    private static Map<String, String> columns() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("trade_id", "淘宝子订单号");
        c.put("trade_parent_id", "淘宝订单编号");
        c.put("item_id", "商品ID");
        c.put("item_title", "商品标题");
        c.put("item_num", "商品数量");
        c.put("alipay_total_price", "付款金额");
        c.put("total_commission_rate", "收入比率");
        c.put("pub_share_pre_fee", "付款预估收入");
        c.put("pub_share_fee", "结算预估收入");
        c.put("alimama_share_fee", "技术服务费");
        c.put("tk_status", "订单状态");
        c.put("tk_create_time", "创建时间");
        c.put("tk_paid_time", "付款时间");
        c.put("tk_earning_time", "结算时间");
        c.put("adzone_id", "推广位ID");
        c.put("relation_id", "渠道关系ID");
        c.put("special_id", "会员运营ID");
        return Collections.unmodifiableMap(c);
    }

    private TaobaoExportCsv() {
    }

    /**
     * Opens an export file and checks its header.
     *
     * @throws BadInputException naming the file and every missing required column
     */
    public static ReportCursor open(Path file) {
        return open(file, PlausibleTimes.ANY);
    }

    /**
     * Like {@link #open(Path)}; a record whose times fall outside {@code times} is a {@link ReportRow.Rejected} row.
     *
     * @throws BadInputException naming the file and every missing required column, or the file's wrong encoding
     */
    public static ReportCursor open(Path file, PlausibleTimes times) {
        CsvRecords csv = CsvRecords.openWithColumns(file, REQUIRED_COLUMNS, "is this a Taobao order export?");
        CsvRowFields.Columns columns = CsvRowFields.columns(COLUMNS, csv);
        return ReportCursor.ofCsv(csv, r -> TaobaoOrderMapping.map(columns.row(r.values()),
                TaobaoOrderMapping.EXPORT_STATUS_READER, r.raw(), r.source(), r.lineNo(), times));
    }
}
