package io.rebatch.app.bench;

import io.rebatch.domain.BusinessTime;
import io.rebatch.domain.PlausibleTimes;
import io.rebatch.jobs.pull.BoundSettings;
import io.rebatch.readers.api.OrderPull;
import io.rebatch.readers.api.PullRuntime;
import io.rebatch.readers.api.TimeWindow;
import io.rebatch.readers.api.WindowResult;
import io.rebatch.readers.platform.Adapters;
import io.rebatch.readers.platform.Feed;
import io.rebatch.readers.platform.PlatformAdapter;
import io.rebatch.readers.platform.PlatformApi;
import io.rebatch.sandbox.generator.ScenarioGenerator;
import io.rebatch.sandbox.generator.ScenarioSpec;
import io.rebatch.sandbox.server.SandboxServer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Requests and wall time to pull one sandbox day through every registered platform's API client at its default
 * settings (page sizes, windows), real sleeping, no rate cap in the way (1000/s unless {@code -Drebatch.bench.rate-cap}).
 * Run by {@code bench/sandbox-day.sh}; prints {@code bench …} lines, asserts nothing about time.
 */
class SandboxDayBenchmark {

    @Test
    void pullADay() {
        int orders = Integer.getInteger("rebatch.bench.orders", 100_000);
        int days = Integer.getInteger("rebatch.bench.days", 1);
        double throttle = Double.parseDouble(System.getProperty("rebatch.bench.throttle", "0"));
        double errors = Double.parseDouble(System.getProperty("rebatch.bench.errors", "0"));
        String rateCap = System.getProperty("rebatch.bench.rate-cap", "1000");
        LocalDate day = LocalDate.of(2026, 11, 20);
        long g0 = System.nanoTime();
        ScenarioGenerator g = new ScenarioGenerator(ScenarioSpec.builder().seed(1).orders(orders)
                .from(day.minusDays(days - 1L)).to(day).build());
        Instant from = BusinessTime.startOf(day);
        Instant to = BusinessTime.endOf(day);
        System.out.printf("bench scenario orders=%d days=%d lines created on %s=%d generated in %d ms%n", orders, days,
                day, g.lineCount(day), (System.nanoTime() - g0) / 1_000_000);

        try (SandboxServer server = SandboxServer.builder().scenario(g).seed(1).throttleRate(throttle).errorRate(errors)
                .threads(4).build().start()) {
            Map<String, Object> properties = new HashMap<>(server.clientProperties());
            StandardEnvironment env = new StandardEnvironment();
            env.getPropertySources().addFirst(new MapPropertySource("sandbox", properties));
            PullRuntime rt = PullRuntime.builder().clock(Clock.systemUTC()).jitterSeed(1).build();
            for (PlatformAdapter adapter : Adapters.all()) {
                properties.put(adapter.settingsPrefix() + ".rate-cap", rateCap);
                PlatformApi api = adapter.api(new BoundSettings(env), rt, () -> PlausibleTimes.ANY);
                for (Feed feed : adapter.feeds()) {
                    int onTheDay = feed.refunds() ? g.refundSnapshots(from, to).size()
                            : g.snapshots(feed.platform(), from, to).size();
                    pull(feed, api.pull(feed), from, to, onTheDay);
                }
            }
        }
    }

    private static void pull(Feed feed, OrderPull pull, Instant from, Instant to, int onTheDay) {
        long t0 = System.nanoTime();
        List<TimeWindow> windows = pull.windows(from, to);
        WindowResult total = new WindowResult(windows.get(0), 0, 0, 0, 0);
        for (TimeWindow w : windows) {
            total = total.plus(pull.pull(w, (body, page) -> { }));
        }
        System.out.printf(Locale.ROOT, "bench %-15s windows=%d requests=%d pages=%d rows=%d (day holds %d) throttled=%d"
                        + " time=%d ms%n", feed.name(), windows.size(), total.requests(), total.pages(), total.rows(),
                onTheDay, total.throttled(), (System.nanoTime() - t0) / 1_000_000);
        if (total.rows() < onTheDay) {
            throw new IllegalStateException(feed + ": pulled " + total.rows() + " rows, the day holds " + onTheDay);
        }
    }
}
