package io.rebatch.scheduler;

import io.rebatch.jobs.common.Operations;
import io.micrometer.core.instrument.MeterRegistry;
import io.rebatch.jobs.common.JobRunner;
import io.rebatch.jobs.common.LockHeldException;
import java.time.Duration;
import java.time.Instant;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.batch.core.BatchStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;

/**
 * A Quartz job of rebatch: it only starts Spring Batch work through {@code Operations} (ARCHITECTURE "Quartz only
 * triggers"); the work's business keys make it unique, so a trigger that fires twice cannot do it twice.
 *
 * <p>{@link DisallowConcurrentExecution} holds across the cluster (Quartz blocks the job's triggers in the
 * database while it runs). The instant the work is <em>for</em> is the firing's scheduled time — or, when Quartz
 * re-fires the work of a dead node ({@code requestRecovery}), the original firing's scheduled time — never the
 * wall clock of whichever node runs it (see {@link BusinessDates}).
 *
 * <p>Work that must happen (nightly, payout, close-month) waits for the job lock with back-off up to
 * {@code rebatch.scheduler.lock-wait} when another job holds it (a pull at 02:30, a finance rerun), using Spring's
 * {@link RetryTemplate}; a pull does not wait.
 */
@DisallowConcurrentExecution
public abstract class TriggeredJob implements Job {
    private static final Logger log = LoggerFactory.getLogger(TriggeredJob.class);

    @Autowired
    protected SchedulerProperties properties;

    /** What the jobs call: the operator's operations (under the database job lock). */
    @Autowired
    protected Operations operations;

    /** The platforms the pulls read (those with API credentials of the configured ones). */
    @Autowired
    protected PulledPlatforms pulled;

    @Autowired
    private ObjectProvider<MeterRegistry> meters;

    /** Does the work for the firing at {@code scheduledFor}; returns the outcome to report, null when skipped. */
    protected abstract JobRunner.Outcome work(Instant scheduledFor);

    /** The schedule's name as in metrics and logs. */
    protected abstract String schedule();

    /** Whether to wait for the job lock (true) or skip this firing when it is held (false). */
    protected boolean waitsForLock() {
        return true;
    }

    @Override
    public final void execute(JobExecutionContext context) throws JobExecutionException {
        Instant scheduledFor = scheduledFor(context);
        String outcome = "failed";
        try {
            JobRunner.Outcome o = waitsForLock() ? withLockWait(scheduledFor) : work(scheduledFor);
            if (o != null && o.execution() != null && o.execution().getStatus() == BatchStatus.STOPPED) {
                outcome = "stopped";
                resumeLater(context, scheduledFor);
                return;
            }
            if (o == null || o.succeeded()) {
                outcome = o == null ? "skipped" : o.alreadyComplete() ? "already-complete" : "completed";
                log.info("scheduled {} for {} {} execution={}", schedule(), scheduledFor, outcome,
                        o == null || o.execution() == null ? "-" : o.execution().getId());
                return;
            }
            log.error("scheduled {} for {} failed execution={} reason={}", schedule(), scheduledFor,
                    o.execution() == null ? "-" : o.execution().getId(), o.failureReason());
            throw new JobExecutionException(schedule() + " failed: " + o.failureReason());
        } catch (LockHeldException e) {
            outcome = "lock-held";
            log.info("scheduled {} for {} skipped: {}", schedule(), scheduledFor, e.getMessage());
        } catch (JobExecutionException e) {
            throw e;
        } catch (RuntimeException e) {
            log.error("scheduled {} for {} failed", schedule(), scheduledFor, e);
            throw new JobExecutionException(schedule() + " failed: " + e.getMessage(), e);
        } finally {
            MeterRegistry registry = meters.getIfAvailable();
            if (registry != null) {
                registry.counter("rebatch.scheduler.firings", "schedule", schedule(), "outcome", outcome).increment();
            }
        }
    }

    private JobRunner.Outcome withLockWait(Instant scheduledFor) {
        Duration wait = properties.lockWait();
        RetryPolicy policy = RetryPolicy.builder().includes(LockHeldException.class).maxRetries(Long.MAX_VALUE)
                .timeout(wait).delay(Duration.ofSeconds(5)).multiplier(2).maxDelay(Duration.ofMinutes(2))
                .jitter(Duration.ofSeconds(1)).build();
        try {
            return new RetryTemplate(policy).execute(() -> work(scheduledFor));
        } catch (RetryException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof RuntimeException r && !(cause instanceof LockHeldException)) {
                throw r;
            }
            throw new IllegalStateException("the job lock stayed held for " + wait + ": " + cause.getMessage(), cause);
        }
    }

    /**
     * This node is shutting down (SIGTERM) and stopped the work at a chunk boundary: a one-shot trigger for the same
     * job and the same scheduled time, stored in the shared job store, lets another node (or this one when it is
     * back) resume it at once instead of at the next night.
     */
    private void resumeLater(JobExecutionContext context, Instant scheduledFor) {
        Trigger resume = TriggerBuilder.newTrigger().forJob(context.getJobDetail().getKey())
                .withIdentity(schedule() + "-resume-" + scheduledFor.toEpochMilli(), Schedules.GROUP)
                .usingJobData(RESUME_FOR, String.valueOf(scheduledFor.toEpochMilli())).startNow()
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow()).build();
        try {
            context.getScheduler().scheduleJob(resume);
            log.info("scheduled {} for {} stopped by shutdown; resume trigger stored", schedule(), scheduledFor);
        } catch (SchedulerException e) {
            log.warn("scheduled {} for {} stopped; no resume trigger ({}): 'rebatch restart' resumes it", schedule(),
                    scheduledFor, e.getMessage());
        }
    }

    /** Job data key of a resume trigger: the scheduled time (epoch ms) of the firing it resumes. */
    static final String RESUME_FOR = "rebatch.resumeFor";

    /** The scheduled time of this firing, or of the original firing when Quartz recovers a dead node's work. */
    static Instant scheduledFor(JobExecutionContext context) {
        String resumed = context.getMergedJobDataMap().getString(RESUME_FOR);
        if (resumed != null) {
            return Instant.ofEpochMilli(Long.parseLong(resumed));
        }
        if (context.isRecovering()) {
            String original = context.getMergedJobDataMap()
                    .getString(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_SCHEDULED_FIRETIME_IN_MILLISECONDS);
            if (original != null) {
                return Instant.ofEpochMilli(Long.parseLong(original));
            }
        }
        java.util.Date scheduled = context.getScheduledFireTime();
        return (scheduled == null ? context.getFireTime() : scheduled).toInstant();
    }
}
