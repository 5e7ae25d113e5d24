package io.rebatch.app.cli;

import io.rebatch.jobs.common.Operations;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "close-month", description = "Post month M's tier bonus (SPEC 6) and reconcile platform statements."
        + " Run it after settling the month; running it again posts only differences.")
class CloseMonthCommand implements Callable<Integer> {
    @ParentCommand
    RebatchCommand root;

    @Option(names = "--month", required = true, paramLabel = "YYYY-MM")
    YearMonth month;

    @Option(names = "--statement", arity = "1..*", paramLabel = "FILE",
            description = "Monthly statement files: platform,month,settled_income_fen,line_count[,order_line_id]"
                    + " (rows with an order_line_id are per-line detail)")
    List<Path> statements = List.of();

    @Override
    public Integer call() {
        return JobReporting.report(root.out(), root.spec.commandLine().getErr(), "close-month " + month,
                root.withProgress("close-month " + month,
                        () -> root.bean(Operations.class).closeMonth(month, statements)));
    }
}
