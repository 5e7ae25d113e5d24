package io.rebatch.readers.api;

import dev.failsafe.Execution;
import io.rebatch.domain.Platform;
import io.rebatch.readers.api.AttemptOutcome.Fatal;
import io.rebatch.readers.api.AttemptOutcome.Page;
import io.rebatch.readers.api.AttemptOutcome.Retryable;
import io.rebatch.readers.report.Paging;
import io.rebatch.readers.report.ParsedPage;
import io.rebatch.readers.report.PlatformError;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * signature. {@link AttemptClassifier} reads each answer; a Failsafe {@link PageRetryPolicy} decides whether to ask
 * again and after what wait; this class sends the requests, sleeps on the runtime's {@link Sleeper}, logs, and turns
 * the last outcome into a page or a {@link PullException}.
 *
 * <p>It never logs or puts into a message the request's parameters, the endpoint with parameters, or a secret: log
 * lines carry platform, api, window, page, attempt, the platform's error code and message, and the first 80
 * characters of an unreadable body.
 */
public final class ApiCaller {
    private static final Logger log = LoggerFactory.getLogger(ApiCaller.class);
    private static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded;charset=utf-8");

    private final Platform platform;
    private final String api;
    private final HttpUrl url;
    private final RetrySettings retry;
    private final RateLimiter limiter;
    private final PullRuntime runtime;
    private final AttemptClassifier classifier;
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
        this.classifier = new AttemptClassifier(platform, settingsPrefix, policy, runtime.clock());
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
     * Fetches one page, retrying as described above: {@link AttemptClassifier} reads each answer, a
     * {@link PageRetryPolicy} decides whether and after what wait to ask again, and the runtime's {@link Sleeper}
     * waits.
     *
     * @param params the signed request parameters, built afresh for each attempt
     * @throws PullException when the page cannot be had
     */
    public <P extends Paging> Fetched<P> fetch(TimeWindow window, long page, Supplier<Map<String, String>> params,
                                               PageParser<P> parser) {
        Execution<AttemptOutcome<P>> execution = Execution.of(PageRetryPolicy.of(retry, runtime::jitter));
        int throttled = 0;
        for (int attempt = 1; ; attempt++) {
            AttemptOutcome<P> outcome = attempt(window, page, attempt, params, parser);
            throttled += outcome instanceof Retryable<P> r && r.throttled() ? 1 : 0;
            execution.recordResult(outcome);
            if (execution.isComplete()) {
                return finish(window, page, attempt, throttled, outcome);
            }
            Retryable<P> failed = (Retryable<P>) outcome;
            Duration wait = execution.getDelay();
            log.warn("api retry platform={} api={} window=\"{}\" page={} attempt={} kind={} waitMillis={} reason=\"{}\"",
                    platform, api, window, page, attempt, failed.kind(), wait.toMillis(), failed.problem());
            try {
                runtime.sleeper().sleep(wait);
            } catch (InterruptedException e) {
                throw interrupted(window, page, attempt, e);
            }
        }
    }

    /** One request: wait for the rate cap, POST a freshly signed form, read the answer. */
    private <P extends Paging> AttemptOutcome<P> attempt(TimeWindow window, long page, int attempt,
                                                         Supplier<Map<String, String>> params, PageParser<P> parser) {
        try {
            limiter.acquire();
        } catch (InterruptedException e) {
            throw interrupted(window, page, attempt - 1, e);
        }
        Request request = new Request.Builder().url(url).post(form(params.get()))
                .header("Accept", "application/json").build();
        long startNanos = System.nanoTime();
        try (Response response = runtime.http().newCall(request).execute()) {
            ResponseBody rb = response.body();
            String body = rb == null ? "" : rb.string();
            AttemptOutcome<P> outcome = classifier.answer(response, body, parser, source(window, page));
            if (outcome instanceof Page<P> good && log.isDebugEnabled()) {
                log.debug("api page platform={} api={} window=\"{}\" page={} attempt={} rows={} millis={}",
                        platform, api, window, page, attempt, good.parsed().rows().size(),
                        (System.nanoTime() - startNanos) / 1_000_000);
            }
            return outcome;
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw interrupted(window, page, attempt, e);
            }
            return classifier.transportFailure(e);
        }
    }

    /** The page, or the failure that ended the retries (each logged once, with its reason). */
    private <P extends Paging> Fetched<P> finish(TimeWindow window, long page, int attempt, int throttled,
                                                 AttemptOutcome<P> outcome) {
        if (outcome instanceof Page<P> good) {
            return new Fetched<>(good.body(), good.parsed(), attempt, throttled);
        }
        if (outcome instanceof Fatal<P> fatal) {
            PlatformError error = fatal.error();
            if (error != null) {
                // the platform's refusal is logged with its code; a redirect or a bare HTTP 4xx is in the message only
                log.error("api failed platform={} api={} window=\"{}\" page={} attempt={} kind={} error=\"{}\"",
                        platform, api, window, page, attempt, fatal.kind(), error.describe());
            }
            throw new PullException(fatal.kind(), platform, api, window, page, attempt, error, fatal.detail(), null);
        }
        Retryable<P> last = (Retryable<P>) outcome;
        if (PageRetryPolicy.waitTooLong(retry, last)) {
            Duration serverWait = last.serverWait();
            log.error("api failed platform={} api={} window=\"{}\" page={} attempt={} kind=THROTTLED waitSeconds={}",
                    platform, api, window, page, attempt, serverWait.toSeconds());
            throw new PullException(PullException.Kind.THROTTLED, platform, api, window, page, attempt, last.error(),
                    last.problem() + "; the platform asks to wait " + serverWait.toSeconds() + " s, longer than "
                            + settingsPrefix + ".retry.max-server-wait (" + retry.maxServerWait().toSeconds()
                            + " s): run again later (a rerun resumes after the last completed window)", last.cause());
        }
        log.error("api failed platform={} api={} window=\"{}\" page={} attempts={} kind={} last=\"{}\"",
                platform, api, window, page, attempt, last.kind(), last.problem());
        String advice = last.throttled()
                ? "the platform kept throttling; lower " + settingsPrefix + ".rate-cap or run again later"
                : "the platform or the network kept failing; run again later";
        throw new PullException(last.kind(), platform, api, window, page, attempt, last.error(),
                "gave up after " + attempt + " attempts, last: " + last.problem() + "; " + advice
                        + " (a rerun resumes after the last completed window)", last.cause());
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
}
