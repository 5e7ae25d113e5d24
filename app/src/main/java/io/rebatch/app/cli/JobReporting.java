package io.rebatch.app.cli;

import io.rebatch.domain.BadInputException;
import io.rebatch.jobs.common.JobRunner;
import io.rebatch.jobs.importing.ImportJobConfiguration;
import io.rebatch.jobs.importing.ImportSummary;
import java.io.PrintWriter;
import java.util.Locale;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * Prints a job outcome in one line for finance and maps it to the CLI exit code.
 *
 * <p>Imports ({@code import}, {@code load}): a completed file prints {@code <what>: done (execution N, read R,
 * stored S, quarantined Q, skipped K, T s)} (the counts of {@link ImportSummary}); a file refused as bad input
 * (empty, all rows bad, too many bad rows, not of the kind: see {@code ImportScan}) prints one line
 * {@code rebatch: <what> refused: <reason and likely cause>} on stderr and returns exit code 2, like any bad input;
 * other failures exit 1. A stopped job (SIGTERM) says so and how to resume it, exit 1.
 */
final class JobReporting {
    private JobReporting() {
    }

    static int report(PrintWriter out, PrintWriter err, String what, JobRunner.Outcome outcome) {
        var exec = outcome.execution();
        if (outcome.succeeded()) {
            StringBuilder sb = new StringBuilder(what).append(": ").append(outcome.alreadyComplete() ? "already complete" : "done");
            if (exec != null) {
                sb.append(" (execution ").append(exec.getId());
                ImportSummary summary = importSummary(exec);
                if (summary != null) {
                    sb.append(", ").append(summary);
                }
                if (!outcome.alreadyComplete() && exec.getStartTime() != null && exec.getEndTime() != null) {
                    long ms = java.time.Duration.between(exec.getStartTime(), exec.getEndTime()).toMillis();
                    sb.append(String.format(Locale.ROOT, ", %.2f s", ms / 1000.0));
                }
                if (summary == null) {
                    appendSteps(sb, exec);
                }
                sb.append(')');
            }
            out.println(sb);
            out.flush();
            return RebatchCommand.OK;
        }
        if (exec != null && exec.getStatus() == org.springframework.batch.core.BatchStatus.STOPPED) {
            // SIGTERM (GracefulStop) or an operator's stop: ended at a chunk boundary, every committed chunk kept
            err.println("rebatch: " + what + " stopped (execution " + exec.getId() + "); run the same command again"
                    + " or 'rebatch restart " + exec.getId() + "' to resume after its last committed chunk");
            err.flush();
            return RebatchCommand.JOB_FAILED;
        }
        String refusal = refusal(exec);
        if (refusal != null) {
            err.println("rebatch: " + what + " refused: " + refusal);
            err.flush();
            return RebatchCommand.BAD_INPUT;
        }
        String badInput = badInput(exec);
        if (badInput != null) {
            err.println("rebatch: " + what + ": " + badInput);
            err.flush();
            return RebatchCommand.BAD_INPUT;
        }
        err.println("rebatch: " + what + " failed: " + outcome.failureReason());
        err.flush();
        return RebatchCommand.exitCodeOf(outcome);
    }

    private static void appendSteps(StringBuilder sb, JobExecution exec) {
        for (StepExecution s : exec.getStepExecutions()) {
            if (s.getReadCount() > 0 || s.getWriteCount() > 0) {
                sb.append(", ").append(s.getStepName()).append(' ').append(s.getWriteCount()).append(" items");
            }
            if (s.getExecutionContext().containsKey("requests")) {
                sb.append(", ").append(s.getExecutionContext().getLong("requests")).append(" requests, ")
                        .append(s.getExecutionContext().getLong("rows.read", 0L)).append(" rows");
            }
            if (s.getExecutionContext().containsKey("report")) {
                sb.append(", report ").append(s.getExecutionContext().getString("report"));
            }
            if (s.getExecutionContext().containsKey("report.lines")) {
                sb.append(" and ").append(s.getExecutionContext().getString("report.lines"));
            }
            if (s.getExecutionContext().containsKey("statement.mismatches")) {
                long m = s.getExecutionContext().getLong("statement.mismatches");
                sb.append(m == 0 ? ", statements match" : ", statement MISMATCH on " + m + " platform(s)");
            }
        }
    }

    /** The counts an import job's record step left, or null for other jobs. */
    private static ImportSummary importSummary(JobExecution exec) {
        if (!ImportJobConfiguration.JOB_NAME.equals(exec.getJobInstance().getJobName())) {
            return null;
        }
        for (StepExecution s : exec.getStepExecutions()) {
            if (s.getStepName().equals("record")) {
                return ImportSummary.from(s.getExecutionContext());
            }
        }
        return null;
    }

    /** The one-line reason of an import refused by its scan step, or null. */
    private static String refusal(JobExecution exec) {
        if (exec == null) {
            return null;
        }
        for (StepExecution s : exec.getStepExecutions()) {
            if (s.getExecutionContext().containsKey(ImportJobConfiguration.REFUSAL_KEY)) {
                return s.getExecutionContext().getString(ImportJobConfiguration.REFUSAL_KEY);
            }
        }
        return null;
    }

    /** The message of a {@link BadInputException} that failed an import's step (the file, not rebatch, is wrong), or null. */
    private static String badInput(JobExecution exec) {
        if (exec == null || !ImportJobConfiguration.JOB_NAME.equals(exec.getJobInstance().getJobName())) {
            return null;
        }
        for (StepExecution s : exec.getStepExecutions()) {
            for (Throwable t : s.getFailureExceptions()) {
                for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
                    if (c instanceof BadInputException && c.getMessage() != null) {
                        return c.getMessage().lines().findFirst().orElse(c.getMessage());
                    }
                }
            }
        }
        return null;
    }
}
