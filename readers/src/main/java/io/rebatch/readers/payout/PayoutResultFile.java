package io.rebatch.readers.payout;

import io.rebatch.domain.BadInputException;
import io.rebatch.domain.payout.Payee;
import io.rebatch.domain.payout.PayoutResult;
import io.rebatch.readers.report.CsvRecords;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Streams Alipay's batch-transfer result file (SPEC §7: {@value PayoutResult#HEADER}) as rows: columns found by
 * name in any order, encoding detected (UTF-8, with or without BOM, or GB18030 as Alipay's downloads often are),
 * quoting per RFC 4180 ({@link CsvRecords}). A file without those columns or without any row is refused whole
 * ({@link BadInputException}, one line): nothing of it is applied. A row that cannot be read comes back with its
 * error, to be refused alone.
 *
 * <p>{@link Row#maskedText()} is the row with the payee's account and name masked: the only form of a row that may
 * be stored in quarantine or printed.
 */
public final class PayoutResultFile implements AutoCloseable {
    public static final List<String> COLUMNS = List.of(PayoutResult.HEADER.split(","));

    /** One row: {@code fields} in {@link #COLUMNS} order, or null with {@code error} set. */
    public record Row(long lineNo, List<String> fields, String error) {
        public String maskedText() {
            if (fields == null) {
                return "(unreadable row)";
            }
            List<String> f = new ArrayList<>(fields);
            f.set(1, Payee.maskAccount(f.get(1) == null ? "" : f.get(1).strip()));
            f.set(2, Payee.maskName(f.get(2) == null ? "" : f.get(2).strip()));
            return String.join(",", f);
        }
    }

    private final CsvRecords records;
    private final int[] positions = new int[COLUMNS.size()];

    private PayoutResultFile(CsvRecords records) {
        this.records = records;
    }

    public static PayoutResultFile open(Path file) {
        CsvRecords records = CsvRecords.open(file, null);   // null: detected (UTF-8 with or without BOM, or GB18030)
        try {
            if (records.isEmpty()) {
                throw new BadInputException(records.source() + " is empty: not an Alipay result file ("
                        + PayoutResult.HEADER + ")");
            }
            records.requireColumns(COLUMNS);
            PayoutResultFile f = new PayoutResultFile(records);
            for (int i = 0; i < COLUMNS.size(); i++) {
                f.positions[i] = records.indexOf(COLUMNS.get(i));
            }
            return f;
        } catch (RuntimeException e) {
            records.close();
            throw e;
        }
    }

    public String source() {
        return records.source();
    }

    /** The next row, or null at the end. */
    public Row next() {
        CsvRecords.Row r = records.next();
        if (r == null) {
            return null;
        }
        if (r.error() != null) {
            return new Row(r.lineNo(), null, r.error());
        }
        String[] f = new String[COLUMNS.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = r.values().get(positions[i]);
        }
        return new Row(r.lineNo(), Arrays.asList(f), null);
    }

    @Override
    public void close() {
        records.close();
    }
}
