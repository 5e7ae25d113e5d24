package io.rebatch.scheduler;

import io.rebatch.jobs.common.JobRunner;
import io.rebatch.jobs.common.Operations;
import java.time.Instant;
import java.time.LocalDate;
import io.rebatch.domain.Platform;

/**
 * The nightly run (02:30 by default): pull yesterday's changes from every platform, then settle yesterday. A
 * completed settlement of that date is not settled again (the trigger fired twice, a misfire catch-up, another
 * node's recovered firing): {@code rerun} is the only way to settle a date again. A pull that failed stops the
 * run (the settle would miss its changes); its job is FAILED and the next firing, or {@code run --date D}, resumes.
 */
public class NightlyRunJob extends TriggeredJob {
    @Override
    protected String schedule() {
        return "nightly";
    }

    @Override
    protected JobRunner.Outcome work(Instant scheduledFor) {
        LocalDate date = BusinessDates.nightlyDate(properties.nightlyCron(), scheduledFor);
        for (Platform platform : pulled.platforms()) {
            for (Operations.PullOutcome p : operations.pullDay(date, platform)) {
                if (!p.outcome().succeeded()) {
                    return p.outcome();
                }
            }
        }
        return operations.settle(date, null, null, JobRunner.WhenComplete.SKIP);
    }
}
