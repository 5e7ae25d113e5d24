package io.rebatch.scheduler;

import io.rebatch.domain.BusinessTime;
import io.rebatch.readers.platform.Adapters;
import io.rebatch.readers.platform.Feed;
import io.rebatch.jobs.settle.SettleJobConfiguration;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;

/**
 * What the nightly left behind, read from Spring Batch's own job repository (any node sees the same): whether
 * yesterday's settlement completed, and when each platform feed last pulled successfully. Used by the health
 * indicator and the gauges of {@link SchedulerMetrics}.
 */
public class NightlyStatus {
    /** How many recent instances of a job are looked at (a night has a handful). */
    private static final int RECENT = 200;

    private final JobRepository jobRepository;
    private final Clock clock;

    public NightlyStatus(JobRepository jobRepository, Clock clock) {
        this.jobRepository = jobRepository;
        this.clock = clock;
    }

    /** Yesterday in Asia/Shanghai: the date the nightly settles. */
    public LocalDate yesterday() {
        return BusinessTime.dateOf(clock.instant()).minusDays(1);
    }

    /** Whether a settlement of {@code date} (all platforms, any attempt) has completed. */
    public boolean settled(LocalDate date) {
        for (JobInstance i : jobRepository.getJobInstances(SettleJobConfiguration.JOB_NAME, 0, RECENT)) {
            JobExecution last = jobRepository.getLastJobExecution(i);
            if (last != null && last.getStatus() == BatchStatus.COMPLETED
                    && date.toString().equals(last.getJobParameters().getString("date"))
                    && last.getJobParameters().getString("platform") == null) {
                return true;
            }
        }
        return false;
    }

    /** Whether it is past the deadline of today (Asia/Shanghai) and yesterday is not settled. */
    public boolean late(java.time.LocalTime deadline) {
        ZonedDateTime now = clock.instant().atZone(BusinessTime.ZONE);
        return !now.toLocalTime().isBefore(deadline) && !settled(yesterday());
    }

    /**
     * Per feed in the platforms' order, the end of the window of its latest completed pull (feeds never pulled, or
     * of platforms no longer registered, are absent).
     */
    public Map<Feed, Instant> lastPulls() {
        Map<String, Instant> byName = new java.util.HashMap<>();
        List<JobInstance> instances = jobRepository.getJobInstances("pull", 0, RECENT);
        for (JobInstance i : instances) {
            JobExecution last = jobRepository.getLastJobExecution(i);
            if (last == null || last.getStatus() != BatchStatus.COMPLETED) {
                continue;
            }
            String feed = last.getJobParameters().getString("feed");
            if (feed == null) {
                continue;
            }
            String to = last.getJobParameters().getString("to");
            if (to == null) {
                continue;
            }
            // The end of the window the pull covered (its business key, an instant): what "pulled until" means,
            // and free of Spring Batch's JVM-local start/end times.
            Instant end = Instant.parse(to);
            byName.merge(feed, end, (a, b) -> a.isAfter(b) ? a : b);
        }
        Map<Feed, Instant> out = new java.util.LinkedHashMap<>();
        for (Feed f : Adapters.feeds()) {
            Instant end = byName.get(f.name());
            if (end != null) {
                out.put(f, end);
            }
        }
        return out;
    }
}
