package io.rebatch.app.cli;

import io.rebatch.domain.Platform;
import io.rebatch.jobs.common.Operations;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "pull", description = "Pull each platform from its watermark (minus the overlap) up to now minus the"
        + " configured lag, without settling: the scheduler's incremental pull.")
class PullCommand implements Callable<Integer> {
    @ParentCommand
    RebatchCommand root;

    @Option(names = "--platform", paramLabel = "taobao|jd|pdd", description = "Only this platform (default: all)")
    String platform;

    @Override
    public Integer call() {
        Platform p = platform == null ? null : Platform.parse(platform);
        return report(root, root.withProgress("pull", () -> root.bean(Operations.class).pullSinceWatermark(p)));
    }

    static int report(RebatchCommand root, List<Operations.PullOutcome> pulls) {
        for (Operations.PullOutcome o : pulls) {
            int code = JobReporting.report(root.out(), root.spec.commandLine().getErr(),
                    "pull " + o.feed().name().toLowerCase() + " " + o.from() + ".." + o.to(), o.outcome());
            if (code != 0) {
                return code;
            }
        }
        return 0;
    }
}
