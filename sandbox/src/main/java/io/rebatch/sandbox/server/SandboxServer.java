package io.rebatch.sandbox.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.rebatch.domain.Platform;
import io.rebatch.sandbox.generator.ScenarioGenerator;
import io.rebatch.sandbox.generator.ScenarioSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One HTTP server that plays Taobao, JD and Pinduoduo on top of a generated scenario, at the real
 * gateway paths: {@code /router/rest} (TOP: {@code taobao.tbk.order.details.get},
 * {@code taobao.tbk.relation.refund}), {@code /routerjson} (JD {@code jd.union.open.order.row.query},
 * business parameters in {@code 360buy_param_json}) and {@code /api/router} (PDD
 * {@code pdd.ddk.order.list.increment.get}); POST form-urlencoded or GET query, as the real ones.
 *
 * <p><b>What it owns</b>: the platforms' request checking (app key, signature, timestamp format,
 * window and page-size limits, each answered with that platform's error envelope), their paging
 * semantics, seeded fault injection (throttling answers at {@code throttleRate}, HTTP 5xx at
 * {@code errorRate}), Pinduoduo's updates-while-paging ({@link PddPagingSimulator}), and per-platform
 * {@link CounterSnapshot counters} plus a log of every row served. Which rules are the platforms'
 * (platforms.md) and which are the sandbox's own choices is written in each gateway's javadoc:
 * {@code TaobaoGateway}, {@code JdGateway}, {@code PddGateway}.
 *
 * <p><b>What it never does</b>: compute settlement, balances or attribution; the data is the
 * generator's, served as the platforms would serve it.
 *
 * <pre>{@code
 * try (SandboxServer s = SandboxServer.builder().port(0).seed(7).orders(2000)
 *         .from(LocalDate.of(2026, 11, 1)).to(LocalDate.of(2026, 11, 30))
 *         .throttleRate(0.05).errorRate(0.02).build().start()) {
 *     URI taobao = s.taobaoUrl();   // http://127.0.0.1:<port>/router/rest
 * }
 * }</pre>
 */
public final class SandboxServer implements AutoCloseable {
    public static final String TAOBAO_PATH = "/router/rest";
    public static final String JD_PATH = "/routerjson";
    public static final String PDD_PATH = "/api/router";
    private static final Logger log = LoggerFactory.getLogger(SandboxServer.class);

    static {
        // The JDK server writes headers and body separately; with Nagle on, every answer waits for
        // the client's delayed ACK (~40 ms). Must be set before the server classes load.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final Builder settings;
    private final ScenarioGenerator generator;
    private final ServerContext ctx;
    private final TaobaoGateway taobao;
    private final JdGateway jd;
    private final PddGateway pdd;
    private HttpServer http;
    private ExecutorService executor;

    private SandboxServer(Builder b, ScenarioGenerator generator) {
        this.settings = b;
        this.generator = generator;
        Map<Platform, AppCredentials> apps = new EnumMap<>(Platform.class);
        apps.put(Platform.TAOBAO, b.taobao);
        apps.put(Platform.JD, b.jd);
        apps.put(Platform.PDD, b.pdd);
        this.ctx = new ServerContext(generator, apps, b.promotions, b.banSeconds, b.pddUpdatesPerPage, b.clock,
                b.timestampTolerance, b.seed, b.throttleRate, b.errorRate);
        this.taobao = new TaobaoGateway(ctx);
        this.jd = new JdGateway(ctx);
        this.pdd = new PddGateway(ctx);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds and starts serving; returns this. */
    public synchronized SandboxServer start() {
        if (http != null) {
            return this;
        }
        try {
            http = HttpServer.create(new InetSocketAddress(settings.bindAddress, settings.port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the sandbox to " + settings.bindAddress.getHostAddress()
                    + ":" + settings.port + " (port in use? use 0 for a free one)", e);
        }
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newFixedThreadPool(settings.threads, r -> {
            Thread t = new Thread(r, "sandbox-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(executor);
        http.createContext(TAOBAO_PATH, ex -> serve(ex, Platform.TAOBAO));
        http.createContext(JD_PATH, ex -> serve(ex, Platform.JD));
        http.createContext(PDD_PATH, ex -> serve(ex, Platform.PDD));
        http.createContext("/", ex -> send(ex, new Reply(404, "text/plain;charset=UTF-8",
                "no such gateway path; try " + TAOBAO_PATH + ", " + JD_PATH + " or " + PDD_PATH)));
        http.start();
        log.info("sandbox started port={} seed={} orders={} from={} to={} throttleRate={} errorRate={}",
                port(), settings.seed, generator.spec().orders(), generator.spec().from(), generator.spec().to(),
                settings.throttleRate, settings.errorRate);
        return this;
    }

    /** Stops serving at once and releases the port. */
    @Override
    public synchronized void close() {
        if (http != null) {
            http.stop(0);
            executor.shutdownNow();
            http = null;
            log.info("sandbox stopped");
        }
    }

    /** The bound port (the real one when built with port 0). */
    public int port() {
        if (http == null) {
            throw new IllegalStateException("the sandbox is not started");
        }
        return http.getAddress().getPort();
    }

    /** {@code http://host:port}, without a trailing slash. */
    public URI baseUrl() {
        return URI.create("http://" + settings.bindAddress.getHostAddress() + ":" + port());
    }

    public URI taobaoUrl() {
        return baseUrl().resolve(TAOBAO_PATH);
    }

    public URI jdUrl() {
        return baseUrl().resolve(JD_PATH);
    }

    public URI pddUrl() {
        return baseUrl().resolve(PDD_PATH);
    }

    public ScenarioGenerator generator() {
        return generator;
    }

    public AppCredentials credentials(Platform platform) {
        return ctx.apps.get(platform);
    }

    public CounterSnapshot counters(Platform platform) {
        return ctx.counters(platform).snapshot();
    }

    /** Every row served on a platform, in serving order (duplicates included). */
    public List<ServedSnapshot> servedSnapshots(Platform platform) {
        return ctx.served(platform);
    }

    /** Every row served, all platforms. */
    public List<ServedSnapshot> servedSnapshots() {
        List<ServedSnapshot> all = new ArrayList<>();
        for (Platform p : Platform.values()) {
            all.addAll(ctx.served(p));
        }
        return all;
    }

    /** Zeroes the counters and empties the served log (simulated PDD updates stay). */
    public void resetCounters() {
        ctx.clear();
    }

    /**
     * What a PDD increment query of {@code [from, to)} holds right now: the real snapshots minus
     * those superseded by simulated updates, plus the simulated ones; sorted as served.
     */
    public List<io.rebatch.sandbox.generator.Snapshot> pddWindow(Instant from, Instant to) {
        return pdd.paging().window(from, to);
    }

    private void serve(HttpExchange ex, Platform platform) {
        try {
            long requestNo = ctx.counters(platform).requests.incrementAndGet();
            Map<String, String> params = RequestParams.of(ex);
            Faults.Decision fault = ctx.faults.next(platform);
            Reply reply;
            if (fault.serverError()) {
                ctx.counters(platform).errors.incrementAndGet();
                int status = new int[]{500, 502, 503, 504}[fault.kind() % 4];
                reply = new Reply(status, "text/html;charset=UTF-8",
                        "<html><head><title>" + status + "</title></head><body><center><h1>" + status
                                + "</h1></center><hr><center>Tengine</center></body></html>");
            } else {
                reply = switch (platform) {
                    case TAOBAO -> taobao.handle(params, requestNo, fault);
                    case JD -> jd.handle(params, requestNo, fault);
                    case PDD -> pdd.handle(params, requestNo, fault);
                };
            }
            send(ex, reply);
        } catch (RuntimeException | IOException e) {
            log.warn("sandbox request failed platform={} uri={}", platform, ex.getRequestURI(), e);
            try {
                send(ex, new Reply(500, "text/plain;charset=UTF-8", "sandbox error: " + e));
            } catch (IOException ignored) {
                // the client went away
            }
        }
    }

    private static void send(HttpExchange ex, Reply reply) throws IOException {
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", reply.contentType());
        ex.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(body);
        }
    }

    /**
     * Settings. The scenario comes from {@link #scenario(ScenarioGenerator)} or, by default, from
     * {@code seed}, {@code orders}, {@code users}, {@code from}, {@code to} — the options of
     * {@code rebatch sandbox --port P [--seed S] [--orders N] [--from D1 --to D2]
     * [--throttle-rate R] [--error-rate R]}.
     */
    public static final class Builder {
        private int port = 0;
        private InetAddress bindAddress = InetAddress.getLoopbackAddress();
        private long seed = 42;
        private int orders = 500;
        private Integer users;
        private LocalDate from = ScenarioSpec.DEFAULT_FROM;
        private LocalDate to = ScenarioSpec.DEFAULT_TO;
        private ScenarioGenerator scenario;
        private double throttleRate;
        private double errorRate;
        private AppCredentials taobao = new AppCredentials("tb-key", "tb-secret");
        private AppCredentials jd = new AppCredentials("jd-key", "jd-secret");
        private AppCredentials pdd = new AppCredentials("pdd-client", "pdd-secret");
        private final List<PromotionPeriod> promotions = new ArrayList<>();
        private int banSeconds = 1;
        private int pddUpdatesPerPage = 1;
        private Clock clock = Clock.systemUTC();
        private Duration timestampTolerance;
        private int threads = 4;

        private Builder() {
        }

        /** TCP port; 0 (the default) picks a free one, see {@link SandboxServer#port()}. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port " + port + " is not 0..65535");
            }
            this.port = port;
            return this;
        }

        /** Address to bind; default loopback. */
        public Builder bindAddress(InetAddress address) {
            this.bindAddress = Objects.requireNonNull(address);
            return this;
        }

        /** Seeds the scenario (unless one is given) and the fault injection. Default 42. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Number of order lines of the generated scenario. Default 500. */
        public Builder orders(int orders) {
            this.orders = orders;
            return this;
        }

        /** Number of users of the generated scenario; default max(10, orders / 8). */
        public Builder users(int users) {
            this.users = users;
            return this;
        }

        /** First creation day of the generated scenario. Default 2026-10-01. */
        public Builder from(LocalDate from) {
            this.from = Objects.requireNonNull(from);
            return this;
        }

        /** Last day of the generated scenario; nothing is updated after its end. Default 2026-11-30. */
        public Builder to(LocalDate to) {
            this.to = Objects.requireNonNull(to);
            return this;
        }

        /** Serve this scenario instead of generating one from seed/orders/users/from/to. */
        public Builder scenario(ScenarioGenerator generator) {
            this.scenario = Objects.requireNonNull(generator);
            return this;
        }

        /** Share of authenticated requests answered with the platform's throttling error, 0..1. Default 0. */
        public Builder throttleRate(double rate) {
            this.throttleRate = rate(rate, "throttleRate");
            return this;
        }

        /** Share of requests answered with HTTP 5xx, 0..1. Default 0. */
        public Builder errorRate(double rate) {
            this.errorRate = rate(rate, "errorRate");
            return this;
        }

        private static double rate(double r, String name) {
            if (!(r >= 0 && r <= 1)) {
                throw new IllegalArgumentException(name + " must be between 0 and 1, was " + r);
            }
            return r;
        }

        /** Taobao app_key and secret; default tb-key / tb-secret. */
        public Builder taobaoApp(String appKey, String secret) {
            this.taobao = new AppCredentials(appKey, secret);
            return this;
        }

        /** JD app_key and secret; default jd-key / jd-secret. */
        public Builder jdApp(String appKey, String secret) {
            this.jd = new AppCredentials(appKey, secret);
            return this;
        }

        /** PDD client_id and client_secret; default pdd-client / pdd-secret. */
        public Builder pddApp(String clientId, String clientSecret) {
            this.pdd = new AppCredentials(clientId, clientSecret);
            return this;
        }

        /** A Taobao big-promotion period: windows touching it may be at most 20 minutes. */
        public Builder promotionPeriod(PromotionPeriod period) {
            this.promotions.add(Objects.requireNonNull(period));
            return this;
        }

        public Builder promotionPeriod(LocalDate firstDay, LocalDate lastDay) {
            return promotionPeriod(PromotionPeriod.days(firstDay, lastDay));
        }

        /** N in TOP's "This ban will last for N more seconds". Default 1. */
        public Builder throttleBanSeconds(int seconds) {
            this.banSeconds = seconds;
            return this;
        }

        /** PDD updates simulated before each further page of a window; 0 turns them off. Default 1. */
        public Builder pddUpdatesPerPage(int updates) {
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
        public Builder timestampTolerance(Clock clock, Duration tolerance) {
            this.clock = Objects.requireNonNull(clock);
            this.timestampTolerance = Objects.requireNonNull(tolerance);
            return this;
        }

        /** Worker threads. Default 4. */
        public Builder threads(int threads) {
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
}
