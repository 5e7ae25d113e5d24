package io.rebatch.readers.api;

import io.rebatch.readers.report.Paging;
import io.rebatch.readers.report.ParsedPage;
import io.rebatch.readers.report.PlatformError;
import java.time.Duration;
import java.util.Objects;

/**
 * What one request for a page came to, as {@link AttemptClassifier} reads it: a good {@link Page}, a {@link Retryable}
 * failure (perhaps with a wait the server asked for), or a {@link Fatal} one that no retry can mend. It carries no
 * window, page or attempt number: whoever turns it into a {@link PullException} adds those.
 */
sealed interface AttemptOutcome<P extends Paging> {

    /** A good page: the body exactly as received and what the parser made of it. */
    record Page<P extends Paging>(String body, ParsedPage<P> parsed) implements AttemptOutcome<P> {
        public Page {
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(parsed, "parsed");
        }
    }

    /**
     * Worth another request: a rate limit ({@code throttled}), HTTP 5xx/408, a timeout, a broken connection or an
     * unreadable body.
     *
     * @param serverWait the wait the server asked for (HTTP {@code Retry-After}, TOP's "N more seconds"), or null
     * @param problem    what went wrong, for the log and the give-up message
     * @param error      the platform's error answer, or null
     * @param cause      the transport failure, or null
     */
    record Retryable<P extends Paging>(boolean throttled, Duration serverWait, String problem, PlatformError error,
                                       Throwable cause) implements AttemptOutcome<P> {
        public Retryable {
            Objects.requireNonNull(problem, "problem");
        }

        public PullException.Kind kind() {
            return throttled ? PullException.Kind.THROTTLED : PullException.Kind.TRANSIENT;
        }
    }

    /**
     * Never retried: a redirect, an HTTP 4xx that is no platform answer, or an error the platform's
     * {@link ErrorVerdict policy} calls fatal ({@code error} is then the platform's answer, else null).
     *
     * @param detail what went wrong and what to do, the message of the {@link PullException}
     */
    record Fatal<P extends Paging>(PullException.Kind kind, String detail, PlatformError error)
            implements AttemptOutcome<P> {
        public Fatal {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
