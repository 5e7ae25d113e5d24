package io.rebatch.scheduler;

import java.time.LocalTime;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code nightly} health of a scheduler node: DOWN when it is past {@code rebatch.scheduler.nightly-deadline}
 * (Asia/Shanghai) and yesterday's settlement has not completed — the page the on-call engineer gets. Only on nodes
 * that run the scheduler: an API-only replica must not leave the load balancer because a night is late.
 */
public class NightlyHealthIndicator implements HealthIndicator {
    private final NightlyStatus status;
    private final LocalTime deadline;

    public NightlyHealthIndicator(NightlyStatus status, LocalTime deadline) {
        this.status = status;
        this.deadline = deadline;
    }

    @Override
    public Health health() {
        boolean late = status.late(deadline);
        Health.Builder b = late ? Health.down() : Health.up();
        return b.withDetail("date", status.yesterday().toString()).withDetail("deadline", deadline.toString())
                .withDetail("settled", status.settled(status.yesterday())).build();
    }
}
