package io.rebatch.app.cli;

import io.rebatch.jobs.common.Operations;
import picocli.CommandLine.Command;

/**
 * {@code recover EXECUTION_ID}: marks an execution left STARTED by a process that died as FAILED so that
 * {@code restart} (or the next run of the same command) can resume it. Taken under the job lock, which proves no
 * live process is running a job. Prints {@code recover N: execution N (...) marked FAILED; restart it with
 * 'rebatch restart N'}. Exit 2 for an unknown execution, 3 when it is not left running or another job holds the
 * lock.
 */
@Command(name = "recover", description = "Mark an execution left STARTED by a crashed process as FAILED so it can"
        + " be restarted.")
class RecoverCommand extends ExecutionCommand {
    @Override
    public Integer call() {
        var e = root.bean(Operations.class).recover(executionId);
        root.out().println("recover " + executionId + ": execution " + e.getId() + " (" + e.getJobInstance().getJobName()
                + ") marked " + e.getStatus() + "; restart it with 'rebatch restart " + executionId + "'");
        root.out().flush();
        return RebatchCommand.OK;
    }
}
