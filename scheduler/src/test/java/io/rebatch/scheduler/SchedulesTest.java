package io.rebatch.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;

/** How the schedules are stored: misfire instructions, recovery, and what a restart keeps (an in-memory store). */
class SchedulesTest {
    private Scheduler scheduler;

    @BeforeEach
    void start() throws Exception {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", "schedules-test-" + System.nanoTime());
        p.setProperty("org.quartz.threadPool.threadCount", "1");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        scheduler = new StdSchedulerFactory(p).getScheduler(); // never started: nothing fires
    }

    @AfterEach
    void stop() throws Exception {
        scheduler.shutdown();
    }

    private static SchedulerProperties properties(String nightly) {
        return new SchedulerProperties(true, nightly, "0 0/15 * * * ?", "0 0 10 * * ?", "0 30 3 21 * ?",
                java.time.Duration.ofSeconds(5), 3, java.time.Duration.ofMinutes(30), java.time.LocalTime.of(6, 0),
                List.of());
    }

    @Test
    void eachScheduleIsADurableRecoverableJobWithItsChosenMisfireInstruction() throws Exception {
        Schedules.register(scheduler, Schedules.of(properties("0 30 2 * * ?")));
        for (String name : List.of("nightly", "pull", "payout", "close-month")) {
            assertThat(scheduler.getJobDetail(JobKey.jobKey(name, Schedules.GROUP)).requestsRecovery()).as(name).isTrue();
            assertThat(scheduler.getJobDetail(JobKey.jobKey(name, Schedules.GROUP)).isDurable()).as(name).isTrue();
        }
        CronTrigger nightly = (CronTrigger) scheduler.getTrigger(TriggerKey.triggerKey("nightly", Schedules.GROUP));
        assertThat(nightly.getMisfireInstruction()).isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW);
        assertThat(nightly.getTimeZone().getID()).isEqualTo("Asia/Shanghai");
        assertThat(((CronTrigger) scheduler.getTrigger(TriggerKey.triggerKey("pull", Schedules.GROUP)))
                .getMisfireInstruction()).isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING);
        assertThat(scheduler.getJobDetail(JobKey.jobKey("nightly", Schedules.GROUP)).getJobClass())
                .isEqualTo(NightlyRunJob.class);
        assertThat(NightlyRunJob.class.isAnnotationPresent(org.quartz.DisallowConcurrentExecution.class)
                || TriggeredJob.class.isAnnotationPresent(org.quartz.DisallowConcurrentExecution.class)).isTrue();
    }

    @Test
    void registeringAgainKeepsAStoredTriggerSoAMissedFiringStaysAMisfire() throws Exception {
        String everyMinute = "0 * * * * ?";
        Schedules.register(scheduler, Schedules.of(properties(everyMinute)));
        TriggerKey key = TriggerKey.triggerKey("nightly", Schedules.GROUP);
        // The store says the next firing was due an hour ago (every node was down across it).
        Trigger overdue = scheduler.getTrigger(key).getTriggerBuilder()
                .startAt(new Date(System.currentTimeMillis() - 3_600_000)).build();
        scheduler.rescheduleJob(key, overdue);
        Date due = scheduler.getTrigger(key).getNextFireTime();
        assertThat(due).isBefore(new Date(System.currentTimeMillis() - 3_000_000));

        Schedules.register(scheduler, Schedules.of(properties(everyMinute))); // a node starts
        assertThat(scheduler.getTrigger(key).getNextFireTime()).as("still overdue: it will misfire and fire once")
                .isEqualTo(due);

        Schedules.register(scheduler, Schedules.of(properties("0 45 2 * * ?"))); // the operator changed the cron
        assertThat(((CronTrigger) scheduler.getTrigger(key)).getCronExpression()).isEqualTo("0 45 2 * * ?");
        assertThat(scheduler.getTrigger(key).getNextFireTime()).isAfter(new Date());
    }
}
