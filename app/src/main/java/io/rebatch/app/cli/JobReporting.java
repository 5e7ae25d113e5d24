package io.rebatch.app.cli;

import io.rebatch.jobs.common.JobRunner;
import java.io.PrintWriter;
import org.springframework.batch.core.step.StepExecution;

/** Prints a job outcome in one or two lines for finance and maps it to the CLI exit code. */
final class JobReporting {
    private JobReporting() {
    }

    static int report(PrintWriter out, PrintWriter err, String what, JobRunner.Outcome outcome) {
        var exec = outcome.execution();
        if (outcome.succeeded()) {
            StringBuilder sb = new StringBuilder(what).append(": ").append(outcome.alreadyComplete() ? "already complete" : "done");
            if (exec != null) {
                sb.append(" (execution ").append(exec.getId());
                if (!outcome.alreadyComplete() && exec.getStartTime() != null && exec.getEndTime() != null) {
                    long ms = java.time.Duration.between(exec.getStartTime(), exec.getEndTime()).toMillis();
                    sb.append(String.format(java.util.Locale.ROOT, ", %.2f s", ms / 1000.0));
                }
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
                }
                sb.append(')');
            }
            out.println(sb);
            out.flush();
            return RebatchCommand.OK;
        }
        err.println("rebatch: " + what + " failed: " + outcome.failureReason());
        err.flush();
        return RebatchCommand.JOB_FAILED;
    }
}
