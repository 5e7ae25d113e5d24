package io.rebatch.scheduler;

import io.rebatch.jobs.common.JobRunner;
import java.time.Instant;

/**
 * The month close (the 21st, after the platforms' monthly settlement): closes the previous month without statement
 * files (finance reconciles statements with {@code close-month --statement}, which posts only differences). A
 * completed close of that month is not run again by the scheduler.
 */
public class CloseMonthJob extends TriggeredJob {
    @Override
    protected String schedule() {
        return "close-month";
    }

    @Override
    protected JobRunner.Outcome work(Instant scheduledFor) {
        return operations.closeMonthOnce(BusinessDates.closeMonth(properties.closeMonthCron(), scheduledFor));
    }
}
