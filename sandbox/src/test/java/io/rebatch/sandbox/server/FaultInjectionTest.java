package io.rebatch.sandbox.server;

import io.rebatch.domain.BusinessTime;
import io.rebatch.domain.Platform;
import io.rebatch.sandbox.Simulators;
import io.rebatch.sandbox.generator.ScenarioGenerator;
import io.rebatch.sandbox.generator.ScenarioSpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Throttling and 5xx answers come at the configured rates, in each platform's shape, reproducibly. */
class FaultInjectionTest {
    static final ScenarioGenerator G = new ScenarioGenerator(ScenarioSpec.builder().seed(8).orders(100)
            .from(LocalDate.of(2026, 11, 1)).to(LocalDate.of(2026, 11, 5)).build());
    static final Instant A = BusinessTime.parseLocal("2026-11-03 10:00:00");
    static final int N = 400;

    private static HttpResponse<String> call(TestClient c, SandboxServer s, Platform p) {
        return p.equals(Platform.TAOBAO) ? c.post(s.url(Platform.TAOBAO), c.top("taobao.tbk.order.details.get", Map.of("query_type", "4",
                    "start_time", BusinessTime.formatLocal(A), "end_time", BusinessTime.formatLocal(A.plusSeconds(600)))))
                : p.equals(Platform.JD) ? c.post(s.url(Platform.JD), c.jd(TestClient.jdOrderReq(A, A.plusSeconds(600), 1, 20)))
                : c.post(s.url(Platform.PDD), c.pdd(Map.of("start_update_time", Long.toString(A.getEpochSecond()),
                    "end_update_time", Long.toString(A.plusSeconds(600).getEpochSecond()), "page_size", "20")));
    }

    private static boolean throttled(Platform p, String body) {
        JsonNode e = TestClient.json(new FakeResponse(body)).get("error_response");
        if (e == null) {
            return false;
        }
        return p.equals(Platform.TAOBAO) ? (e.get("code").asInt() == 7
                    && e.get("sub_code").asString().equals("accesscontrol.limited-by-app-access-count")
                    && e.get("sub_msg").asString().equals("This ban will last for 1 more seconds"))
                    || (e.get("code").asInt() == 15 && e.get("sub_code").asString().equals("9100"))
                : p.equals(Platform.JD) ? e.get("code").asString().equals("2")
                : List.of(52101, 70031).contains(e.get("error_code").asInt());
    }

    @Test
    void ratesAreRoughlyHonouredAndCountersAgreeWithWhatClientsSaw() {
        try (SandboxServer s = SandboxServer.builder().scenario(G).seed(99).throttleRate(0.25).errorRate(0.10).build().start()) {
            TestClient c = new TestClient(s);
            for (Platform p : Simulators.platforms()) {
                int errors = 0;
                int throttles = 0;
                int ok = 0;
                for (int i = 0; i < N; i++) {
                    HttpResponse<String> r = call(c, s, p);
                    if (r.statusCode() >= 500) {
                        errors++;
                    } else if (throttled(p, r.body())) {
                        throttles++;
                    } else {
                        assertThat(r.statusCode()).isEqualTo(200);
                        assertThat(r.body()).doesNotContain("error_response");
                        ok++;
                    }
                }
                assertThat(errors).as(p + " 5xx").isBetween((int) (N * 0.05), (int) (N * 0.16));
                assertThat(throttles / (double) (N - errors)).as(p + " throttled").isBetween(0.17, 0.33);
                CounterSnapshot counters = s.counters(p);
                assertThat(counters.requests()).isEqualTo(N);
                assertThat(counters.errors()).isEqualTo(errors);
                assertThat(counters.throttled()).isEqualTo(throttles);
                assertThat(counters.pagesServed()).isEqualTo(ok);
                assertThat(counters.rejected()).isZero();
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameSequenceOfFaults() {
        List<List<Integer>> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            try (SandboxServer s = SandboxServer.builder().scenario(G).seed(5).throttleRate(0.3).errorRate(0.2).build().start()) {
                TestClient c = new TestClient(s);
                List<Integer> outcome = new ArrayList<>();
                for (int i = 0; i < 60; i++) {
                    HttpResponse<String> r = call(c, s, Platform.PDD);
                    outcome.add(r.statusCode() >= 500 ? r.statusCode() : throttled(Platform.PDD, r.body()) ? 1 : 0);
                }
                runs.add(outcome);
            }
        }
        assertThat(runs.get(0)).isEqualTo(runs.get(1)).contains(0, 1);
        assertThat(runs.get(0)).anyMatch(code -> code >= 500);
    }

    @Test
    void taobaoThrottlingUsesBothCodeSevenAndNinetyOneHundred() {
        try (SandboxServer s = SandboxServer.builder().scenario(G).seed(3).throttleRate(1.0).throttleBanSeconds(2).build().start()) {
            TestClient c = new TestClient(s);
            boolean seven = false;
            boolean ninetyOneHundred = false;
            for (int i = 0; i < 40; i++) {
                JsonNode e = TestClient.json(call(c, s, Platform.TAOBAO)).get("error_response");
                if (e.get("code").asInt() == 7) {
                    seven = true;
                    assertThat(e.get("sub_msg").asString()).isEqualTo("This ban will last for 2 more seconds");
                    assertThat(e.get("msg").asString()).isEqualTo("App Call Limited");
                } else {
                    ninetyOneHundred |= e.get("sub_code").asString().equals("9100");
                }
            }
            assertThat(seven).isTrue();
            assertThat(ninetyOneHundred).isTrue();
        }
    }

    /** Lets the JSON helper read a plain body. */
    private record FakeResponse(String body) implements HttpResponse<String> {
        public int statusCode() { return 200; }
        public java.net.http.HttpRequest request() { return null; }
        public java.util.Optional<HttpResponse<String>> previousResponse() { return java.util.Optional.empty(); }
        public java.net.http.HttpHeaders headers() { return null; }
        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() { return java.util.Optional.empty(); }
        public java.net.URI uri() { return null; }
        public java.net.http.HttpClient.Version version() { return null; }
    }
}
