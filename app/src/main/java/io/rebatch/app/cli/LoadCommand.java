package io.rebatch.app.cli;

import io.rebatch.jobs.common.Operations;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "load", description = "Load app data files (SPEC 2.2), upserting by id: users, bindings or clicks.")
class LoadCommand implements Callable<Integer> {
    enum What { users, bindings, clicks }

    @ParentCommand
    RebatchCommand root;

    @Parameters(index = "0", paramLabel = "users|bindings|clicks", description = "What the file holds: ${COMPLETION-CANDIDATES}")
    What what;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE")
    Path[] files;

    @Override
    public Integer call() {
        Operations ops = root.bean(Operations.class);
        for (Path f : files) {
            int code = JobReporting.report(root.out(), root.spec.commandLine().getErr(), "load " + what + " " + f,
                    ops.importFile(what.name().toUpperCase(Locale.ROOT), f));
            if (code != 0) {
                return code;
            }
        }
        return 0;
    }
}
