package io.rebatch.sandbox.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.rebatch.domain.Platform;
import io.rebatch.sandbox.PlatformSimulator;
import io.rebatch.sandbox.Simulators;
import io.rebatch.sandbox.generator.ScenarioGenerator;
import io.rebatch.sandbox.generator.Snapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One HTTP server that plays every registered platform ({@link Simulators}) on top of a generated
 * scenario, each at its real gateway path ({@link PlatformSimulator#gatewayPath()}: Taobao
 * {@code /router/rest}, JD {@code /routerjson}, Pinduoduo {@code /api/router}); POST
 * form-urlencoded or GET query, as the real ones.
 *
 * <p><b>What it owns</b>: routing, seeded fault injection (HTTP 5xx at {@code errorRate}; the
 * throttling decision at {@code throttleRate}, answered by the gateway in its platform's words),
 * per-platform {@link CounterSnapshot counters} plus a log of every row served. Each platform's
 * request checking, paging, error envelopes and simulated behaviour are its {@link Gateway}'s; which
 * rules are the platforms' (platforms.md) and which are the sandbox's own choices is written in each
 * gateway's javadoc.
 *
 * <p><b>What it never does</b>: compute settlement, balances or attribution; the data is the
 * generator's, served as the platforms would serve it.
 *
 * <pre>{@code
 * try (SandboxServer s = SandboxServer.builder().port(0).seed(7).orders(2000)
 *         .from(LocalDate.of(2026, 11, 1)).to(LocalDate.of(2026, 11, 30))
 *         .throttleRate(0.05).errorRate(0.02).build().start()) {
 *     URI taobao = s.url(Platform.TAOBAO);   // http://127.0.0.1:<port>/router/rest
 * }
 * }</pre>
 */
public final class SandboxServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SandboxServer.class);

    static {
        // The JDK server writes headers and body separately; with Nagle on, every answer waits for
        // the client's delayed ACK (~40 ms). Must be set before the server classes load.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final SandboxServerBuilder settings;
    private final ScenarioGenerator generator;
    private final ServerContext ctx;
    private final Map<Platform, Gateway> gateways = new HashMap<>();
    private HttpServer http;
    private ExecutorService executor;

    SandboxServer(SandboxServerBuilder b, ScenarioGenerator generator) {
        this.settings = b;
        this.generator = generator;
        Map<Platform, AppCredentials> apps = new HashMap<>();
        for (PlatformSimulator sim : generator.simulators()) {
            apps.put(sim.platform(), b.apps.getOrDefault(sim.platform(), sim.defaultCredentials()));
        }
        this.ctx = new ServerContext(generator, apps, b.promotions, b.banSeconds, b.pddUpdatesPerPage, b.clock,
                b.timestampTolerance, b.seed, b.throttleRate, b.errorRate);
        for (PlatformSimulator sim : generator.simulators()) {
            gateways.put(sim.platform(), sim.gateway(ctx));
        }
    }

    public static SandboxServerBuilder builder() {
        return new SandboxServerBuilder();
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
        List<String> paths = new ArrayList<>();
        for (PlatformSimulator sim : generator.simulators()) {
            http.createContext(sim.gatewayPath(), ex -> serve(ex, sim.platform()));
            paths.add(sim.gatewayPath());
        }
        String tryPaths = paths.size() < 2 ? String.join("", paths)
                : String.join(", ", paths.subList(0, paths.size() - 1)) + " or " + paths.get(paths.size() - 1);
        http.createContext("/", ex -> send(ex, new GatewayReply(404, "text/plain;charset=UTF-8",
                "no such gateway path; try " + tryPaths)));
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

    /** The platform's gateway URL, e.g. {@code http://127.0.0.1:<port>/router/rest}. */
    public URI url(Platform platform) {
        return baseUrl().resolve(Simulators.of(platform).gatewayPath());
    }

    public ScenarioGenerator generator() {
        return generator;
    }

    /**
     * The properties that point rebatch at this server, every simulated platform's
     * ({@code rebatch.platforms.<code>.endpoint} and its credentials).
     */
    public Map<String, String> clientProperties() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (PlatformSimulator s : Simulators.all()) {
            String prefix = "rebatch.platforms." + s.platform().code().toLowerCase(java.util.Locale.ROOT) + ".";
            s.clientSettings(url(s.platform()), credentials(s.platform())).forEach((k, v) -> out.put(prefix + k, v));
        }
        return out;
    }

    public AppCredentials credentials(Platform platform) {
        return ctx.app(platform);
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
        for (PlatformSimulator sim : generator.simulators()) {
            all.addAll(ctx.served(sim.platform()));
        }
        return all;
    }

    /** Zeroes the counters and empties the served log (simulated PDD updates stay). */
    public void resetCounters() {
        ctx.clear();
    }

    /**
     * What an update-time query of the platform for {@code [from, to)} holds right now: for
     * Pinduoduo the real snapshots minus those superseded by simulated updates, plus the simulated
     * ones; sorted as served.
     */
    public List<Snapshot> window(Platform platform, Instant from, Instant to) {
        return gateways.get(platform).window(from, to);
    }

    private void serve(HttpExchange ex, Platform platform) {
        try {
            long requestNo = ctx.counters(platform).requests.incrementAndGet();
            Map<String, String> params = RequestParams.of(ex);
            Faults.Decision fault = ctx.faults.next(platform);
            GatewayReply reply;
            if (fault.serverError()) {
                ctx.counters(platform).errors.incrementAndGet();
                int status = new int[]{500, 502, 503, 504}[fault.kind() % 4];
                reply = new GatewayReply(status, "text/html;charset=UTF-8",
                        "<html><head><title>" + status + "</title></head><body><center><h1>" + status
                                + "</h1></center><hr><center>Tengine</center></body></html>");
            } else {
                reply = gateways.get(platform).handle(params, requestNo, fault);
            }
            send(ex, reply);
        } catch (RuntimeException | IOException e) {
            log.warn("sandbox request failed platform={} uri={}", platform, ex.getRequestURI(), e);
            try {
                send(ex, new GatewayReply(500, "text/plain;charset=UTF-8", "sandbox error: " + e));
            } catch (IOException ignored) {
                // the client went away
            }
        }
    }

    private static void send(HttpExchange ex, GatewayReply reply) throws IOException {
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", reply.contentType());
        ex.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(body);
        }
    }
}
