package io.rebatch.readers.statement;

import io.rebatch.domain.BadInputException;
import io.rebatch.domain.FieldLimits;
import io.rebatch.domain.Money;
import io.rebatch.domain.Platform;
import io.rebatch.domain.statement.Statement;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads finance's monthly statement files (SPEC 6) into a {@link Statement} of month M: UTF-8 (a BOM is dropped),
 * a header row with {@code platform,month,settled_income_fen,line_count} in any order and optionally
 * {@code order_line_id}; other columns are ignored. A row with an {@code order_line_id} is a detail row for that
 * line ({@code line_count} must be 1); a row without is a platform total.
 *
 * <p>Unlike a platform's order report, a statement is finance's own input and every row of it counts towards a
 * total, so there is no quarantine: the first bad row (a field that is missing, malformed or out of range, a row
 * of another month, a second detail row for a line) refuses all the files with one {@link BadInputException}
 * naming the file and line, before anything is compared or posted. Values are never echoed in full (cut, control
 * characters masked).
 */
public final class StatementFile {
    public static final List<String> REQUIRED = List.of("platform", "month", "settled_income_fen", "line_count");
    public static final String ORDER_LINE_ID = "order_line_id";

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern ID = Pattern.compile("[0-9A-Za-z_-]+");
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(false).get();

    private StatementFile() {
    }

    /** Reads every file; all of them must be statements of {@code month}. */
    public static Statement read(YearMonth month, List<Path> files) {
        Statement.Builder statement = Statement.builder(month);
        for (Path file : files) {
            readInto(statement, month, file);
        }
        return statement.build();
    }

    private static void readInto(Statement.Builder statement, YearMonth month, Path file) {
        String name = String.valueOf(file.getFileName());
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder));
             CSVParser csv = parser(in, name)) {
            List<String> header = csv.getHeaderNames();
            if (!header.containsAll(REQUIRED)) {
                throw new BadInputException(name + " is not a statement file: its header must hold "
                        + String.join(",", REQUIRED) + " (found " + shown(String.join(",", header), 200) + ")");
            }
            boolean hasIds = header.contains(ORDER_LINE_ID);
            Iterator<CSVRecord> records = csv.iterator();
            while (hasNext(records, name, csv)) {
                CSVRecord rec = records.next();
                // blank lines are kept as records (and skipped here) so that record number + 1 is the line number
                long lineNo = rec.getRecordNumber() + 1;
                if (rec.stream().allMatch(String::isBlank)) {
                    continue;
                }
                try {
                    row(statement, month, rec, hasIds, header.size());
                } catch (RuntimeException e) {
                    throw new BadInputException(name + " line " + lineNo + ": " + e.getMessage());
                }
            }
        } catch (CharacterCodingException e) {
            throw new BadInputException(name + " is not UTF-8 text (a statement file must be UTF-8, with or without BOM)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read statement " + name + ": " + e.getMessage(), e);
        }
    }

    private static CSVParser parser(BufferedReader in, String name) throws IOException {
        in.mark(1);
        if (in.read() != '\uFEFF') {
            in.reset();
        }
        try {
            return CSVParser.builder().setReader(in).setFormat(FORMAT).get();
        } catch (IllegalArgumentException | UncheckedIOException e) {
            // duplicate or blank column names, a malformed header
            throw new BadInputException(name + " has an unreadable header row: " + shown(e.getMessage(), 120));
        }
    }

    private static boolean hasNext(Iterator<CSVRecord> records, String name, CSVParser csv) {
        try {
            return records.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new BadInputException(name + " is not UTF-8 text (a statement file must be UTF-8, with or without BOM)");
            }
            String why = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
            throw new BadInputException(name + " line " + csv.getCurrentLineNumber() + ": not valid CSV ("
                    + shown(why, 120) + ")");
        }
    }

    private static void row(Statement.Builder statement, YearMonth month, CSVRecord rec, boolean hasIds, int columns) {
        if (rec.size() != columns) {
            throw new IllegalArgumentException("has " + rec.size() + " fields, the header has " + columns);
        }
        Platform platform = Platform.parse(shown(rec.get("platform"), 20));
        String m = rec.get("month");
        if (!MONTH.matcher(m).matches()) {
            throw new IllegalArgumentException("month '" + shown(m, 20) + "' is not YYYY-MM");
        }
        YearMonth rowMonth = YearMonth.parse(m);
        if (!rowMonth.equals(month)) {
            throw new IllegalArgumentException("a row of month " + rowMonth + " in the statement of " + month
                    + " (give each month's statement to its own close-month)");
        }
        long income = amount(rec.get("settled_income_fen"), "settled_income_fen");
        long count = amount(rec.get("line_count"), "line_count");
        String id = hasIds ? rec.get(ORDER_LINE_ID) : "";
        if (id.isEmpty()) {
            statement.total(platform, income, count);
            return;
        }
        FieldLimits.check("order_line_id", id, FieldLimits.ORDER_LINE_ID);
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("order_line_id '" + shown(id, 64)
                    + "' may hold only digits, letters, - and _");
        }
        if (count != 1) {
            throw new IllegalArgumentException("a detail row (order_line_id " + id + ") must have line_count 1, not "
                    + count);
        }
        statement.detail(platform, id, income);
    }

    /** A non-negative integer up to {@link Money#MAX_FEN}. */
    private static long amount(String text, String column) {
        if (!DIGITS.matcher(text).matches()) {
            throw new IllegalArgumentException(column + " '" + shown(text, 30) + "' is not a non-negative integer");
        }
        String digits = text.replaceFirst("^0+(?=\\d)", "");
        if (digits.length() > 13) {
            throw new IllegalArgumentException(column + " " + shown(digits, 30) + " exceeds " + Money.MAX_FEN);
        }
        long v = Long.parseLong(digits);
        if (v > Money.MAX_FEN) {
            throw new IllegalArgumentException(column + " " + v + " exceeds " + Money.MAX_FEN);
        }
        return v;
    }

    /** A value as a message may show it: at most {@code max} characters, control characters as {@code ?}. */
    static String shown(String value, int max) {
        String v = value == null ? "" : value.replaceAll("\\p{Cntrl}", "?");
        return v.length() <= max ? v : FieldLimits.cut(v, max) + "…";
    }
}
