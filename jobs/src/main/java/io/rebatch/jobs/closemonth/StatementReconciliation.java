package io.rebatch.jobs.closemonth;

import io.rebatch.domain.BadInputException;
import io.rebatch.domain.BusinessTime;
import io.rebatch.domain.Platform;
import io.rebatch.writers.csv.AtomicFile;
import io.rebatch.writers.jdbc.SqlTime;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Compares a platform's monthly statement ({@code platform,month,settled_income_fen,line_count}) with the lines
 * rebatch holds as SETTLED with settled_at in that month (their settled income before refunds, which is what the
 * platform's settlement states), and reports the differences per platform.
 */
public class StatementReconciliation {
    private final JdbcTemplate jdbc;

    public StatementReconciliation(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static Reader withoutBom(java.io.BufferedReader r) throws IOException {
        r.mark(1);
        if (r.read() != '\uFEFF') {
            r.reset();
        }
        return r;
    }

    /** The columns of a statement file (SPEC 6), in any order. */
    static final java.util.List<String> STATEMENT_COLUMNS =
            java.util.List.of("platform", "month", "settled_income_fen", "line_count");

    public Path reconcile(YearMonth month, String[] files, Path out) {
        Map<Platform, long[]> stated = new EnumMap<>(Platform.class);
        for (String f : files) {
            Path file = Path.of(f);
            try (Reader r = withoutBom(Files.newBufferedReader(file, StandardCharsets.UTF_8));
                 CSVParser p = CSVParser.builder().setReader(r).setFormat(CSVFormat.DEFAULT.builder()
                         .setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true).get()).get()) {
                java.util.List<String> header = p.getHeaderNames();
                if (!header.containsAll(STATEMENT_COLUMNS)) {
                    throw new BadInputException(file.getFileName() + " is not a statement file: its header must hold "
                            + String.join(",", STATEMENT_COLUMNS) + " (found "
                            + String.join(",", header).replaceAll("\\p{Cntrl}", "?") + ")");
                }
                for (CSVRecord rec : p) {
                    try {
                        if (!YearMonth.parse(rec.get("month")).equals(month)) {
                            continue;
                        }
                        long[] v = stated.computeIfAbsent(Platform.parse(rec.get("platform")), k -> new long[2]);
                        v[0] += Long.parseLong(rec.get("settled_income_fen"));
                        v[1] += Long.parseLong(rec.get("line_count"));
                    } catch (RuntimeException e) {
                        throw new BadInputException(file.getFileName() + " line " + (rec.getRecordNumber() + 1)
                                + ": bad statement row (" + e.getMessage() + ")");
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read statement " + file + ": " + e.getMessage(), e);
            }
        }
        Map<Platform, long[]> held = new EnumMap<>(Platform.class);
        jdbc.query("SELECT platform, SUM(settled_income_fen), COUNT(*) FROM order_line WHERE status = 'SETTLED'"
                + " AND settled_at >= ? AND settled_at < ? GROUP BY platform", rs -> {
                    held.put(Platform.valueOf(rs.getString(1)), new long[] {rs.getLong(2), rs.getLong(3)});
                }, SqlTime.utc(BusinessTime.startOf(month.atDay(1))), SqlTime.utc(BusinessTime.endOf(month.atEndOfMonth())));
        AtomicFile.write(out, StandardCharsets.UTF_8, w -> {
            CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get());
            csv.printRecord("platform", "month", "statement_income_fen", "rebatch_income_fen", "diff_income_fen",
                    "statement_lines", "rebatch_lines", "diff_lines");
            for (Platform p : Platform.values()) {
                long[] s = stated.getOrDefault(p, new long[2]);
                long[] h = held.getOrDefault(p, new long[2]);
                if (!stated.containsKey(p) && !held.containsKey(p)) {
                    continue;
                }
                csv.printRecord(p, month, s[0], h[0], s[0] - h[0], s[1], h[1], s[1] - h[1]);
            }
            csv.flush();
        });
        return out;
    }
}
