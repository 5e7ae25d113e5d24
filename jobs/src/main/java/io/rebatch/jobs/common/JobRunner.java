package io.rebatch.jobs.common;

import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Starts, resumes and reruns jobs by their business keys; the CLI and the scheduler only go through here.
 *
 * <ul>
 *   <li>A job instance is identified by its business keys (date, month, platform, file digest) plus an
 *       {@code attempt} number. Attempt 1 is the first settlement; an explicit rerun of a completed date is
 *       attempt n+1 — recorded, never accidental.</li>
 *   <li>A FAILED or STOPPED execution is restarted, resuming after its last committed chunk.</li>
 *   <li>An execution left STARTED by a killed process is recovered (marked FAILED) and restarted. That is safe
 *       because the caller holds the {@link JobLock}: no other live process can be running it.</li>
 * </ul>
 */
public class JobRunner {
    /** What to do when the latest attempt already completed. */
    public enum WhenComplete {
        /** Start the next attempt (settle, close-month: "may be run again, posting only differences"). */
        RERUN,
        /** Do nothing and report it (importing a file that was already imported). */
        SKIP,
        /** Refuse (CLI exit code 3). */
        REFUSE
    }

    public record Outcome(JobExecution execution, boolean alreadyComplete) {
        public boolean succeeded() {
            return alreadyComplete || execution.getStatus() == BatchStatus.COMPLETED;
        }

        /** A one-line reason for a failed execution: the first failure of its steps or of the job. */
        public String failureReason() {
            if (execution == null) {
                return "";
            }
            for (StepExecution s : execution.getStepExecutions()) {
                if (!s.getFailureExceptions().isEmpty()) {
                    return rootMessage(s.getFailureExceptions().get(0));
                }
            }
            List<Throwable> f = execution.getAllFailureExceptions();
            return f.isEmpty() ? execution.getExitStatus().getExitDescription() : rootMessage(f.get(0));
        }

        private static String rootMessage(Throwable t) {
            Throwable cause = t;
            String message = t.getMessage();
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
                if (cause.getMessage() != null) {
                    message = cause.getMessage();
                }
            }
            String firstLine = message == null ? t.getClass().getSimpleName() : message.lines().findFirst().orElse("");
            return firstLine;
        }
    }

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final JobLock jobLock;

    public JobRunner(JobOperator jobOperator, JobRepository jobRepository, JobLock jobLock) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.jobLock = jobLock;
    }

    public Outcome run(Job job, JobParameters businessKeys, WhenComplete whenComplete) {
        try (JobLock.Held ignored = jobLock.acquire()) {
            long attempt = 1;
            JobInstance last = null;
            while (true) {
                JobInstance i = jobRepository.getJobInstance(job.getName(), withAttempt(businessKeys, attempt));
                if (i == null) {
                    break;
                }
                last = i;
                attempt++;
            }
            if (last == null) {
                return new Outcome(start(job, withAttempt(businessKeys, 1)), false);
            }
            long lastAttempt = attempt - 1;
            JobExecution lastExecution = jobRepository.getLastJobExecution(last);
            BatchStatus status = lastExecution == null ? BatchStatus.FAILED : lastExecution.getStatus();
            if (status.isRunning()) {
                jobOperator.recover(lastExecution);
                status = BatchStatus.FAILED;
            }
            if (status == BatchStatus.COMPLETED) {
                return switch (whenComplete) {
                    case SKIP -> new Outcome(lastExecution, true);
                    case REFUSE -> throw new RefusedException(job.getName() + " " + describe(businessKeys)
                            + " is already complete (attempt " + lastAttempt + ")");
                    case RERUN -> new Outcome(start(job, withAttempt(businessKeys, lastAttempt + 1)), false);
                };
            }
            if (status == BatchStatus.ABANDONED || !resumable(job, last)) {
                return new Outcome(start(job, withAttempt(businessKeys, lastAttempt + 1)), false);
            }
            return new Outcome(start(job, withAttempt(businessKeys, lastAttempt)), false);
        }
    }

    /**
     * {@code restart EXECUTION_ID}: resumes a FAILED or STOPPED execution after its last committed chunk, under the
     * job lock. Refused (exit 3) when it completed, when it is still marked running (a live process, or a dead one
     * that {@link #recover} must first mark FAILED), when it was abandoned, or when it is not the latest execution
     * of its job instance. A settle or close-month that may no longer resume (another ledger job ran since) is
     * evaluated again from the start as the next attempt, like {@link #run} does.
     *
     * @throws IllegalArgumentException no such execution (exit 2)
     */
    public Outcome restart(long executionId, java.util.function.Function<String, Job> jobs) {
        try (JobLock.Held ignored = jobLock.acquire()) {
            JobExecution execution = existing(executionId);
            BatchStatus status = execution.getStatus();
            String what = describeExecution(execution);
            if (status == BatchStatus.COMPLETED) {
                throw new RefusedException(what + " is COMPLETED; nothing to restart (to settle a date again use"
                        + " 'rebatch rerun --date D --reason TEXT')");
            }
            if (status.isRunning()) {
                throw new RefusedException(what + " is " + status + ": if the process that ran it died, run 'rebatch"
                        + " recover " + executionId + "' first");
            }
            if (status == BatchStatus.ABANDONED) {
                throw new RefusedException(what + " was ABANDONED and cannot be restarted");
            }
            JobExecution last = jobRepository.getLastJobExecution(execution.getJobInstance());
            if (last != null && last.getId() != executionId) {
                throw new RefusedException(what + " is not the latest execution of its job instance (execution "
                        + last.getId() + " is); restart that one");
            }
            Job job = jobs.apply(execution.getJobInstance().getJobName());
            if (job == null) {
                throw new RefusedException(what + ": job " + execution.getJobInstance().getJobName()
                        + " is not known to this version of rebatch");
            }
            if (!resumable(job, execution.getJobInstance())) {
                long attempt = execution.getJobParameters().getLong("attempt") == null ? 1
                        : execution.getJobParameters().getLong("attempt");
                JobParameters keys = withoutAttempt(execution.getJobParameters());
                return new Outcome(start(job, withAttempt(keys, attempt + 1)), false);
            }
            try {
                return new Outcome(jobOperator.restart(execution), false);
            } catch (Exception e) {
                throw new IllegalStateException("cannot restart " + what + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * {@code recover EXECUTION_ID}: marks an execution left STARTED (or STARTING/STOPPING) by a process that died as
     * FAILED, so that it can be restarted (Batch 6 {@code JobOperator.recover}). Only while this process holds the
     * job lock — which proves that no other live process is running a job, so the execution is really orphaned.
     */
    public JobExecution recover(long executionId) {
        try (JobLock.Held ignored = jobLock.acquire()) {
            JobExecution execution = existing(executionId);
            if (!execution.getStatus().isRunning()) {
                throw new RefusedException(describeExecution(execution) + " is " + execution.getStatus()
                        + ", not left running; nothing to recover");
            }
            return jobOperator.recover(execution);
        }
    }

    private JobExecution existing(long executionId) {
        JobExecution execution;
        try {
            execution = jobRepository.getJobExecution(executionId);
        } catch (org.springframework.dao.EmptyResultDataAccessException e) {
            execution = null; // Batch 6 throws for an id it does not know
        }
        if (execution == null) {
            throw new IllegalArgumentException("no job execution " + executionId + " (see 'rebatch status')");
        }
        return execution;
    }

    static String describeExecution(JobExecution e) {
        return "execution " + e.getId() + " (" + e.getJobInstance().getJobName() + " "
                + describe(withoutAttempt(e.getJobParameters())) + ", attempt "
                + (e.getJobParameters().getLong("attempt") == null ? "?" : e.getJobParameters().getLong("attempt"))
                + ")";
    }

    private static JobParameters withoutAttempt(JobParameters p) {
        JobParametersBuilder b = new JobParametersBuilder();
        p.parameters().forEach(jp -> {
            if (!jp.name().equals("attempt") && jp.identifying()) {
                b.addJobParameter(jp);
            }
        });
        return b.toJobParameters();
    }

    /**
     * Whether a failed settle or close-month may resume after its last committed chunk. Only while it is the latest
     * instance of its job: once another date was settled (or month closed) in between, the chunks it committed
     * before may have been moved on by that run, and resuming would leave them there — so the date is evaluated
     * again from the start as the next attempt (which posts only differences). Imports and pulls always resume.
     */
    private static final List<String> LEDGER_JOBS = List.of("settle", "closeMonth");

    private boolean resumable(Job job, JobInstance failed) {
        if (!LEDGER_JOBS.contains(job.getName())) {
            return true;
        }
        for (String name : LEDGER_JOBS) {
            List<JobInstance> latest = jobRepository.getJobInstances(name, 0, 1);
            if (!latest.isEmpty() && latest.get(0).getInstanceId() > failed.getInstanceId()) {
                return false;
            }
        }
        return true;
    }

    private JobExecution start(Job job, JobParameters params) {
        try {
            return jobOperator.start(job, params);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start " + job.getName() + " " + describe(params) + ": "
                    + e.getMessage(), e);
        }
    }

    static JobParameters withAttempt(JobParameters keys, long attempt) {
        return new JobParametersBuilder(keys).addLong("attempt", attempt).toJobParameters();
    }

    private static String describe(JobParameters p) {
        StringBuilder sb = new StringBuilder();
        p.parameters().forEach(jp -> sb.append(sb.isEmpty() ? "" : " ").append(jp.name()).append('=').append(jp.value()));
        return sb.toString();
    }
}
