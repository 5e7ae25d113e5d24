package io.rebatch.app.cli;

import io.rebatch.jobs.common.Operations;
import picocli.CommandLine.Command;

/**
 * {@code restart EXECUTION_ID}: resumes a FAILED or STOPPED job execution after its last committed chunk. Exit 2
 * for an unknown execution, 3 when it completed, is still marked running (see {@code recover}), or is not the
 * latest of its instance; otherwise the job's own outcome (0 or 1) as {@code settle}/{@code run} print it.
 */
@Command(name = "restart", description = "Resume a FAILED or STOPPED job execution after its last committed chunk.")
class RestartCommand extends ExecutionCommand {
    @Override
    public Integer call() {
        var outcome = root.withProgress("restart " + executionId,
                () -> root.bean(Operations.class).restart(executionId));
        return JobReporting.report(root.out(), root.spec.commandLine().getErr(), "restart " + executionId, outcome);
    }
}
