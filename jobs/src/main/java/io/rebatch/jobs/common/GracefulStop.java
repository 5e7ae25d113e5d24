package io.rebatch.jobs.common;

import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * SIGTERM stops a running job gracefully: when the context closes (the JVM's shutdown hook), every execution that
 * is running while this process holds the {@link JobLock} — which proves they are this process's own — is asked to
 * stop (marked STOPPING in the job repository, see {@link #requestStop}); it ends STOPPED at its next chunk boundary (the current chunk commits or
 * rolls back whole) and {@code restart}, the same command again, or the scheduler resumes it. The close waits up to
 * {@code rebatch.shutdown.stop-wait} for that, before the database connections go away.
 *
 * <p>Runs early in the shutdown (a high phase), before the scheduler and the web server stop.
 */
public class GracefulStop implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(GracefulStop.class);

    private final JobRepository jobRepository;
    private final JobLock jobLock;
    private final Duration stopWait;
    private volatile boolean running;

    public GracefulStop(JobRepository jobRepository, JobLock jobLock, Duration stopWait) {
        this.jobRepository = jobRepository;
        this.jobLock = jobLock;
        this.stopWait = stopWait;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (!jobLock.heldHere()) {
            return;
        }
        for (String name : jobRepository.getJobNames()) {
            Set<JobExecution> executions = jobRepository.findRunningJobExecutions(name);
            for (JobExecution e : executions) {
                try {
                    log.info("stopping execution={} job={} (shutdown)", e.getId(), name);
                    requestStop(e.getId());
                } catch (Exception ex) {
                    log.warn("cannot stop execution={}: {}", e.getId(), ex.getMessage());
                }
            }
        }
        long deadline = System.nanoTime() + stopWait.toNanos();
        while (jobLock.heldHere() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (jobLock.heldHere()) {
            log.warn("a job was still running {} after the stop request; exiting anyway (restart resumes it)",
                    stopWait);
        }
    }

    /**
     * Marks the execution STOPPING, which is all a chunk step needs: at its next commit the repository tells it to
     * terminate, it ends STOPPED after that chunk, and the job STOPPED. Not {@link JobOperator#stop}: in Batch 6 it
     * also "stops" every running step through a copy of its StepExecution read back from the database, in this
     * thread, registering and releasing a step context for it; the step-scoped reader of the running step was then
     * closed under it, so the chunk in flight saved a read count of 0 and a restart read every item again instead of
     * resuming after the last committed chunk. Retried when the job's own thread updated the execution meanwhile.
     */
    private void requestStop(long executionId) {
        for (int attempt = 1; ; attempt++) {
            JobExecution fresh = jobRepository.getJobExecution(executionId);
            if (fresh == null || !fresh.isRunning() || fresh.isStopping()) {
                return;
            }
            fresh.setStatus(BatchStatus.STOPPING);
            try {
                jobRepository.update(fresh);
                return;
            } catch (OptimisticLockingFailureException e) {
                if (attempt >= 5) {
                    throw e;
                }
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
