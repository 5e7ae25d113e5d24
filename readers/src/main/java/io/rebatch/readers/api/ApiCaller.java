package io.rebatch.readers.api;

import io.rebatch.domain.Platform;
import io.rebatch.readers.report.PageParseException;
import io.rebatch.readers.report.Paging;
import io.rebatch.readers.report.ParsedPage;
import io.rebatch.readers.report.PlatformError;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One platform endpoint's request loop, shared by all clients: wait for the rate cap, POST the signed form
 * ({@code application/x-www-form-urlencoded;charset=utf-8}), read the body, parse it with the same page parser the
 * API dump import uses, and decide: a good page is returned; a rate-limit answer, HTTP 5xx/408/429, a timeout, a
 * broken connection or an unreadable body (an HTML page from a proxy) is retried with back-off
 * ({@link RetrySettings}); an error the platform's {@link ErrorVerdict policy} calls fatal (credentials, signature,
 * a rejected parameter) fails at once. The form is rebuilt for every attempt so each carries a fresh timestamp and
 * signature.
 *
 * <p>It never logs or puts into a message the request's parameters, the endpoint with parameters, or a secret: log
 * lines carry platform, api, window, page, attempt, the platform's error code and message, and the first 80
 * characters of an unreadable body.
 */
public final class ApiCaller {
    private static final Logger log = LoggerFactory.getLogger(ApiCaller.class);
    private static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded;charset=utf-8");
    static final int SNIPPET_CHARS = 80;

    private final Platform platform;
    private final String api;
    private final HttpUrl url;
    private final RetrySettings retry;
    private final RateLimiter limiter;
    private final PullRuntime runtime;
    private final Function<PlatformError, ErrorVerdict> policy;
    private final String settingsPrefix;

    /** The parser of one platform API's response body (one of the {@code io.rebatch.readers.report} page parsers). */
    @FunctionalInterface
    public interface PageParser<P extends Paging> {
        ParsedPage<P> parse(String body, String source, long lineNo);
    }

    /** A good page: the body exactly as received, what the parser made of it, and what it took. */
    public record Fetched<P extends Paging>(String body, ParsedPage<P> page, int attempts, int throttled) {
    }

    public ApiCaller(Platform platform, String api, URI endpoint, RetrySettings retry, double ratePerSecond,
                     PullRuntime runtime, Function<PlatformError, ErrorVerdict> policy) {
        this.platform = Objects.requireNonNull(platform);
        this.api = Objects.requireNonNull(api);
        this.settingsPrefix = "rebatch.platforms." + platform.name().toLowerCase(Locale.ROOT);
        HttpUrl parsed = endpoint == null ? null : HttpUrl.parse(endpoint.toString());
        if (parsed == null) {
            throw new IllegalArgumentException(settingsPrefix + ".endpoint '" + endpoint + "' is not an http(s) URL");
        }
        this.url = parsed;
        this.retry = Objects.requireNonNull(retry);
        this.runtime = Objects.requireNonNull(runtime);
        this.limiter = runtime.rateLimiter(platform, ratePerSecond);
        this.policy = Objects.requireNonNull(policy);
    }

    public Platform platform() {
        return platform;
    }

    public String api() {
        return api;
    }

    /** The settings prefix used in messages, e.g. {@code rebatch.platforms.taobao}. */
    public String settingsPrefix() {
        return settingsPrefix;
    }

    /** A CONFIGURATION failure raised before any request (a missing app key, say). */
    public PullException configurationError(TimeWindow window, String detail) {
        return new PullException(PullException.Kind.CONFIGURATION, platform, api, window, 0, 0, null, detail, null);
    }

    /** A PROTOCOL failure found by a client while paging (a page beyond the platform's limit, a missing total). */
    public PullException protocolError(TimeWindow window, long page, String detail) {
        return new PullException(PullException.Kind.PROTOCOL, platform, api, window, page, 0, null, detail, null);
    }

    /** The {@code source} given to the parser and carried by every row: {@code <api> <window> page <n>}. */
    public String source(TimeWindow window, long page) {
        return api + " " + window + " page " + page;
    }

    /**
     * Fetches one page, retrying as described above.
     *
     * @param params the signed request parameters, built afresh for each attempt
     * @throws PullException when the page cannot be had
     */
    public <P extends Paging> Fetched<P> fetch(TimeWindow window, long page, Supplier<Map<String, String>> params,
                                               PageParser<P> parser) {
        String source = source(window, page);
        int throttled = 0;
        PullException.Kind lastKind = PullException.Kind.TRANSIENT;
        String lastProblem = "";
        PlatformError lastError = null;
        Throwable lastCause = null;
        for (int attempt = 1; ; attempt++) {
            Duration serverWait = null;
            try {
                limiter.acquire();
            } catch (InterruptedException e) {
                throw interrupted(window, page, attempt - 1, e);
            }
            Request request = new Request.Builder().url(url).post(form(params.get()))
                    .header("Accept", "application/json").build();
            long startNanos = System.nanoTime();
            try (Response response = runtime.http().newCall(request).execute()) {
                int status = response.code();
                ResponseBody rb = response.body();
                String body = rb == null ? "" : rb.string();
                if (status >= 500 || status == 408 || status == 429) {
                    serverWait = retryAfter(response.header("Retry-After"));
                    lastKind = status == 429 ? PullException.Kind.THROTTLED : PullException.Kind.TRANSIENT;
                    throttled += status == 429 ? 1 : 0;
                    lastProblem = "HTTP " + status + bodyPart(response, body);
                    lastError = null;
                    lastCause = null;
                } else if (status >= 300 && status < 400) {
                    throw new PullException(PullException.Kind.CONFIGURATION, platform, api, window, page, attempt, null,
                            "the endpoint answered HTTP " + status + " (redirect" + location(response)
                                    + "); set " + settingsPrefix + ".endpoint to the final URL", null);
                } else {
                    ParsedPage<P> parsed = null;
                    try {
                        parsed = parser.parse(body, source, 1);
                    } catch (PageParseException e) {
                        if (status >= 400) {
                            throw new PullException(PullException.Kind.CONFIGURATION, platform, api, window, page, attempt,
                                    null, "the endpoint answered HTTP " + status + bodyPart(response, body)
                                    + "; check " + settingsPrefix + ".endpoint", null);
                        }
                        lastKind = PullException.Kind.TRANSIENT;
                        lastProblem = "the answer is not a " + platform + " page (" + parseReason(e) + "), HTTP " + status
                                + bodyPart(response, body);
                        lastError = null;
                        lastCause = null;
                    }
                    if (parsed != null && !parsed.isError()) {
                        if (log.isDebugEnabled()) {
                            log.debug("api page platform={} api={} window=\"{}\" page={} attempt={} rows={} millis={}",
                                    platform, api, window, page, attempt, parsed.rows().size(),
                                    (System.nanoTime() - startNanos) / 1_000_000);
                        }
                        return new Fetched<>(body, parsed, attempt, throttled);
                    }
                    if (parsed != null) {
                        PlatformError error = parsed.error();
                        ErrorVerdict verdict = policy.apply(error);
                        if (verdict instanceof ErrorVerdict.Fail fail) {
                            log.error("api failed platform={} api={} window=\"{}\" page={} attempt={} kind={} error=\"{}\"",
                                    platform, api, window, page, attempt, fail.kind(), error.describe());
                            throw new PullException(fail.kind(), platform, api, window, page, attempt, error,
                                    error.describe() + "; " + fail.advice(), null);
                        }
                        ErrorVerdict.Retry r = (ErrorVerdict.Retry) verdict;
                        lastKind = r.throttled() ? PullException.Kind.THROTTLED : PullException.Kind.TRANSIENT;
                        throttled += r.throttled() ? 1 : 0;
                        serverWait = r.serverWait();
                        lastProblem = error.describe();
                        lastError = error;
                        lastCause = null;
                    }
                }
            } catch (IOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw interrupted(window, page, attempt, e);
                }
                lastKind = PullException.Kind.TRANSIENT;
                lastProblem = (e instanceof SocketTimeoutException || e instanceof InterruptedIOException ? "timeout: " : "I/O error: ")
                        + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
                lastError = null;
                lastCause = e;
            }

            if (serverWait != null && serverWait.compareTo(retry.maxServerWait()) > 0) {
                log.error("api failed platform={} api={} window=\"{}\" page={} attempt={} kind=THROTTLED waitSeconds={}",
                        platform, api, window, page, attempt, serverWait.toSeconds());
                throw new PullException(PullException.Kind.THROTTLED, platform, api, window, page, attempt, lastError,
                        lastProblem + "; the platform asks to wait " + serverWait.toSeconds() + " s, longer than "
                                + settingsPrefix + ".retry.max-server-wait (" + retry.maxServerWait().toSeconds()
                                + " s): run again later (a rerun resumes after the last completed window)", lastCause);
            }
            if (attempt >= retry.maxAttempts()) {
                log.error("api failed platform={} api={} window=\"{}\" page={} attempts={} kind={} last=\"{}\"",
                        platform, api, window, page, attempt, lastKind, lastProblem);
                String advice = lastKind == PullException.Kind.THROTTLED
                        ? "the platform kept throttling; lower " + settingsPrefix + ".rate-cap or run again later"
                        : "the platform or the network kept failing; run again later";
                throw new PullException(lastKind, platform, api, window, page, attempt, lastError,
                        "gave up after " + attempt + " attempts, last: " + lastProblem + "; " + advice
                                + " (a rerun resumes after the last completed window)", lastCause);
            }
            Duration wait = retry.backoff(attempt, runtime.jitter());
            if (serverWait != null && serverWait.compareTo(wait) > 0) {
                wait = serverWait;
            }
            log.warn("api retry platform={} api={} window=\"{}\" page={} attempt={} kind={} waitMillis={} reason=\"{}\"",
                    platform, api, window, page, attempt, lastKind, wait.toMillis(), lastProblem);
            try {
                runtime.sleeper().sleep(wait);
            } catch (InterruptedException e) {
                throw interrupted(window, page, attempt, e);
            }
        }
    }

    private PullException interrupted(TimeWindow window, long page, int attempts, Exception e) {
        Thread.currentThread().interrupt();
        return new PullException(PullException.Kind.INTERRUPTED, platform, api, window, page, attempts, null,
                "interrupted while pulling", e);
    }

    /** The form body: parameters sorted by name, empty ones left out (they are not signed either). */
    static RequestBody form(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(params).entrySet()) {
            if (e.getValue() == null || e.getValue().isEmpty()) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        return RequestBody.create(sb.toString().getBytes(StandardCharsets.UTF_8), FORM);
    }

    private Duration retryAfter(String header) {
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
            Duration d = Duration.between(runtime.clock().instant(), at);
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
    public static String snippet(String body) {
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
