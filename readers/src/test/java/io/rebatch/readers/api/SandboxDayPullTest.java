package io.rebatch.readers.api;

import io.rebatch.readers.pdd.PddSettingsBuilder;
import io.rebatch.readers.jd.JdSettingsBuilder;
import io.rebatch.readers.taobao.TaobaoSettingsBuilder;
import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.domain.BusinessTime;
import io.rebatch.domain.Platform;
import io.rebatch.readers.jd.JdOrderPull;
import io.rebatch.readers.jd.JdSettings;
import io.rebatch.readers.pdd.PddOrderPull;
import io.rebatch.readers.pdd.PddSettings;
import io.rebatch.readers.taobao.TaobaoOrderPull;
import io.rebatch.readers.taobao.TaobaoRefundPull;
import io.rebatch.readers.taobao.TaobaoSettings;
import io.rebatch.readers.report.ReportRow;
import io.rebatch.sandbox.generator.ScenarioGenerator;
import io.rebatch.sandbox.generator.ScenarioSpec;
import io.rebatch.sandbox.server.CounterSnapshot;
import io.rebatch.sandbox.server.SandboxServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A whole business day pulled from the sandbox on a real port, with throttling answers and HTTP 5xx injected: every
 * snapshot the platform holds for the day arrives, the sink sees exactly the rows the sandbox served, no request is
 * rejected (signatures, windows and page sizes within the limits), and our request count is the server's.
 */
class SandboxDayPullTest {
    static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    static final Instant FROM = BusinessTime.startOf(DAY);
    static final Instant TO = BusinessTime.endOf(DAY);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T02:00:00Z"), ZoneOffset.UTC);
    static ScenarioGenerator g;
    static SandboxServer server;

    FakeTime time;
    RequestLog requestLog;
    PullRuntime runtime;

    @BeforeAll
    static void start() {
        g = new ScenarioGenerator(ScenarioSpec.builder().seed(11).orders(8000)
                .from(LocalDate.of(2026, 11, 1)).to(LocalDate.of(2026, 11, 25)).build());
        server = SandboxServer.builder().scenario(g).seed(14).throttleRate(0.10).errorRate(0.08)
                .throttleBanSeconds(3).build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void fresh() {
        server.resetCounters();
        time = new FakeTime();
        requestLog = new RequestLog();
        runtime = time.runtime().clock(CLOCK).httpClient(requestLog.client(HttpSettings.DEFAULTS)).build();
    }

    record Day(List<TimeWindow> windows, List<WindowResult> results, List<String> bodies, List<ReportRow> rows) {
        int requests() {
            return results.stream().mapToInt(WindowResult::requests).sum();
        }

        int pages() {
            return results.stream().mapToInt(WindowResult::pages).sum();
        }

        int throttled() {
            return results.stream().mapToInt(WindowResult::throttled).sum();
        }
    }

    static Day pullDay(OrderPull pull) {
        List<TimeWindow> windows = pull.windows(FROM, TO);
        List<WindowResult> results = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        List<ReportRow> rows = new ArrayList<>();
        for (TimeWindow w : windows) {
            results.add(pull.pull(w, (body, page) -> {
                bodies.add(body);
                rows.addAll(page.rows());
            }));
        }
        return new Day(windows, results, bodies, rows);
    }

    static List<String> received(Day day, Platform p, String api) {
        List<String> keys = new ArrayList<>();
        day.bodies().forEach(b -> keys.addAll(SandboxKeys.rowKeys(p, api, b)));
        return keys;
    }

    static List<String> served(Platform p, String api) {
        return server.servedSnapshots(p).stream().filter(s -> s.api().equals(api)).map(SandboxKeys::key).toList();
    }

    /** What every pull must show: nothing rejected, the server's request count is ours, faults were injected and survived. */
    void assertCleanAgainstCounters(Platform p, Day day) {
        CounterSnapshot c = server.counters(p);
        assertThat(c.rejected()).as("requests the sandbox rejected (signature, window, page size …)").isZero();
        assertThat(c.requests()).isEqualTo(day.requests()).isEqualTo(requestLog.requests().size());
        assertThat(c.pagesServed()).isEqualTo(day.pages());
        assertThat(c.throttled()).as("throttling injected").isPositive().isEqualTo(day.throttled());
        assertThat(c.errors()).as("5xx injected").isPositive();
        assertThat(day.rows()).noneMatch(r -> r instanceof ReportRow.Rejected);
    }

    void assertEachRequest(Function<Map<String, String>, Duration> window, Duration max,
                           Function<Map<String, String>, Integer> pageSize, int maxPageSize) {
        for (Map<String, String> q : requestLog.requests()) {
            assertThat(window.apply(q)).isPositive().isLessThanOrEqualTo(max);
            assertThat(pageSize.apply(q)).isBetween(1, maxPageSize);
        }
    }

    static Set<String> lineIds(java.util.Collection<String> keys) {
        Set<String> out = new HashSet<>();
        keys.forEach(k -> out.add(k.substring(0, k.indexOf('@'))));
        return out;
    }

    static Duration localWindow(String start, String end) {
        return Duration.between(BusinessTime.parseLocal(start), BusinessTime.parseLocal(end));
    }

    @Test
    void taobaoOrders() {
        TaobaoSettings s = TaobaoSettingsBuilder.builder().endpoint(server.url(Platform.TAOBAO)).appKey("tb-key").appSecret("tb-secret")
                .pageSize(20).build();
        Day day = pullDay(new TaobaoOrderPull(s, runtime));

        assertThat(day.windows()).hasSize(8);
        Set<String> expected = SandboxKeys.keys(g.snapshots(Platform.TAOBAO, FROM, TO));
        List<String> got = received(day, Platform.TAOBAO, TaobaoOrderPull.METHOD);
        assertThat(expected).hasSizeGreaterThan(200);
        assertThat(new HashSet<>(got)).isEqualTo(expected);
        assertThat(got).containsExactlyInAnyOrderElementsOf(served(Platform.TAOBAO, TaobaoOrderPull.METHOD));
        assertCleanAgainstCounters(Platform.TAOBAO, day);
        assertThat(day.pages()).as("paged with position_index").isGreaterThan(day.windows().size());
        assertEachRequest(q -> localWindow(q.get("start_time"), q.get("end_time")), Duration.ofHours(3),
                q -> Integer.parseInt(q.get("page_size")), 100);
        assertThat(time.sleepsOfAtLeast(Duration.ofSeconds(3))).as("'ban will last for 3 more seconds' waited out").isNotEmpty();
    }

    @Test
    void taobaoRefunds() {
        TaobaoSettings s = TaobaoSettingsBuilder.builder().endpoint(server.url(Platform.TAOBAO)).appKey("tb-key").appSecret("tb-secret")
                .refundPageSize(5).refundBizTypes(List.of(1)).build();
        Day day = pullDay(new TaobaoRefundPull(s, runtime));

        assertThat(day.windows()).hasSize(1);
        Set<String> expected = SandboxKeys.keys(g.refundSnapshots(FROM, TO));
        List<String> got = received(day, Platform.TAOBAO, TaobaoRefundPull.METHOD);
        assertThat(expected).hasSizeGreaterThan(5);
        assertThat(new HashSet<>(got)).isEqualTo(expected);
        assertThat(got).containsExactlyInAnyOrderElementsOf(served(Platform.TAOBAO, TaobaoRefundPull.METHOD));
        CounterSnapshot c = server.counters(Platform.TAOBAO);
        assertThat(c.rejected()).isZero();
        assertThat(c.requests()).isEqualTo(day.requests());
        assertThat(day.rows()).allMatch(r -> r instanceof ReportRow.RefundSnapshot);
    }

    @Test
    void jdOrders() {
        JdSettings s = JdSettingsBuilder.builder().endpoint(server.url(Platform.JD)).appKey("jd-key").appSecret("jd-secret").pageSize(10).build();
        Day day = pullDay(new JdOrderPull(s, runtime));

        assertThat(day.windows()).hasSize(24);
        Set<String> expected = SandboxKeys.keys(g.snapshots(Platform.JD, FROM, TO));
        List<String> got = received(day, Platform.JD, JdOrderPull.METHOD);
        assertThat(expected).hasSizeGreaterThan(100);
        assertThat(new HashSet<>(got)).isEqualTo(expected);
        assertThat(got).containsExactlyInAnyOrderElementsOf(served(Platform.JD, JdOrderPull.METHOD));
        assertCleanAgainstCounters(Platform.JD, day);
        assertThat(day.pages()).isGreaterThan(day.windows().size());
        tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
        assertEachRequest(q -> {
            var r = json.readTree(q.get("360buy_param_json")).get("orderReq");
            return localWindow(r.get("startTime").asString(), r.get("endTime").asString());
        }, Duration.ofHours(1), q -> json.readTree(q.get("360buy_param_json")).get("orderReq").get("pageSize").asInt(), 500);
    }

    @Test
    void pddOrdersPagedBackwardsWhileOrdersChange() {
        PddSettings s = PddSettingsBuilder.builder().endpoint(server.url(Platform.PDD)).clientId("pdd-client").clientSecret("pdd-secret")
                .pageSize(20).build();
        Day day = pullDay(new PddOrderPull(s, runtime));

        assertThat(day.windows()).hasSize(1);
        List<String> got = received(day, Platform.PDD, PddOrderPull.METHOD);
        Set<String> real = SandboxKeys.keys(g.snapshots(Platform.PDD, FROM, TO));
        Set<String> now = SandboxKeys.keys(server.window(Platform.PDD, FROM, TO));
        assertThat(real).hasSizeGreaterThan(100);
        assertThat(server.counters(Platform.PDD).injectedUpdates()).as("orders changed while we paged").isPositive();
        // An order that changed while we paged is listed at its new update: its earlier snapshot may be gone before
        // anyone could read it (that is a change, not a miss). What must never be missed is anything the window holds.
        assertThat(new HashSet<>(got)).as("everything the window holds after the changes").containsAll(now);
        assertThat(lineIds(got)).as("every order of the day").containsAll(lineIds(real));
        assertThat(got).containsExactlyInAnyOrderElementsOf(served(Platform.PDD, PddOrderPull.METHOD));
        assertCleanAgainstCounters(Platform.PDD, day);
        assertEachRequest(q -> Duration.ofSeconds(Long.parseLong(q.get("end_update_time")) - Long.parseLong(q.get("start_update_time"))),
                Duration.ofHours(24), q -> Integer.parseInt(q.get("page_size")), 100);
        assertThat(requestLog.requests()).allMatch(q -> Integer.parseInt(q.get("page_size")) >= 10);
    }
}
