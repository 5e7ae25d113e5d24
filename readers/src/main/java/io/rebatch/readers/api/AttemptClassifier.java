package io.rebatch.readers.api;

import io.rebatch.domain.Platform;
import io.rebatch.readers.api.ApiCaller.PageParser;
import io.rebatch.readers.api.AttemptOutcome.Fatal;
import io.rebatch.readers.api.AttemptOutcome.Page;
import io.rebatch.readers.api.AttemptOutcome.Retryable;
import io.rebatch.readers.report.PageParseException;
import io.rebatch.readers.report.Paging;
import io.rebatch.readers.report.ParsedPage;
import io.rebatch.readers.report.PlatformError;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.Response;

/**
 * Reads one request's answer (or its transport failure) as an {@link AttemptOutcome}: HTTP 5xx/408/429 are retried
 * (429 as a rate limit, with the {@code Retry-After} wait if any); a redirect is fatal; otherwise the body goes to the
 * page parser — a good page is the outcome, a platform error is retried or fatal as the platform's
 * {@link ErrorVerdict policy} says, and an unreadable body is retried (an HTML page from a proxy) unless the status
 * was 4xx (then the endpoint is wrong).
 *
 * <p>It only reads: no request, no wait, no log, and no counting of attempts. Its texts never quote the request's
 * parameters or the endpoint's query, only the first {@value #SNIPPET_CHARS} characters of a body.
 */
final class AttemptClassifier {
    static final int SNIPPET_CHARS = 80;

    private final Platform platform;
    private final String settingsPrefix;
    private final Function<PlatformError, ErrorVerdict> policy;
    private final Clock clock;

    /** {@code clock} dates an HTTP-date {@code Retry-After}. */
    AttemptClassifier(Platform platform, String settingsPrefix, Function<PlatformError, ErrorVerdict> policy, Clock clock) {
        this.platform = Objects.requireNonNull(platform);
        this.settingsPrefix = Objects.requireNonNull(settingsPrefix);
        this.policy = Objects.requireNonNull(policy);
        this.clock = Objects.requireNonNull(clock);
    }

    /** The outcome of an answer whose body has been read as {@code body}. */
    <P extends Paging> AttemptOutcome<P> answer(Response response, String body, PageParser<P> parser, String source) {
        int status = response.code();
        if (status >= 500 || status == 408 || status == 429) {
            return new Retryable<>(status == 429, retryAfter(response.header("Retry-After")),
                    "HTTP " + status + bodyPart(response, body), null, null);
        }
        if (status >= 300 && status < 400) {
            return new Fatal<>(PullException.Kind.CONFIGURATION, "the endpoint answered HTTP " + status + " (redirect"
                    + location(response) + "); set " + settingsPrefix + ".endpoint to the final URL", null);
        }
        ParsedPage<P> parsed;
        try {
            parsed = parser.parse(body, source, 1);
        } catch (PageParseException e) {
            if (status >= 400) {
                return new Fatal<>(PullException.Kind.CONFIGURATION, "the endpoint answered HTTP " + status
                        + bodyPart(response, body) + "; check " + settingsPrefix + ".endpoint", null);
            }
            return new Retryable<>(false, null, "the answer is not a " + platform + " page (" + parseReason(e)
                    + "), HTTP " + status + bodyPart(response, body), null, null);
        }
        if (!parsed.isError()) {
            return new Page<>(body, parsed);
        }
        PlatformError error = parsed.error();
        ErrorVerdict verdict = policy.apply(error);
        if (verdict instanceof ErrorVerdict.Fail fail) {
            return new Fatal<>(fail.kind(), error.describe() + "; " + fail.advice(), error);
        }
        ErrorVerdict.Retry retry = (ErrorVerdict.Retry) verdict;
        return new Retryable<>(retry.throttled(), retry.serverWait(), error.describe(), error, null);
    }

    /** A timeout or broken connection: always worth another request (interruption is the caller's to tell apart). */
    <P extends Paging> Retryable<P> transportFailure(IOException e) {
        String what = e instanceof SocketTimeoutException || e instanceof InterruptedIOException ? "timeout: " : "I/O error: ";
        return new Retryable<>(false, null,
                what + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), null, e);
    }

    /** Seconds or an HTTP-date; null when absent or unreadable, zero when already past. */
    Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String h = header.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(h)));
        } catch (NumberFormatException ignored) {
            // an HTTP-date
        }
        try {
            Instant at = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(clock.instant(), at);
            return d.isNegative() ? Duration.ZERO : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The parser's reason without its own quote of the body (ours follows). */
    private static String parseReason(PageParseException e) {
        String m = e.getMessage() == null ? "unreadable" : e.getMessage();
        int quote = m.indexOf(" (body starts with");
        return quote > 0 ? m.substring(0, quote) : m;
    }

    private static String location(Response response) {
        String loc = response.header("Location");
        if (loc == null) {
            return "";
        }
        HttpUrl u = response.request().url().resolve(loc);
        // scheme, host and path only: a redirect target's query is nobody's business in a log
        return " to " + (u == null ? snippet(loc) : u.scheme() + "://" + u.host() + ":" + u.port() + u.encodedPath());
    }

    private static String bodyPart(Response response, String body) {
        String type = response.header("Content-Type");
        return (type == null ? "" : " " + type) + ", body starts '" + snippet(body) + "'";
    }

    /** The first {@value #SNIPPET_CHARS} characters of a body, whitespace runs and control characters as one space. */
    static String snippet(String body) {
        if (body == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        boolean space = false;
        for (int i = 0; i < body.length() && sb.length() < SNIPPET_CHARS; i++) {
            char c = body.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                if (!space && sb.length() > 0) {
                    sb.append(' ');
                }
                space = true;
            } else {
                sb.append(c);
                space = false;
            }
        }
        return sb.toString().strip();
    }
}
