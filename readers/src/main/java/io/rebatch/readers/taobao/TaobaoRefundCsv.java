package io.rebatch.readers.taobao;

import io.rebatch.readers.report.CsvRecords;
import io.rebatch.readers.report.CsvRowFields;
import io.rebatch.readers.report.ReportCursor;
import io.rebatch.domain.BadInputException;
import io.rebatch.domain.PlausibleTimes;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads Taobao refund-after-settlement rows from a CSV whose header uses the {@code taobao.tbk.relation.refund}
 * field names ({@code tb_trade_id, refund_status, tk_commission_fee_refund_pub, modified_time}; other columns
 * ignored, any order, encoding detected). Each record is mapped as the API's rows are ({@link TaobaoRefundMapping}).
 */
public final class TaobaoRefundCsv {
    static final List<String> REQUIRED_COLUMNS =
            List.of("tb_trade_id", "refund_status", "tk_commission_fee_refund_pub", "modified_time");
    /** The CSV uses the API's field names as column names. */
    private static final Map<String, String> COLUMNS =
            REQUIRED_COLUMNS.stream().collect(Collectors.toUnmodifiableMap(c -> c, c -> c));

    private TaobaoRefundCsv() {
    }

    /** @throws BadInputException naming the file and every missing required column */
    public static ReportCursor open(Path file) {
        return open(file, PlausibleTimes.ANY);
    }

    /**
     * Like {@link #open(Path)}; a record whose modified_time falls outside {@code times} is Rejected.
     *
     * @throws BadInputException naming the file and every missing required column, or the file's wrong encoding
     */
    public static ReportCursor open(Path file, PlausibleTimes times) {
        CsvRecords csv = CsvRecords.openWithColumns(file, REQUIRED_COLUMNS, null);
        CsvRowFields.Columns columns = CsvRowFields.columns(COLUMNS, csv);
        return ReportCursor.ofCsv(csv, r -> TaobaoRefundMapping.map(columns.row(r.values()), r.raw(), r.source(), r.lineNo(), times));
    }
}
