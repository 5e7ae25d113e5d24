package io.rebatch.domain.payout;

import io.rebatch.domain.BadInputException;
import io.rebatch.domain.Money;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The content of one payout file {@code payout-<batch_no>.csv} (SPEC §7), Alipay's batch-transfer
 * upload layout, as text: the summary header, the batch line, the detail header and one line per
 * withdrawal in serial order, each reason {@value #REASON}. The batch line's total and count are
 * computed here from the detail lines, so they always equal them.
 *
 * <p>Every line ends with {@code \n}, the last one included (no {@code \r\n}, no byte-order mark):
 * the text is what the writer encodes (UTF-8 or GB18030) and checksums. Fields are never quoted:
 * the payee and payer values are checked to need no quoting ({@link Payee}, {@link CsvSafeText}).
 * It never touches a file, an encoding or a database; writing and renaming are the job's.
 *
 * <p>Refused: an empty batch, two lines with one serial, an amount ≤ 0 or above
 * {@link Money#MAX_FEN}, a total above {@link Money#MAX_FEN} (SPEC §1 bounds every amount, the
 * batch total included, so that a reader can parse the total back with {@link Money#yuanToFen}). The pay date is taken as given (the payout run
 * passes D, the date of the batch number).
 */
public record PayoutFile(BatchNo batchNo, LocalDate payDate, String payerAccount, String payerName, List<Line> lines) {
    public static final String REASON = "返利提现";
    public static final String SUMMARY_HEADER = "批次号,付款日期,付款人账号,付款人名称,总金额（元）,总笔数";
    public static final String DETAIL_HEADER = "商户流水号,收款人账号,收款人姓名,付款金额（元）,付款理由";
    public static final int MAX_PAYER_ACCOUNT = 100;
    public static final int MAX_PAYER_NAME = 100;
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    /** One withdrawal to pay. */
    public record Line(SerialNo serial, Payee payee, long amountFen) {
        public Line {
            if (serial == null || payee == null) {
                throw new BadInputException("payout line without serial or payee");
            }
            if (amountFen <= 0 || amountFen > Money.MAX_FEN) {
                throw new BadInputException("payout line " + serial + ": amount " + amountFen + " fen is outside 1.." + Money.MAX_FEN);
            }
        }

        public static Line of(long withdrawalId, Payee payee, long amountFen) {
            return new Line(SerialNo.of(withdrawalId), payee, amountFen);
        }

        /** The detail line as written to the file (clear payee values: for the file only). */
        String text() {
            return serial.format() + "," + payee.alipayAccount() + "," + payee.realName() + ","
                    + Money.formatYuan(amountFen) + "," + REASON;
        }
    }

    /** Validates and keeps the lines sorted by serial (whatever order they were given in). */
    public PayoutFile {
        if (batchNo == null || payDate == null) {
            throw new BadInputException("payout file without batch number or pay date");
        }
        payerAccount = CsvSafeText.check("payer account", payerAccount, MAX_PAYER_ACCOUNT);
        payerName = CsvSafeText.check("payer name", payerName, MAX_PAYER_NAME);
        if (lines == null || lines.isEmpty()) {
            throw new BadInputException("batch " + batchNo + " has no withdrawals; an empty payout file is never written");
        }
        List<Line> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparing(Line::serial));
        long total = 0;
        for (int i = 0; i < sorted.size(); i++) {
            if (i > 0 && sorted.get(i).serial().equals(sorted.get(i - 1).serial())) {
                throw new BadInputException("batch " + batchNo + ": serial " + sorted.get(i).serial() + " appears twice");
            }
            total += sorted.get(i).amountFen();   // each ≤ MAX_FEN and total ≤ MAX_FEN so far: no overflow
            if (total > Money.MAX_FEN) {
                throw new BadInputException("batch " + batchNo + ": total exceeds " + Money.MAX_FEN
                        + " fen; split the withdrawals over several batches");
            }
        }
        lines = List.copyOf(sorted);
    }

    /** The sum of the detail lines, in fen. */
    public long totalFen() {
        long total = 0;
        for (Line l : lines) {
            total += l.amountFen();
        }
        return total;
    }

    public int count() {
        return lines.size();
    }

    /** {@code payout-<batch_no>.csv}. */
    public String fileName() {
        return "payout-" + batchNo.format() + ".csv";
    }

    /** The lines of the file, without line terminators. */
    public List<String> textLines() {
        List<String> out = new ArrayList<>(lines.size() + 3);
        out.add(SUMMARY_HEADER);
        out.add(batchNo.format() + "," + DAY.format(payDate) + "," + payerAccount + "," + payerName + ","
                + Money.formatYuan(totalFen()) + "," + count());
        out.add(DETAIL_HEADER);
        for (Line l : lines) {
            out.add(l.text());
        }
        return out;
    }

    /** The whole file: every line terminated by {@code \n}. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (String l : textLines()) {
            sb.append(l).append('\n');
        }
        return sb.toString();
    }

    /** Without payee data: batch, date, count and total only. */
    @Override
    public String toString() {
        return "PayoutFile[" + batchNo + ", " + DAY.format(payDate) + ", " + count() + " lines, "
                + Money.formatYuan(totalFen()) + " yuan]";
    }
}
