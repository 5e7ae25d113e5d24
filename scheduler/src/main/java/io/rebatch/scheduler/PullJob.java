package io.rebatch.scheduler;

import io.rebatch.jobs.common.JobRunner;
import io.rebatch.jobs.common.Operations;
import io.rebatch.domain.Platform;
import java.time.Instant;

/**
 * The incremental pull (every 15 minutes by default): each feed from its watermark, so pending rebates show in the
 * app soon after the order. It never waits for the job lock: when another job runs, this firing is skipped and the
 * next one pulls from the same watermark, so nothing is lost.
 */
public class PullJob extends TriggeredJob {
    @Override
    protected String schedule() {
        return "pull";
    }

    @Override
    protected boolean waitsForLock() {
        return false;
    }

    @Override
    protected JobRunner.Outcome work(Instant scheduledFor) {
        JobRunner.Outcome last = null;
        for (Platform platform : pulled.platforms()) {
            for (Operations.PullOutcome p : operations.pullSinceWatermark(platform)) {
                last = p.outcome();
                if (!last.succeeded()) {
                    return last;
                }
            }
        }
        return last;
    }
}
