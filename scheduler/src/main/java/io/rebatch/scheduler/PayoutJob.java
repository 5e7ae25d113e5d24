package io.rebatch.scheduler;

import io.rebatch.jobs.common.JobRunner;
import io.rebatch.jobs.payout.Payouts;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The payout (10:00 by default): the day's batch and payout file (UTF-8, the configured payout directory). The
 * batch of a date is written once; a second firing reports the existing batch (SPEC 7).
 */
public class PayoutJob extends TriggeredJob {
    @Autowired
    private Payouts payouts;

    @Override
    protected String schedule() {
        return "payout";
    }

    @Override
    protected JobRunner.Outcome work(Instant scheduledFor) {
        return payouts.payout(BusinessDates.payoutDate(properties.payoutCron(), scheduledFor), "UTF-8", null)
                .outcome();
    }
}
