package io.rebatch.app.cli;

import io.rebatch.domain.Platform;
import io.rebatch.jobs.common.Operations;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "run", description = "Pull business date D's order changes from the platform APIs (every update-time"
        + " window of [start of D - overlap, end of D)), then settle D. Run it again to resume a failed pull.")
class RunCommand implements Callable<Integer> {
    @ParentCommand
    RebatchCommand root;

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD")
    LocalDate date;

    @Option(names = "--platform", paramLabel = "taobao|jd|pdd", description = "Only this platform (default: all)")
    String platform;

    @Override
    public Integer call() {
        Operations ops = root.bean(Operations.class);
        Platform p = platform == null ? null : Platform.parse(platform);
        List<Operations.PullOutcome> pulls = root.withProgress("run " + date, () -> ops.pullDay(date, p));
        int code = PullCommand.report(root, pulls);
        if (code != 0) {
            return code;
        }
        return JobReporting.report(root.out(), root.spec.commandLine().getErr(), "settle " + date,
                root.withProgress("settle " + date, () -> ops.settle(date)));
    }
}
