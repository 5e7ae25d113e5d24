package io.rebatch.jobs.common;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The job lock ({@code rebatch.lock.*}).
 *
 * @param enabled   take the lock at all. Only tests switch it off, to prove that the database's row-level guard
 *                  alone keeps concurrent settles from posting a line twice (as if the lock had been lost).
 * @param ttl       how long a holder that stopped sending heartbeats is still taken to be alive. Nodes' clocks
 *                  must agree to well within this.
 * @param heartbeat how often a holder extends the lock (besides every chunk it commits)
 */
@ConfigurationProperties("rebatch.lock")
public record LockProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("PT1M") Duration ttl,
        @DefaultValue("PT10S") Duration heartbeat) {
}
