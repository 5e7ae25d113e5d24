package io.rebatch.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

/** A command about one job execution, named by its id ({@code restart}, {@code recover}). */
abstract class ExecutionCommand implements Callable<Integer> {
    @ParentCommand
    RebatchCommand root;

    @Parameters(index = "0", paramLabel = "EXECUTION_ID")
    long executionId;
}
