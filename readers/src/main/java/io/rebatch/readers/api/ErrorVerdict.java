package io.rebatch.readers.api;

import java.time.Duration;

/**
 * What a platform client makes of a platform's error answer: retry it (a rate limit or a passing failure, perhaps
 * after a wait the platform named), or fail the window at once with advice for whoever reads the message.
 */
public sealed interface ErrorVerdict {

    /** Retry after back-off; {@code serverWait} (nullable) is the wait the platform asked for. */
    record Retry(boolean throttled, Duration serverWait) implements ErrorVerdict {
    }

    /** Fail the window without retrying; {@code advice} says what to do (names settings, never their secret values). */
    record Fail(PullException.Kind kind, String advice) implements ErrorVerdict {
    }

    static ErrorVerdict throttled(Duration serverWait) {
        return new Retry(true, serverWait);
    }

    static ErrorVerdict transientFailure() {
        return new Retry(false, null);
    }

    static ErrorVerdict configuration(String advice) {
        return new Fail(PullException.Kind.CONFIGURATION, advice);
    }

    static ErrorVerdict protocol(String advice) {
        return new Fail(PullException.Kind.PROTOCOL, advice);
    }
}
