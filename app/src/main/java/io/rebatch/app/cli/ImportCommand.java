package io.rebatch.app.cli;

import io.rebatch.domain.Platform;
import io.rebatch.readers.platform.Adapters;
import io.rebatch.readers.platform.Feed;
import java.util.Locale;
import io.rebatch.jobs.common.Operations;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "import", description = "Import platform report files: API dumps (JSON Lines) or the Taobao back-office export;"
        + " with --refunds, pages of the Taobao refund API.")
class ImportCommand implements Callable<Integer> {
    @ParentCommand
    RebatchCommand root;

    @Option(names = "--platform", required = true, paramLabel = "taobao|jd|pdd")
    String platform;

    @Option(names = "--refunds", description = "The files hold Taobao refund rows (taobao.tbk.relation.refund)")
    boolean refunds;

    @Parameters(arity = "1..*", paramLabel = "FILE")
    Path[] files;

    @Override
    public Integer call() {
        Platform p = Platform.parse(platform);
        Feed feed = Adapters.of(p).feeds().stream().filter(f -> f.refunds() == refunds).findFirst().orElseThrow(() ->
                new IllegalArgumentException("--refunds is only for " + String.join(" or ", Adapters.feeds().stream()
                        .filter(Feed::refunds).map(f -> "--platform " + f.platform().code().toLowerCase(Locale.ROOT))
                        .toList())));
        String kind = feed.importKind();
        Operations ops = root.bean(Operations.class);
        for (Path f : files) {
            String what = "import " + kind.toLowerCase() + " " + f;
            int code = JobReporting.report(root.out(), root.spec.commandLine().getErr(), what,
                    root.withProgress(what, () -> ops.importFile(kind, f)));
            if (code != 0) {
                return code;
            }
        }
        return 0;
    }
}
