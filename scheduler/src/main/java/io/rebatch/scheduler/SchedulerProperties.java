package io.rebatch.scheduler;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import io.rebatch.domain.Platform;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rebatch.scheduler.*} (config/application.yml). Cron expressions are Quartz's (seconds first) and read in
 * Asia/Shanghai whatever the machine's zone. Defaults: the nightly run for yesterday at 02:30, a pull every 15
 * minutes, the payout at 10:00, close-month on the 21st at 03:30.
 *
 * @param enabled          start the clustered scheduler in this process ({@code serve}); {@code rebatch scheduler}
 *                         always does
 * @param nightlyCron      pull + settle of yesterday
 * @param pullCron         incremental pull since each feed's watermark (pending rebates near real time)
 * @param payoutCron       payout batch and file of the day
 * @param closeMonthCron   close the previous month (tier bonus)
 * @param checkinInterval  how often a node tells the cluster it is alive; a node silent for longer is dead and its
 *                         recoverable work re-fires on another node
 * @param threads          Quartz worker threads of this node
 * @param lockWait         how long the nightly, payout and close-month wait (with back-off) for the job lock held by
 *                         another job before they fail; a pull never waits (the next one comes in 15 minutes)
 * @param platforms        the platforms whose order APIs the nightly and the 15-minute pull read (default all three);
 *                         empty: the nightly only settles (reports come in as files through {@code import})
 * @param nightlyDeadline  the health indicator turns DOWN when yesterday's settlement has not completed by this time
 *                         (Asia/Shanghai)
 */
@ConfigurationProperties("rebatch.scheduler")
public record SchedulerProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("0 30 2 * * ?") String nightlyCron,
        @DefaultValue("0 0/15 * * * ?") String pullCron,
        @DefaultValue("0 0 10 * * ?") String payoutCron,
        @DefaultValue("0 30 3 21 * ?") String closeMonthCron,
        @DefaultValue("5s") Duration checkinInterval,
        @DefaultValue("3") int threads,
        @DefaultValue("30m") Duration lockWait,
        @DefaultValue("06:00") LocalTime nightlyDeadline,
        @DefaultValue({"TAOBAO", "JD", "PDD"}) List<Platform> platforms) {
}
