package io.rebatch.readers.api;

import dev.failsafe.RetryPolicy;
import io.rebatch.readers.api.AttemptOutcome.Fatal;
import io.rebatch.readers.api.AttemptOutcome.Page;
import io.rebatch.readers.api.AttemptOutcome.Retryable;
import io.rebatch.readers.report.Paging;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * The Failsafe {@link RetryPolicy} for the requests of one page, made from {@link RetrySettings}: every outcome but a
 * good page is a failure; a {@link Fatal} one, or a {@link Retryable} one whose server-given wait is longer than
 * {@code maxServerWait}, aborts at once; otherwise up to {@code maxAttempts} requests, the delay before the next being
 * {@link RetrySettings#backoff} or the server-given wait, whichever is longer.
 *
 * <p>The delay is a {@code withDelayFn} rather than Failsafe's {@code withBackoff}/{@code withJitter}: Failsafe's
 * back-off only doubles when it was the delay used (a server-given wait in between would hold it back), and its
 * jitter draws from {@code Math.random()}, while ours is a point in the upper half drawn from the runtime's seeded
 * source. The policy never waits itself: whoever runs it sleeps {@code Execution.getDelay()} on a {@link Sleeper}.
 */
final class PageRetryPolicy {

    private PageRetryPolicy() {
    }

    /** {@code jitter} gives a number in [0, 1) for each wait that will be slept, and only for those. */
    static <P extends Paging> RetryPolicy<AttemptOutcome<P>> of(RetrySettings settings, DoubleSupplier jitter) {
        return RetryPolicy.<AttemptOutcome<P>>builder()
                .handleResultIf(outcome -> !(outcome instanceof Page))
                .abortIf(outcome -> outcome instanceof Fatal || waitTooLong(settings, outcome))
                .withMaxAttempts(settings.maxAttempts())
                .withDelayFn(context -> delayAfter(settings, jitter, context.getAttemptCount(), context.getLastResult()))
                .build();
    }

    /** Whether the server asks for a longer wait than {@code maxServerWait}: not waited out, the pull fails. */
    static boolean waitTooLong(RetrySettings settings, AttemptOutcome<?> outcome) {
        return outcome instanceof Retryable<?> r && r.serverWait() != null
                && r.serverWait().compareTo(settings.maxServerWait()) > 0;
    }

    /** The wait after request number {@code failedAttempt} came to {@code outcome}. */
    static Duration delayAfter(RetrySettings settings, DoubleSupplier jitter, int failedAttempt,
                               AttemptOutcome<?> outcome) {
        if (!(outcome instanceof Retryable<?> r) || waitTooLong(settings, r) || failedAttempt >= settings.maxAttempts()) {
            // Failsafe asks for a delay after every failure, the aborted and the last one too; no retry follows
            // those, so no jitter is drawn for them and a seeded runtime spends its numbers on the waits alone
            return Duration.ZERO;
        }
        Duration backoff = settings.backoff(failedAttempt, jitter.getAsDouble());
        return r.serverWait() != null && r.serverWait().compareTo(backoff) > 0 ? r.serverWait() : backoff;
    }
}
