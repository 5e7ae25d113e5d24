package io.rebatch.readers.api;

import io.rebatch.domain.Platforms;
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
import io.rebatch.sandbox.generator.ScenarioGenerator;
import io.rebatch.sandbox.generator.ScenarioSpec;
import io.rebatch.sandbox.server.SandboxServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Requests and wall time for one sandbox day at default settings (page sizes, windows), real sleeping, no rate cap
 * in the way (1000/s) unless {@code -Drebatch.measure.rateCap} says otherwise. Off by default:
 * {@code ./mvnw -pl readers test -Dtest=SandboxDayMeasurementTest -Drebatch.measure=true
 * [-Drebatch.measure.orders=100000 -Drebatch.measure.days=1 -Drebatch.measure.throttle=0 -Drebatch.measure.errors=0]}.
 */
@EnabledIfSystemProperty(named = "rebatch.measure", matches = "true")
class SandboxDayMeasurementTest {

    @Test
    void measureADay() {
        int orders = Integer.getInteger("rebatch.measure.orders", 100_000);
        int days = Integer.getInteger("rebatch.measure.days", 1);
        double throttle = Double.parseDouble(System.getProperty("rebatch.measure.throttle", "0"));
        double errors = Double.parseDouble(System.getProperty("rebatch.measure.errors", "0"));
        double rateCap = Double.parseDouble(System.getProperty("rebatch.measure.rateCap", "1000"));
        LocalDate day = LocalDate.of(2026, 11, 20);
        long g0 = System.nanoTime();
        ScenarioGenerator g = new ScenarioGenerator(ScenarioSpec.builder().seed(1).orders(orders)
                .from(day.minusDays(days - 1L)).to(day).build());
        Instant from = BusinessTime.startOf(day);
        Instant to = BusinessTime.endOf(day);
        Map<String, Integer> expected = new LinkedHashMap<>();
        for (Platform p : Platforms.all()) {
            expected.put(p.name(), g.snapshots(p, from, to).size());
        }
        expected.put("TAOBAO-refunds", g.refundSnapshots(from, to).size());
        System.out.printf("MEASURE scenario orders=%d days=%d created on %s=%d snapshots on the day=%s generated in %d ms%n",
                orders, days, day, g.lineCount(day), expected, (System.nanoTime() - g0) / 1_000_000);

        try (SandboxServer server = SandboxServer.builder().scenario(g).seed(1).throttleRate(throttle).errorRate(errors)
                .threads(4).build().start()) {
            PullRuntime rt = PullRuntime.builder().clock(Clock.systemUTC()).jitterSeed(1).build();
            TaobaoSettings tb = TaobaoSettings.builder().endpoint(server.taobaoUrl()).appKey("tb-key").appSecret("tb-secret")
                    .rateCapPerSecond(rateCap).build();
            Map<String, OrderPull> pulls = new LinkedHashMap<>();
            pulls.put("TAOBAO", new TaobaoOrderPull(tb, rt));
            pulls.put("TAOBAO-refunds", new TaobaoRefundPull(tb, rt));
            pulls.put("JD", new JdOrderPull(JdSettings.builder().endpoint(server.jdUrl()).appKey("jd-key")
                    .appSecret("jd-secret").rateCapPerSecond(rateCap).build(), rt));
            pulls.put("PDD", new PddOrderPull(PddSettings.builder().endpoint(server.pddUrl()).clientId("pdd-client")
                    .clientSecret("pdd-secret").rateCapPerSecond(rateCap).build(), rt));
            for (Map.Entry<String, OrderPull> e : pulls.entrySet()) {
                long t0 = System.nanoTime();
                List<TimeWindow> windows = e.getValue().windows(from, to);
                WindowResult total = new WindowResult(windows.get(0), 0, 0, 0, 0);
                for (TimeWindow w : windows) {
                    total = total.plus(e.getValue().pull(w, (body, page) -> { }));
                }
                long ms = (System.nanoTime() - t0) / 1_000_000;
                System.out.printf("MEASURE %-15s windows=%d requests=%d pages=%d rows=%d (day holds %d) throttled=%d time=%d ms%n",
                        e.getKey(), windows.size(), total.requests(), total.pages(), total.rows(), expected.get(e.getKey()),
                        total.throttled(), ms);
                assertThat(total.rows()).isGreaterThanOrEqualTo(expected.get(e.getKey()));
            }
        }
        assertThat(Duration.ZERO).isNotNull();
    }
}
