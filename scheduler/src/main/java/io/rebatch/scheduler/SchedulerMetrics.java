package io.rebatch.scheduler;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.rebatch.readers.platform.Adapters;
import io.rebatch.readers.platform.Feed;
import java.time.Instant;

/**
 * Gauges of the nightly on {@code /actuator/prometheus} (next to Spring Batch's own job/step/chunk observations and
 * the {@code rebatch.scheduler.firings} counter): {@code rebatch.nightly.settled} (1 when yesterday's settlement
 * completed), and {@code rebatch.pull.last.success} per feed and platform (epoch seconds of the end of the window its latest
 * completed pull covered; 0 when never). Read from the job repository at scrape time, so every node reports the same.
 */
public class SchedulerMetrics implements MeterBinder {
    private final NightlyStatus status;

    public SchedulerMetrics(NightlyStatus status) {
        this.status = status;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("rebatch.nightly.settled", status, s -> s.settled(s.yesterday()) ? 1 : 0)
                .description("1 when yesterday's (Asia/Shanghai) settlement has completed").register(registry);
        for (Feed feed : Adapters.feeds()) {
            Gauge.builder("rebatch.pull.last.success", status, s -> {
                Instant t = s.lastPulls().get(feed);
                return t == null ? 0 : t.getEpochSecond();
            }).tag("feed", feed.name()).tag("platform", feed.platform().name()).baseUnit("seconds")
                    .description("end of the window of the feed's latest completed pull (epoch seconds)").register(registry);
        }
    }
}
