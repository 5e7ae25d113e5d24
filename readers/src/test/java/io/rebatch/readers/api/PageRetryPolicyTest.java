package io.rebatch.readers.api;

import io.rebatch.readers.jd.JdPaging;
import static org.assertj.core.api.Assertions.assertThat;

import dev.failsafe.Execution;
import io.rebatch.readers.api.AttemptOutcome.Fatal;
import io.rebatch.readers.api.AttemptOutcome.Page;
import io.rebatch.readers.api.AttemptOutcome.Retryable;
import io.rebatch.readers.report.Paging;
import io.rebatch.readers.report.ParsedPage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/**
 * The Failsafe policy run as ApiCaller runs it (a standalone Execution, one outcome recorded per request), with the
 * outcomes and the jitter made up: how many requests, which waits, when it stops at once.
 */
class PageRetryPolicyTest {
    static final RetrySettings RETRY = new RetrySettings(5, Duration.ofMillis(400), Duration.ofMillis(2000), Duration.ofMinutes(2));
    static final Page<JdPaging> PAGE =
            new Page<>("{}", new ParsedPage<>(List.of(), new JdPaging(false), null));
    static final Retryable<JdPaging> BUSY = new Retryable<>(false, null, "HTTP 503", null, null);
    static final Fatal<JdPaging> REFUSED = new Fatal<>(PullException.Kind.CONFIGURATION, "Invalid app_key", null);

    static Retryable<JdPaging> throttledFor(Duration wait) {
        return new Retryable<>(true, wait, "wait " + wait.toSeconds() + " s", null, null);
    }

    /** Always 0.0 (each wait is the bottom of its range, half the back-off), counting its draws. */
    static final class Jitter implements DoubleSupplier {
        int draws;

        @Override
        public double getAsDouble() {
            draws++;
            return 0.0;
        }
    }

    final Jitter jitter = new Jitter();

    /** How many outcomes were recorded until the execution completed, and the waits asked for between them. */
    record Run(int requests, List<Duration> waits) {
    }

    Run run(List<AttemptOutcome<JdPaging>> outcomes) {
        Execution<AttemptOutcome<JdPaging>> execution = Execution.of(PageRetryPolicy.of(RETRY, jitter));
        List<Duration> waits = new ArrayList<>();
        for (AttemptOutcome<JdPaging> outcome : outcomes) {
            execution.recordResult(outcome);
            if (execution.isComplete()) {
                return new Run(waits.size() + 1, waits);
            }
            waits.add(execution.getDelay());
        }
        throw new AssertionError("still retrying after " + outcomes.size() + " outcomes");
    }

    static List<AttemptOutcome<JdPaging>> times(int n, AttemptOutcome<JdPaging> o) {
        return new ArrayList<>(Collections.nCopies(n, o));
    }

    @Test
    void retriesUpToMaxAttemptsWithBackoffDoublingToTheCeiling() {
        Run run = run(times(10, BUSY));
        assertThat(run.requests()).isEqualTo(5);
        // 400, 800, 1600, 2000 (ceiling) ms, each at the bottom of its upper-half jitter range
        assertThat(run.waits()).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800),
                Duration.ofMillis(1000));
        assertThat(jitter.draws).as("no jitter drawn for the last request, after which nobody waits").isEqualTo(4);
    }

    @Test
    void aGoodPageEndsTheRetries() {
        List<AttemptOutcome<JdPaging>> outcomes = times(2, BUSY);
        outcomes.add(PAGE);
        outcomes.add(BUSY);
        assertThat(run(outcomes)).isEqualTo(new Run(3, List.of(Duration.ofMillis(200), Duration.ofMillis(400))));
    }

    @Test
    void aFatalOutcomeIsNeverRetried() {
        List<AttemptOutcome<JdPaging>> outcomes = times(1, REFUSED);
        outcomes.add(PAGE);
        assertThat(run(outcomes)).isEqualTo(new Run(1, List.of()));
        assertThat(jitter.draws).isZero();
    }

    @Test
    void theServerGivenWaitIsHonouredWhenLongerThanTheBackoff() {
        List<AttemptOutcome<JdPaging>> outcomes = new ArrayList<>(List.of(throttledFor(Duration.ofSeconds(9)),
                BUSY, throttledFor(Duration.ofMillis(100)), PAGE));
        Run run = run(outcomes);
        assertThat(run.requests()).isEqualTo(4);
        // the server's 9 s; then back-off for attempt 2 (not held back by the server's wait); a 100 ms wait is shorter
        // than attempt 3's back-off, which wins
        assertThat(run.waits()).containsExactly(Duration.ofSeconds(9), Duration.ofMillis(400), Duration.ofMillis(800));
    }

    @Test
    void aServerGivenWaitBeyondMaxServerWaitStopsAtOnce() {
        List<AttemptOutcome<JdPaging>> outcomes = times(1, throttledFor(Duration.ofMinutes(2).plusSeconds(1)));
        outcomes.add(PAGE);
        assertThat(run(outcomes)).isEqualTo(new Run(1, List.of()));
        assertThat(PageRetryPolicy.waitTooLong(RETRY, outcomes.get(0))).isTrue();
        assertThat(PageRetryPolicy.waitTooLong(RETRY, throttledFor(Duration.ofMinutes(2)))).isFalse();
        assertThat(jitter.draws).isZero();
    }

    @Test
    void oneAttemptMeansNoRetry() {
        Execution<AttemptOutcome<JdPaging>> execution = Execution.of(PageRetryPolicy.of(
                new RetrySettings(1, Duration.ofMillis(400), Duration.ofMillis(2000), Duration.ofMinutes(2)), jitter));
        execution.recordResult(BUSY);
        assertThat(execution.isComplete()).isTrue();
        assertThat(jitter.draws).isZero();
    }
}
