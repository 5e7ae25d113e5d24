package io.rebatch.sandbox.server;

import io.rebatch.domain.Platform;
import io.rebatch.sandbox.PlatformSimulator;
import io.rebatch.sandbox.generator.ScenarioGenerator;
import io.rebatch.sandbox.generator.ScenarioSpec;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The settings of a {@link SandboxServer}. The scenario comes from {@link #scenario(ScenarioGenerator)} or, by default, from
 * {@code seed}, {@code orders}, {@code users}, {@code from}, {@code to} — the options of
 * {@code rebatch sandbox --port P [--seed S] [--orders N] [--from D1 --to D2]
 * [--throttle-rate R] [--error-rate R]}.
 */
public final class SandboxServerBuilder {
    int port = 0;
    InetAddress bindAddress = InetAddress.getLoopbackAddress();
    long seed = 42;
    int orders = 500;
    Integer users;
    LocalDate from = ScenarioSpec.DEFAULT_FROM;
    LocalDate to = ScenarioSpec.DEFAULT_TO;
    ScenarioGenerator scenario;
    double throttleRate;
    double errorRate;
    final Map<Platform, AppCredentials> apps = new HashMap<>();
    final List<PromotionPeriod> promotions = new ArrayList<>();
    int banSeconds = 1;
    int pddUpdatesPerPage = 1;
    Clock clock = Clock.systemUTC();
    Duration timestampTolerance;
    int threads = 4;

    SandboxServerBuilder() {
    }

    /** TCP port; 0 (the default) picks a free one, see {@link SandboxServer#port()}. */
    public SandboxServerBuilder port(int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " is not 0..65535");
        }
        this.port = port;
        return this;
    }

    /** Address to bind; default loopback. */
    public SandboxServerBuilder bindAddress(InetAddress address) {
        this.bindAddress = Objects.requireNonNull(address);
        return this;
    }

    /** Seeds the scenario (unless one is given) and the fault injection. Default 42. */
    public SandboxServerBuilder seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Number of order lines of the generated scenario. Default 500. */
    public SandboxServerBuilder orders(int orders) {
        this.orders = orders;
        return this;
    }

    /** Number of users of the generated scenario; default max(10, orders / 8). */
    public SandboxServerBuilder users(int users) {
        this.users = users;
        return this;
    }

    /** First creation day of the generated scenario. Default 2026-10-01. */
    public SandboxServerBuilder from(LocalDate from) {
        this.from = Objects.requireNonNull(from);
        return this;
    }

    /** Last day of the generated scenario; nothing is updated after its end. Default 2026-11-30. */
    public SandboxServerBuilder to(LocalDate to) {
        this.to = Objects.requireNonNull(to);
        return this;
    }

    /** Serve this scenario instead of generating one from seed/orders/users/from/to. */
    public SandboxServerBuilder scenario(ScenarioGenerator generator) {
        this.scenario = Objects.requireNonNull(generator);
        return this;
    }

    /** Share of authenticated requests answered with the platform's throttling error, 0..1. Default 0. */
    public SandboxServerBuilder throttleRate(double rate) {
        this.throttleRate = rate(rate, "throttleRate");
        return this;
    }

    /** Share of requests answered with HTTP 5xx, 0..1. Default 0. */
    public SandboxServerBuilder errorRate(double rate) {
        this.errorRate = rate(rate, "errorRate");
        return this;
    }

    private static double rate(double r, String name) {
        if (!(r >= 0 && r <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, was " + r);
        }
        return r;
    }

    /** A platform's app key (PDD: client_id) and secret; default its simulator's {@link PlatformSimulator#defaultCredentials()}. */
    public SandboxServerBuilder app(Platform platform, String appKey, String secret) {
        this.apps.put(platform, new AppCredentials(appKey, secret));
        return this;
    }

    /** A Taobao big-promotion period: windows touching it may be at most 20 minutes. */
    public SandboxServerBuilder promotionPeriod(PromotionPeriod period) {
        this.promotions.add(Objects.requireNonNull(period));
        return this;
    }

    public SandboxServerBuilder promotionPeriod(LocalDate firstDay, LocalDate lastDay) {
        return promotionPeriod(PromotionPeriod.days(firstDay, lastDay));
    }

    /** N in TOP's "This ban will last for N more seconds". Default 1. */
    public SandboxServerBuilder throttleBanSeconds(int seconds) {
        this.banSeconds = seconds;
        return this;
    }

    /** PDD updates simulated before each further page of a window; 0 turns them off. Default 1. */
    public SandboxServerBuilder pddUpdatesPerPage(int updates) {
        if (updates < 0) {
            throw new IllegalArgumentException("pddUpdatesPerPage must not be negative");
        }
        this.pddUpdatesPerPage = updates;
        return this;
    }

    /**
     * Reject request timestamps further than {@code tolerance} from {@code clock} (TOP ±10 min,
     * JD ±6 min, PDD ±10 min in reality). Default: only the format is checked, so clients on a
     * fixed test clock keep working.
     */
    public SandboxServerBuilder timestampTolerance(Clock clock, Duration tolerance) {
        this.clock = Objects.requireNonNull(clock);
        this.timestampTolerance = Objects.requireNonNull(tolerance);
        return this;
    }

    /** Worker threads. Default 4. */
    public SandboxServerBuilder threads(int threads) {
        this.threads = Math.max(1, threads);
        return this;
    }

    /** Builds the server (generating the scenario's population); call {@link SandboxServer#start()}. */
    public SandboxServer build() {
        ScenarioGenerator g = scenario;
        if (g == null) {
            ScenarioSpec.Builder spec = ScenarioSpec.builder().seed(seed).orders(orders).from(from).to(to);
            if (users != null) {
                spec.users(users);
            }
            g = new ScenarioGenerator(spec.build());
        }
        return new SandboxServer(this, g);
    }
}
