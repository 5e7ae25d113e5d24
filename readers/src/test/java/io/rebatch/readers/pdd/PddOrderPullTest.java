package io.rebatch.readers.pdd;

import static io.rebatch.readers.api.Bodies.ok;
import static io.rebatch.readers.api.Bodies.pddError;
import static io.rebatch.readers.api.Bodies.pddPage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rebatch.domain.BusinessTime;
import io.rebatch.domain.PlausibleTimes;
import io.rebatch.readers.api.FakeTime;
import io.rebatch.readers.api.Forms;
import io.rebatch.readers.api.PullException;
import io.rebatch.readers.api.PullRuntime;
import io.rebatch.readers.api.TimeWindow;
import io.rebatch.readers.api.WindowResult;
import io.rebatch.readers.report.ReportRow;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** pdd.ddk.order.list.increment.get against mockwebserver3: backward page order, request parameters, errors. */
class PddOrderPullTest {
    static final String SECRET = "pdd-SECRET-00112233445566778899";
    static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");
    static final TimeWindow DAY = new TimeWindow(BusinessTime.parseLocal("2026-11-24 00:00:00"), BusinessTime.parseLocal("2026-11-25 00:00:00"));

    @StartStop
    public final MockWebServer server = new MockWebServer();
    final FakeTime time = new FakeTime();
    final List<Map<String, String>> requests = Collections.synchronizedList(new ArrayList<>());
    final List<String> bodies = new ArrayList<>();

    PddOrderPull pull(PddOrderPull.Direction direction) {
        PddSettings s = PddSettingsBuilder.builder().endpoint(server.url("/api/router").uri()).clientId("pdd-client")
                .clientSecret(SECRET).build();
        PullRuntime rt = time.runtime().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        return new PddOrderPull(s, rt, direction);
    }

    /** Answers by the requested page: {@code answer.apply(requestIndex)} may return null for a normal page. */
    void serve(long total, IntFunction<MockResponse> override) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                Map<String, String> q = Forms.params(request);
                assertThat(request.getBody().utf8()).doesNotContain(SECRET);
                requests.add(q);
                MockResponse special = override == null ? null : override.apply(requests.size());
                if (special != null) {
                    return special;
                }
                int page = Integer.parseInt(q.get("page"));
                int size = Integer.parseInt(q.get("page_size"));
                List<String> sns = new ArrayList<>();
                for (long i = (long) (page - 1) * size; i < Math.min(total, (long) page * size); i++) {
                    sns.add(String.format("261124-%015d", i));
                }
                return ok(pddPage(total, sns.toArray(String[]::new)));
            }
        });
    }

    WindowResult run(PddOrderPull p) {
        return p.pull(DAY, (b, page) -> bodies.add(b));
    }

    List<String> pages() {
        return requests.stream().map(q -> q.get("page")).toList();
    }

    @Test
    void pagesFromTheLastPageBackToTheFirst_thenPageOneAgain() throws Exception {
        serve(250, null);
        WindowResult r = run(pull(PddOrderPull.Direction.BACKWARD));
        assertThat(pages()).containsExactly("1", "3", "2", "1");
        assertThat(r.requests()).isEqualTo(4);
        assertThat(r.rows()).isEqualTo(100 + 50 + 100 + 100);
        for (Map<String, String> q : requests) {
            assertThat(q).containsEntry("type", "pdd.ddk.order.list.increment.get").containsEntry("client_id", "pdd-client")
                    .containsEntry("data_type", "JSON").containsEntry("version", "V1").containsEntry("return_count", "true")
                    .containsEntry("page_size", "100")
                    .containsEntry("timestamp", Long.toString(NOW.getEpochSecond()))
                    .containsEntry("start_update_time", Long.toString(DAY.start().getEpochSecond()))
                    .containsEntry("end_update_time", Long.toString(DAY.end().getEpochSecond()));
            long seconds = Long.parseLong(q.get("end_update_time")) - Long.parseLong(q.get("start_update_time"));
            assertThat(seconds).isEqualTo(24 * 3600);
            assertThat(q.get("sign")).isEqualTo(Forms.md5Wrapped(q, SECRET));
        }
    }

    @Test
    void rowsAreCheckedAgainstThePlausibleTimesOfEachPage() {
        serve(3, null);
        PddSettings s = PddSettingsBuilder.builder().endpoint(server.url("/api/router").uri()).clientId("pdd-client")
                .clientSecret(SECRET).build();
        PullRuntime rt = time.runtime().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        PlausibleTimes untilNovember = new PlausibleTimes(null, BusinessTime.parseLocal("2026-11-01 00:00:00"));
        List<ReportRow> rows = new ArrayList<>();
        new PddOrderPull(s, rt, () -> untilNovember).pull(DAY, (b, page) -> rows.addAll(page.rows()));
        assertThat(rows).hasSize(3).allSatisfy(r -> assertThat(((ReportRow.Rejected) r).reason())
                .isEqualTo("order_create_time 2026-11-23 06:13:21 is outside the plausible range … .. 2026-11-01"));
        // the plain constructor does not limit times
        List<ReportRow> plain = new ArrayList<>();
        new PddOrderPull(s, rt).pull(DAY, (b, page) -> plain.addAll(page.rows()));
        assertThat(plain).hasSize(3).allMatch(r -> r instanceof ReportRow.Snapshot);
    }

    @Test
    void aWindowThatFitsOnePageIsOneRequest() {
        serve(100, null);
        run(pull(PddOrderPull.Direction.BACKWARD));
        assertThat(pages()).containsExactly("1");
        requests.clear();
        serve(0, null);
        assertThat(run(pull(PddOrderPull.Direction.BACKWARD)).rows()).isZero();
        assertThat(pages()).containsExactly("1");
    }

    @Test
    void aTotalThatGrowsDuringThePassCausesAnotherPass() {
        int[] calls = {0};
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                Map<String, String> q = Forms.params(request);
                requests.add(q);
                calls[0]++;
                long total = calls[0] <= 2 ? 150 : 201;   // grows after the second request
                return ok(pddPage(total, "261124-000000000000001"));
            }
        });
        run(pull(PddOrderPull.Direction.BACKWARD));
        assertThat(pages()).containsExactly("1", "2", "1", "3", "2", "1");
    }

    @Test
    void forwardPagingForTheTestThatShowsItLosesRows() {
        serve(250, null);
        run(pull(PddOrderPull.Direction.FORWARD));
        assertThat(pages()).containsExactly("1", "2", "3");
    }

    @Test
    void throttlingCodesAreRetried() {
        serve(50, i -> i == 1 ? ok(pddError(52101, "当前接口被限流，请稍后重试")) : i == 2 ? ok(pddError(70031, "调用过于频繁")) : null);
        WindowResult r = run(pull(PddOrderPull.Direction.BACKWARD));
        assertThat(r.requests()).isEqualTo(3);
        assertThat(r.throttled()).isEqualTo(2);
        assertThat(bodies).hasSize(1);
    }

    @Test
    void badSignatureFailsFast_missingTotalIsAProtocolError() {
        serve(50, i -> ok(pddError(10017, "签名错误")));
        assertThatThrownBy(() -> run(pull(PddOrderPull.Direction.BACKWARD))).isInstanceOfSatisfying(PullException.class, e -> {
            assertThat(e.kind()).isEqualTo(PullException.Kind.CONFIGURATION);
            assertThat(e.getMessage()).contains("rebatch.platforms.pdd.client-secret").doesNotContain(SECRET);
        });
        assertThat(requests).hasSize(1);
        requests.clear();
        serve(50, i -> ok(pddPage(null, "261124-000000000000001")));
        assertThatThrownBy(() -> run(pull(PddOrderPull.Direction.BACKWARD))).isInstanceOfSatisfying(PullException.class,
                e -> assertThat(e.kind()).isEqualTo(PullException.Kind.PROTOCOL));
    }

    @Test
    void windowsAreADayAtMost() {
        assertThat(pull(PddOrderPull.Direction.BACKWARD).windows(DAY.start().minus(Duration.ofHours(2)), DAY.end()))
                .extracting(TimeWindow::length).containsExactly(Duration.ofHours(24), Duration.ofHours(2));
    }
}
