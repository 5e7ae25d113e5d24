package io.rebatch.readers.api;

import io.rebatch.readers.jd.JdPaging;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rebatch.domain.BusinessTime;
import io.rebatch.domain.Platform;
import io.rebatch.readers.report.Paging;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * The retry loop against a real port: every wait the policy asks for is slept on the runtime's {@link Sleeper}, with
 * the runtime's seeded jitter. The rate cap (1000/s) spaces back-to-back requests 1 ms apart: {@link #retryWaits()}
 * leaves those out.
 */
class ApiCallerRetryTest {
    static final RetrySettings RETRY = new RetrySettings(3, Duration.ofMillis(400), Duration.ofMillis(2000), Duration.ofMinutes(2));
    static final TimeWindow WINDOW = new TimeWindow(BusinessTime.parseLocal("2026-11-24 13:00:00"),
            BusinessTime.parseLocal("2026-11-24 14:00:00"));

    @StartStop
    public final MockWebServer server = new MockWebServer();
    final FakeTime time = new FakeTime();
    /** The draws a runtime seeded as {@link FakeTime#runtime()} seeds it gives, in turn. */
    final SplittableRandom sameSeed = new SplittableRandom(7);

    List<Duration> retryWaits() {
        return time.sleepsOfAtLeast(Duration.ofMillis(2));
    }

    ApiCaller caller(PullRuntime runtime) {
        return new ApiCaller(Platform.JD, "jd.test.orders", server.url("/routerjson").uri(), RETRY, 1000, runtime,
                AttemptClassifierTest::verdict);
    }

    ApiCaller.Fetched<JdPaging> fetch(ApiCaller caller) {
        return caller.fetch(WINDOW, 1, () -> Map.of("page", "1"), AttemptClassifierTest::parse);
    }

    static MockResponse status(int code, String... headers) {
        MockResponse.Builder b = new MockResponse.Builder().code(code).body(code == 200 ? AttemptClassifierTest.GOOD : "busy");
        for (int i = 0; i < headers.length; i += 2) {
            b.addHeader(headers[i], headers[i + 1]);
        }
        return b.build();
    }

    @Test
    void eachWaitIsTheBackoffOrTheServersWaitSleptOnTheSleeper() {
        server.enqueue(status(503));
        server.enqueue(status(429, "Retry-After", "9"));
        server.enqueue(status(200));
        ApiCaller.Fetched<JdPaging> f = fetch(caller(time.runtime().clock(Clock.systemUTC()).build()));
        assertThat(f.attempts()).isEqualTo(3);
        assertThat(f.throttled()).isEqualTo(1);
        assertThat(f.body()).isEqualTo(AttemptClassifierTest.GOOD);
        Duration first = RETRY.backoff(1, sameSeed.nextDouble());
        assertThat(first).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
        assertThat(retryWaits()).containsExactly(first, Duration.ofSeconds(9));
    }

    @Test
    void aPageGivenUpOnSpendsJitterOnlyOnTheWaitsItSlept() {
        PullRuntime runtime = time.runtime().build();
        for (int i = 0; i < 3; i++) {
            server.enqueue(status(502));
        }
        assertThatThrownBy(() -> fetch(caller(runtime))).isInstanceOfSatisfying(PullException.class, e -> {
            assertThat(e.kind()).isEqualTo(PullException.Kind.TRANSIENT);
            assertThat(e.attempts()).isEqualTo(3);
            assertThat(e.getMessage()).contains("gave up after 3 attempts, last: HTTP 502, body starts 'busy'");
        });
        server.enqueue(status(503));
        server.enqueue(status(200));
        assertThat(fetch(caller(runtime)).attempts()).isEqualTo(2);
        List<Duration> expected = List.of(RETRY.backoff(1, sameSeed.nextDouble()), RETRY.backoff(2, sameSeed.nextDouble()),
                RETRY.backoff(1, sameSeed.nextDouble()));
        assertThat(retryWaits()).containsExactlyElementsOf(expected);
    }

    @Test
    void aFatalAnswerOrAnOverlongServerWaitIsNeitherRetriedNorWaited() {
        PullRuntime runtime = time.runtime().build();
        server.enqueue(status(200, "Content-Type", "text/plain").newBuilder().body("bad-key").build());
        assertThatThrownBy(() -> fetch(caller(runtime))).isInstanceOfSatisfying(PullException.class, e -> {
            assertThat(e.kind()).isEqualTo(PullException.Kind.CONFIGURATION);
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.platformError()).isSameAs(AttemptClassifierTest.BAD_KEY);
        });
        server.enqueue(status(503, "Retry-After", "121"));
        assertThatThrownBy(() -> fetch(caller(runtime))).isInstanceOfSatisfying(PullException.class, e -> {
            assertThat(e.kind()).isEqualTo(PullException.Kind.THROTTLED);
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.getMessage()).contains("the platform asks to wait 121 s, longer than"
                    + " rebatch.platforms.jd.retry.max-server-wait (120 s)");
        });
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(retryWaits()).isEmpty();
    }

    @Test
    void anInterruptedWaitStopsThePullAndKeepsTheInterrupt() {
        server.enqueue(status(503));
        server.enqueue(status(200));
        PullRuntime runtime = PullRuntime.builder().sleeper(d -> {
            throw new InterruptedException();
        }).build();
        try {
            assertThatThrownBy(() -> fetch(caller(runtime))).isInstanceOfSatisfying(PullException.class, e -> {
                assertThat(e.kind()).isEqualTo(PullException.Kind.INTERRUPTED);
                assertThat(e.attempts()).isEqualTo(1);
            });
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }
}
