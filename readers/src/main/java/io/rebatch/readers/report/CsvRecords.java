package io.rebatch.readers.report;

import io.rebatch.domain.BadInputException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams a CSV file with a header row as records, each with its exact source text and the physical line it starts
 * on, for every CSV rebatch reads (the Taobao export, refund CSVs, the app's users/bindings/clicks). Lines come from
 * {@link TextLines} (encoding detected); a record spans several lines only inside a quoted field; a record with
 * quotes is split by Commons CSV (RFC 4180, {@code "} quoting), one without at its commas. Blank lines are skipped.
 *
 * <p>A record that cannot be read (not valid text in the file's encoding, an unterminated or malformed quoted
 * field, a field count different from the header's) comes back with {@link Row#error()} set, so that the caller
 * quarantines that record alone. A file whose header lacks a required column, or that is UTF-16, is a
 * {@link BadInputException} for the whole file, with a one-line message naming the file (and the columns). An empty
 * file (no bytes, or only blank lines) has no header and no records: it is {@link #isEmpty()}, passes
 * {@link #requireColumns} and yields nothing; whether that is acceptable is the caller's decision.
 */
public final class CsvRecords implements AutoCloseable {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
    /** A quoted field may hold line breaks, but a record this long is a stray quote, not data. */
    private static final int MAX_RECORD_LINES = 1000;

    /**
     * One record: {@code values} in header order (null when {@code error} is set), the exact text of its line(s)
     * in {@code raw}.
     */
    public record Row(String source, long lineNo, String raw, List<String> values, String error) {
    }

    private final TextLines lines;
    private final List<String> header;
    private final Map<String, Integer> index = new HashMap<>();

    private CsvRecords(TextLines lines, List<String> header) {
        this.lines = lines;
        this.header = header;
        for (int i = 0; i < header.size(); i++) {
            index.putIfAbsent(header.get(i), i);
        }
    }

    /**
     * Opens {@code file} and reads its header row (names trimmed, a BOM dropped).
     *
     * @throws BadInputException if the header row is not readable text, or the file is UTF-16
     */
    public static CsvRecords open(Path file, Charset charset) {
        TextLines lines = TextLines.open(file, charset);
        try {
            TextLines.Line first = lines.next();
            while (first != null && first.isBlank()) {
                first = lines.next();
            }
            if (first == null) {
                return new CsvRecords(lines, List.of());
            }
            if (first.error() != null) {
                throw new BadInputException(lines.source() + ": the header row cannot be read: " + first.error());
            }
            List<String> header = new ArrayList<>();
            for (String name : split(first.text())) {
                header.add(name.replace("\uFEFF", "").strip());
            }
            return new CsvRecords(lines, List.copyOf(header));
        } catch (MalformedRecord e) {
            lines.close();
            throw new BadInputException(lines.source() + ": the header row is not valid CSV: " + e.getMessage());
        } catch (RuntimeException e) {
            lines.close();
            throw e;
        }
    }

    public String source() {
        return lines.source();
    }

    public List<String> header() {
        return header;
    }

    /** Whether the file has no header row at all (no bytes, or only blank lines); it then has no records either. */
    public boolean isEmpty() {
        return header.isEmpty();
    }

    /** The position of column {@code name}, or -1. */
    public int indexOf(String name) {
        return index.getOrDefault(name, -1);
    }

    /**
     * Opens a file (encoding detected) whose header must have every column in {@code required}; a file that has not
     * is closed and refused, the message ending with {@code hint} when one is given (e.g. "is this a Taobao order
     * export?").
     *
     * @throws BadInputException naming the file, every missing column and the header found, on one line
     */
    public static CsvRecords openWithColumns(Path file, Collection<String> required, String hint) {
        CsvRecords csv = open(file, null);
        try {
            csv.requireColumns(required);
        } catch (BadInputException e) {
            csv.close();
            throw hint == null ? e : new BadInputException(e.getMessage() + " (" + hint + ")");
        }
        return csv;
    }

    /**
     * Checks that the header has every column in {@code required}; an {@link #isEmpty() empty} file passes.
     *
     * @throws BadInputException naming the file, every missing column and the header found, on one line
     */
    public void requireColumns(Collection<String> required) {
        if (isEmpty()) {
            return;
        }
        Set<String> missing = new LinkedHashSet<>();
        for (String c : required) {
            if (!index.containsKey(c)) {
                missing.add(c);
            }
        }
        if (!missing.isEmpty()) {
            throw new BadInputException(source() + ": the header row lacks required column(s) " + missing
                    + "; found " + oneLine(header.toString()));
        }
    }

    /** At most {@value #MAX_QUOTED_HEADER} characters of {@code text} without line breaks, for messages. */
    public static String oneLine(String text) {
        String t = text.replaceAll("\\p{Cntrl}", " ");
        return t.length() <= MAX_QUOTED_HEADER ? t : t.substring(0, MAX_QUOTED_HEADER) + "…";
    }

    private static final int MAX_QUOTED_HEADER = 300;

    /** The next record, or null at the end of the file. */
    public Row next() {
        TextLines.Line first = lines.next();
        while (first != null && first.isBlank()) {
            first = lines.next();
        }
        if (first == null) {
            return null;
        }
        if (first.error() != null) {
            return new Row(source(), first.lineNo(), first.text(), null, first.error());
        }
        StringBuilder raw = new StringBuilder(first.text());
        int quotes = countQuotes(first.text());
        int count = 1;
        while (quotes % 2 != 0) {
            TextLines.Line more = lines.next();
            if (more == null || count >= MAX_RECORD_LINES) {
                if (more != null) {
                    lines.pushBack(more);
                }
                return new Row(source(), first.lineNo(), raw.toString(), null,
                        "record starting on line " + first.lineNo() + " has a quoted field that is never closed");
            }
            if (more.error() != null) {
                return new Row(source(), first.lineNo(), raw + "\n" + more.text(), null, more.error());
            }
            raw.append('\n').append(more.text());
            quotes += countQuotes(more.text());
            count++;
        }
        String text = raw.toString();
        List<String> values;
        try {
            values = split(text);
        } catch (MalformedRecord e) {
            return new Row(source(), first.lineNo(), text, null, "record is not valid CSV: " + e.getMessage());
        }
        if (values.size() != header.size()) {
            return new Row(source(), first.lineNo(), text, null,
                    "record has " + values.size() + " fields but the header has " + header.size());
        }
        return new Row(source(), first.lineNo(), text, values, null);
    }

    private static int countQuotes(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '"') {
                n++;
            }
        }
        return n;
    }

    /** Commons CSV's complaint about one record's quoting. */
    private static final class MalformedRecord extends RuntimeException {
        MalformedRecord(String message) {
            super(message);
        }
    }

    /**
     * Splits one complete record's text into its fields. Without a quote character RFC 4180 splitting is plain
     * splitting at commas, done here directly: creating a Commons CSV parser per record costs more than the rest of
     * reading it.
     */
    public static List<String> split(String record) {
        if (record.indexOf('"') < 0) {
            List<String> values = new ArrayList<>();
            int from = 0;
            for (int comma = record.indexOf(','); comma >= 0; comma = record.indexOf(',', from)) {
                values.add(record.substring(from, comma));
                from = comma + 1;
            }
            values.add(record.substring(from));
            return values;
        }
        try (CSVParser p = CSVParser.builder().setReader(new StringReader(record)).setFormat(FORMAT).get()) {
            Iterator<CSVRecord> it = p.iterator();
            if (!it.hasNext()) {
                return List.of("");
            }
            CSVRecord r = it.next();
            List<String> values = new ArrayList<>(r.size());
            r.forEach(values::add);
            return values;
        } catch (UncheckedIOException e) {
            throw new MalformedRecord(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        } catch (IOException | IllegalStateException e) {
            throw new MalformedRecord(e.getMessage());
        }
    }

    @Override
    public void close() {
        lines.close();
    }
}
