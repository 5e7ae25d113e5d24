package io.rebatch.writers.statement;

import io.rebatch.domain.Platforms;
import io.rebatch.domain.Platform;
import io.rebatch.domain.statement.LineDifference;
import io.rebatch.domain.statement.PlatformResult;
import io.rebatch.domain.statement.Statement;
import io.rebatch.domain.statement.StatementComparison;
import io.rebatch.writers.csv.AtomicFile;
import io.rebatch.writers.csv.Exports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes the two files of a statement reconciliation (SPEC 6), each atomically (temporary name, then rename):
 * <ul>
 *   <li>the summary, one row per platform present on either side, sorted by platform:
 *       {@value #SUMMARY_HEADER};</li>
 *   <li>the lines that explain the differences, sorted by platform, order_line_id (a platform-level
 *       {@code DETAILS_DIFFER_FROM_TOTAL} row, with an empty id, first): {@value #LINES_HEADER}. A side that has
 *       nothing leaves its fields empty; dates are Asia/Shanghai business dates.</li>
 * </ul>
 * Text fields go through {@link Exports#text}; ids and amounts are written as they are. Nothing here changes the
 * ledger or any table: a mismatch is reported, never fixed. Memory: the statement's detail rows and one look-up
 * batch; rebatch's lines are streamed platform by platform (twice for a totals-only mismatch, for the candidates).
 */
public class StatementReport {
    public static final String SUMMARY_HEADER = "platform,month,status,statement_income_fen,rebatch_income_fen,"
            + "diff_income_fen,statement_lines,rebatch_lines,diff_lines";
    public static final String LINES_HEADER = "platform,order_line_id,difference,rebatch_status,rebatch_settled_on,"
            + "rebatch_income_fen,statement_income_fen,diff_income_fen";
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    /** What was written: the per-platform results and how many platforms do not match. */
    public record Outcome(List<PlatformResult> platforms, long mismatches, long lines) {
    }

    private final SettledLines settled;

    public StatementReport(SettledLines settled) {
        this.settled = settled;
    }

    public Outcome write(Statement statement, Path summaryOut, Path linesOut) {
        StatementComparison comparison = new StatementComparison(statement);
        List<PlatformResult> results = new ArrayList<>();
        long[] lines = new long[1];
        AtomicFile.write(linesOut, StandardCharsets.UTF_8, w -> {
            CSVPrinter csv = new CSVPrinter(w, FORMAT);
            csv.printRecord((Object[]) LINES_HEADER.split(","));
            for (Platform p : byName()) {
                Optional<PlatformResult> r = settled.stream(p, statement.month(),
                        it -> comparison.compare(p, it, settled, d -> print(csv, d, lines)));
                if (r.isEmpty()) {
                    continue;
                }
                results.add(r.get());
                if (comparison.needsCandidates(r.get())) {
                    settled.stream(p, statement.month(), it -> {
                        comparison.candidates(p, it, d -> print(csv, d, lines));
                        return null;
                    });
                }
            }
            csv.flush();
        });
        AtomicFile.write(summaryOut, StandardCharsets.UTF_8, w -> {
            CSVPrinter csv = new CSVPrinter(w, FORMAT);
            csv.printRecord((Object[]) SUMMARY_HEADER.split(","));
            for (PlatformResult r : results) {
                csv.printRecord(Exports.text(r.platform().name()), Exports.text(r.month().toString()),
                        Exports.text(r.status().name()), r.statementIncomeFen(), r.rebatchIncomeFen(),
                        r.diffIncomeFen(), r.statementLines(), r.rebatchLines(), r.diffLines());
            }
            csv.flush();
        });
        long mismatches = results.stream().filter(r -> r.status() == PlatformResult.Status.MISMATCH).count();
        return new Outcome(List.copyOf(results), mismatches, lines[0]);
    }

    /** Platforms in the order of their names, as every export sorts them. */
    static List<Platform> byName() {
        return Platforms.all().stream().sorted(Comparator.comparing(Platform::name)).toList();
    }

    private static void print(CSVPrinter csv, LineDifference d, long[] lines) {
        try {
            csv.printRecord(Exports.text(d.platform().name()), d.orderLineId() == null ? "" : d.orderLineId(),
                    Exports.text(d.difference().name()), d.rebatchStatus() == null ? "" : Exports.text(d.rebatchStatus().name()),
                    d.rebatchSettledOn() == null ? "" : d.rebatchSettledOn().toString(), orEmpty(d.rebatchIncomeFen()),
                    orEmpty(d.statementIncomeFen()), orEmpty(d.diffIncomeFen()));
            lines[0]++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object orEmpty(Long fen) {
        return fen == null ? "" : fen;
    }
}
