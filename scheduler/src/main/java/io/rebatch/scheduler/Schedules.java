package io.rebatch.scheduler;

import io.rebatch.domain.BusinessTime;
import java.util.List;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * rebatch's four schedules, their Quartz job and trigger, and how each treats a misfire (a firing missed because
 * every node was down, or busy, for longer than the misfire threshold of 60 s):
 * <ul>
 *   <li><b>nightly</b> — fire once as soon as a node is back ({@code FireAndProceed}): the run is keyed by its
 *       business date (computed from the missed cron time, see {@link BusinessDates}) and a completed date is
 *       skipped, so catching up can never settle twice, and the night is not lost. Several missed nights are
 *       caught up as one firing for the latest of them; the earlier ones need {@code run --date D}.</li>
 *   <li><b>pull</b> — do nothing ({@code DoNothing}): the next regular firing pulls from each feed's watermark and
 *       so covers the gap; firing a burst of catch-ups would only repeat work.</li>
 *   <li><b>payout</b> — {@code FireAndProceed}: the batch of a date is written once, a second firing reports it.</li>
 *   <li><b>close-month</b> — {@code FireAndProceed}: keyed by month and skipped once complete.</li>
 * </ul>
 * Every job is durable and {@code requestRecovery}: when the node running it dies, another node re-fires it after
 * the cluster check-in shows the node silent, and the work resumes from its last committed chunk.
 */
public final class Schedules {
    public static final String GROUP = "rebatch";
    private static final Logger log = LoggerFactory.getLogger(Schedules.class);

    /** One schedule: its name, job class, cron and whether a misfire fires once (true) or waits for the next. */
    public record Schedule(String name, Class<? extends TriggeredJob> job, String cron, boolean fireMisfired) {
        JobDetail detail() {
            return JobBuilder.newJob(job).withIdentity(name, GROUP).storeDurably().requestRecovery()
                    .withDescription("rebatch " + name).build();
        }

        CronTrigger trigger() {
            CronScheduleBuilder cronSchedule = CronScheduleBuilder.cronSchedule(BusinessDates.parse(cron))
                    .inTimeZone(TimeZone.getTimeZone(BusinessTime.ZONE));
            cronSchedule = fireMisfired ? cronSchedule.withMisfireHandlingInstructionFireAndProceed()
                    : cronSchedule.withMisfireHandlingInstructionDoNothing();
            return TriggerBuilder.newTrigger().withIdentity(name, GROUP).forJob(name, GROUP)
                    .withSchedule(cronSchedule).build();
        }
    }

    private Schedules() {
    }

    public static List<Schedule> of(SchedulerProperties p) {
        return List.of(new Schedule("nightly", NightlyRunJob.class, p.nightlyCron(), true),
                new Schedule("pull", PullJob.class, p.pullCron(), false),
                new Schedule("payout", PayoutJob.class, p.payoutCron(), true),
                new Schedule("close-month", CloseMonthJob.class, p.closeMonthCron(), true));
    }

    /**
     * Puts the schedules into the (shared) job store. A trigger already stored with the same cron, zone and misfire
     * instruction is left as it is — so a firing missed while every node was down is still seen as a misfire when
     * a node starts; a changed one is replaced (its next firing is then computed from now). Safe when several nodes
     * start at once: a trigger another node stored first is simply kept.
     */
    public static void register(Scheduler scheduler, List<Schedule> schedules) throws SchedulerException {
        for (Schedule s : schedules) {
            for (int attempt = 1; ; attempt++) {
                try {
                    registerOne(scheduler, s);
                    break;
                } catch (SchedulerException e) {
                    // Two nodes starting at once both found no row and both inserted it: the other one won. Again,
                    // the row is there and this is an update (or nothing).
                    if (attempt == 3) {
                        throw e;
                    }
                    log.debug("schedule {} raced with another node ({}); again", s.name(), e.getMessage());
                    try {
                        Thread.sleep(200L * attempt);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        throw e;
                    }
                }
            }
        }
    }

    private static void registerOne(Scheduler scheduler, Schedule s) throws SchedulerException {
        scheduler.addJob(s.detail(), true);
        CronTrigger wanted = s.trigger();
        Trigger existing = scheduler.getTrigger(wanted.getKey());
        if (existing == null) {
            try {
                scheduler.scheduleJob(wanted);
                log.info("schedule {} added cron='{}'", s.name(), s.cron());
            } catch (ObjectAlreadyExistsException raced) {
                log.debug("schedule {} was added by another node", s.name());
            }
        } else if (!(existing instanceof CronTrigger c) || !c.getCronExpression().equals(s.cron())
                || c.getMisfireInstruction() != wanted.getMisfireInstruction()
                || !c.getTimeZone().getID().equals(BusinessTime.ZONE.getId())) {
            scheduler.rescheduleJob(wanted.getKey(), wanted);
            log.info("schedule {} changed cron='{}'", s.name(), s.cron());
        }
    }
}
