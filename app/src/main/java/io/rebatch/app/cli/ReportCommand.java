package io.rebatch.app.cli;

import io.rebatch.domain.Platform;
import io.rebatch.writers.report.RunReportStore;
import io.rebatch.writers.report.RunReportStore.ReportRow;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code rebatch report --date D [--platform P]} (SPEC 10): the reconciliation report of the latest settle run of
 * business date D, from {@code run_report} (what the settle job's report step stored with the file, in the same
 * transaction), printed exactly as the job's CSV file {@code reports/settle-<D>-a<attempt>.csv}:
 * {@code business_date,platform,metric,value}, one row per platform and metric in the file's order — so
 * {@code rebatch report --date D > x.csv} gives the file again, on any node. {@code --platform} keeps only that
 * platform's rows (the header stays). Exit 0; 3 with {@code rebatch: no settle report for D} when no settle run of
 * D stored a report (or, with {@code --platform}, none of its rows is that platform's); 2 for a bad option.
 */
@Command(name = "report", description = "The reconciliation report of the latest settle run of business date D,"
        + " as the CSV the run wrote (business_date,platform,metric,value).")
class ReportCommand implements Callable<Integer> {
    @ParentCommand
    RebatchCommand root;

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD")
    LocalDate date;

    @Option(names = "--platform", paramLabel = "taobao|jd|pdd", description = "Only this platform's rows")
    String platform;

    @Override
    public Integer call() {
        String only = platform == null ? null : Platform.parse(platform).name();
        RunReportStore store = new RunReportStore(root.bean(JdbcTemplate.class));
        String label = store.labelsFor(date).stream().filter(l -> l.startsWith("settle-")).findFirst().orElse(null);
        List<ReportRow> rows = label == null ? List.of()
                : store.rowsOf(label).stream().filter(r -> only == null || only.equals(r.platform())).toList();
        if (label == null || (only != null && rows.isEmpty())) {
            PrintWriter err = root.spec.commandLine().getErr();
            err.println("rebatch: no settle report for " + date + (only == null ? "" : " on platform " + only));
            err.flush();
            return RebatchCommand.REFUSED;
        }
        PrintWriter out = root.out();
        try {
            // The format SettleReport writes the file with.
            CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get());
            csv.printRecord("business_date", "platform", "metric", "value");
            for (ReportRow r : rows) {
                csv.printRecord(r.businessDate(), r.platform(), r.metric(), r.metricValue());
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
        return RebatchCommand.OK;
    }
}
