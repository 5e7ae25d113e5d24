package io.rebatch.readers.api;

import io.rebatch.readers.jd.JdPaging;
import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.domain.Platform;
import io.rebatch.readers.api.AttemptOutcome.Fatal;
import io.rebatch.readers.api.AttemptOutcome.Page;
import io.rebatch.readers.api.AttemptOutcome.Retryable;
import io.rebatch.readers.report.PageParseException;
import io.rebatch.readers.report.Paging;
import io.rebatch.readers.report.ParsedPage;
import io.rebatch.readers.report.PlatformError;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** One answer read as an outcome, with no server and no waiting: status first, then the body, then the platform's verdict. */
class AttemptClassifierTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneOffset.UTC);
    static final String GOOD = "{\"ok\":true}";
    static final PlatformError BAN = new PlatformError(Platform.JD, "429", null, "too many calls, wait 40 s");
    static final PlatformError BAD_KEY = new PlatformError(Platform.JD, "19", null, "Invalid app_key");

    /** Fatal for a bad key, a throttle of 40 s for a ban, and nothing else (no other error is ever parsed here). */
    static ErrorVerdict verdict(PlatformError e) {
        return e == BAD_KEY ? ErrorVerdict.configuration("check rebatch.platforms.jd.app-key")
                : ErrorVerdict.throttled(Duration.ofSeconds(40));
    }

    /** GOOD is a page, "ban"/"bad-key" are the platform's errors, anything else is unreadable. */
    static ParsedPage<JdPaging> parse(String body, String source, long lineNo) {
        return switch (body) {
            case GOOD -> new ParsedPage<>(List.of(), new JdPaging(false), null);
            case "ban" -> new ParsedPage<>(List.of(), null, BAN);
            case "bad-key" -> new ParsedPage<>(List.of(), null, BAD_KEY);
            default -> throw new PageParseException("JD order page is not valid JSON at char 0 (body starts with '" + body + "')");
        };
    }

    final AttemptClassifier classifier =
            new AttemptClassifier(Platform.JD, "rebatch.platforms.jd", AttemptClassifierTest::verdict, CLOCK);

    static Response response(int status, String... headers) {
        Response.Builder b = new Response.Builder()
                .request(new Request.Builder().url("https://api.jd.example/routerjson?app_key=k&sign=S").build())
                .protocol(Protocol.HTTP_1_1).code(status).message("status " + status);
        for (int i = 0; i < headers.length; i += 2) {
            b.addHeader(headers[i], headers[i + 1]);
        }
        return b.build();
    }

    AttemptOutcome<JdPaging> answer(Response response, String body) {
        return classifier.answer(response, body, AttemptClassifierTest::parse, "jd window page 1");
    }

    @Test
    void aGoodPageIsThePageWithItsBodyAsReceived() {
        assertThat(answer(response(200), GOOD)).isInstanceOfSatisfying(Page.class, p -> {
            assertThat(p.body()).isEqualTo(GOOD);
            assertThat(p.parsed().isError()).isFalse();
        });
    }

    @Test
    void http5xx408And429AreRetriedWithoutLookingAtTheBody_429AsThrottled() {
        assertThat(answer(response(503, "Content-Type", "text/html"), GOOD)).isInstanceOfSatisfying(Retryable.class, r -> {
            assertThat(r.throttled()).isFalse();
            assertThat(r.kind()).isEqualTo(PullException.Kind.TRANSIENT);
            assertThat(r.serverWait()).isNull();
            assertThat(r.problem()).isEqualTo("HTTP 503 text/html, body starts '{\"ok\":true}'");
        });
        assertThat(answer(response(408), "")).isInstanceOfSatisfying(Retryable.class, r -> assertThat(r.throttled()).isFalse());
        assertThat(answer(response(429), "")).isInstanceOfSatisfying(Retryable.class, r -> {
            assertThat(r.throttled()).isTrue();
            assertThat(r.kind()).isEqualTo(PullException.Kind.THROTTLED);
        });
    }

    @Test
    void retryAfterInSecondsOrAsAnHttpDateIsTheServerGivenWait() {
        assertThat(answer(response(503, "Retry-After", "9"), "")).isInstanceOfSatisfying(Retryable.class,
                r -> assertThat(r.serverWait()).isEqualTo(Duration.ofSeconds(9)));
        // CLOCK is 02:00:00 GMT: 90 s later, and a date already past is no wait at all
        assertThat(answer(response(429, "Retry-After", "Wed, 25 Nov 2026 02:01:30 GMT"), "")).isInstanceOfSatisfying(
                Retryable.class, r -> assertThat(r.serverWait()).isEqualTo(Duration.ofSeconds(90)));
        assertThat(classifier.retryAfter("Wed, 25 Nov 2026 01:00:00 GMT")).isEqualTo(Duration.ZERO);
        assertThat(classifier.retryAfter("-5")).isEqualTo(Duration.ZERO);
        assertThat(classifier.retryAfter("soon")).isNull();
        assertThat(classifier.retryAfter(" ")).isNull();
    }

    @Test
    void aRedirectIsFatalAndNamesItsTargetWithoutTheQuery() {
        Response redirect = response(302, "Location", "/v2/routerjson?token=abc");
        assertThat(answer(redirect, GOOD)).isInstanceOfSatisfying(Fatal.class, f -> {
            assertThat(f.kind()).isEqualTo(PullException.Kind.CONFIGURATION);
            assertThat(f.error()).isNull();
            assertThat(f.detail()).isEqualTo("the endpoint answered HTTP 302 (redirect to https://api.jd.example:443/v2/routerjson);"
                    + " set rebatch.platforms.jd.endpoint to the final URL");
        });
    }

    @Test
    void anUnreadableBodyIsRetriedUnderA2xxButFatalUnderA4xx() {
        String html = "<html>\n\n  <body>Bad   Gateway</body></html>";
        assertThat(answer(response(200, "Content-Type", "text/html"), html)).isInstanceOfSatisfying(Retryable.class, r -> {
            assertThat(r.throttled()).isFalse();
            assertThat(r.problem()).isEqualTo("the answer is not a JD page (JD order page is not valid JSON at char 0), HTTP 200"
                    + " text/html, body starts '<html> <body>Bad Gateway</body></html>'");
        });
        assertThat(answer(response(404), html)).isInstanceOfSatisfying(Fatal.class, f -> {
            assertThat(f.kind()).isEqualTo(PullException.Kind.CONFIGURATION);
            assertThat(f.detail()).startsWith("the endpoint answered HTTP 404, body starts '<html>")
                    .endsWith("; check rebatch.platforms.jd.endpoint");
        });
        // a 4xx that is the platform's own error answer is read as one
        assertThat(answer(response(400), "ban")).isInstanceOf(Retryable.class);
    }

    @Test
    void thePlatformsErrorIsRetriedOrFatalAsItsPolicySays() {
        assertThat(answer(response(200), "ban")).isInstanceOfSatisfying(Retryable.class, r -> {
            assertThat(r.throttled()).isTrue();
            assertThat(r.serverWait()).isEqualTo(Duration.ofSeconds(40));
            assertThat(r.error()).isSameAs(BAN);
            assertThat(r.problem()).isEqualTo(BAN.describe());
        });
        assertThat(answer(response(200), "bad-key")).isInstanceOfSatisfying(Fatal.class, f -> {
            assertThat(f.kind()).isEqualTo(PullException.Kind.CONFIGURATION);
            assertThat(f.error()).isSameAs(BAD_KEY);
            assertThat(f.detail()).isEqualTo(BAD_KEY.describe() + "; check rebatch.platforms.jd.app-key");
        });
    }

    @Test
    void transportFailuresAreRetriedAndKeepTheirCause() {
        SocketTimeoutException timeout = new SocketTimeoutException("timeout");
        Retryable<JdPaging> t = classifier.transportFailure(timeout);
        assertThat(t.problem()).isEqualTo("timeout: SocketTimeoutException timeout");
        assertThat(t.cause()).isSameAs(timeout);
        assertThat(t.throttled()).isFalse();
        assertThat(classifier.<JdPaging>transportFailure(new IOException()).problem()).isEqualTo("I/O error: IOException");
    }

    @Test
    void aSnippetIsTheFirst80CharactersWithWhitespaceRunsAsOneSpace() {
        assertThat(AttemptClassifier.snippet("  a\n\t b\u0000c  ")).isEqualTo("a b c");
        assertThat(AttemptClassifier.snippet("x".repeat(200))).hasSize(AttemptClassifier.SNIPPET_CHARS);
        assertThat(AttemptClassifier.snippet(null)).isEmpty();
    }
}
