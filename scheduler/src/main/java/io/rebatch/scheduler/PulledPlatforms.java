package io.rebatch.scheduler;

import io.rebatch.domain.Platform;
import io.rebatch.jobs.pull.Feeds;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platforms the scheduler pulls: those of {@code rebatch.scheduler.platforms} whose API credentials are
 * configured ({@code rebatch.platforms.<p>.app-key/app-secret}, PDD {@code client-id/client-secret}). A platform
 * without credentials gets its reports as files ({@code import}); the nightly then only settles it, and says so in
 * the log instead of failing the night on a pull that cannot authenticate.
 */
public class PulledPlatforms {
    private static final Logger log = LoggerFactory.getLogger(PulledPlatforms.class);

    private final SchedulerProperties properties;
    private final Feeds feeds;

    public PulledPlatforms(SchedulerProperties properties, Feeds feeds) {
        this.properties = properties;
        this.feeds = feeds;
    }

    public List<Platform> platforms() {
        List<Platform> out = new ArrayList<>();
        for (Platform p : properties.platforms()) {
            if (feeds.credentialsConfigured(p)) {
                out.add(p);
            } else {
                log.info("platform {} has no API credentials configured: not pulled (its reports come in as files)", p);
            }
        }
        return out;
    }
}
