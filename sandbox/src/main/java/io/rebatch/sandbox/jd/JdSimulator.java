package io.rebatch.sandbox.jd;

import java.util.Map;
import java.net.URI;
import io.rebatch.domain.jd.JdRules;
import io.rebatch.domain.BindingKind;
import io.rebatch.domain.Platform;
import io.rebatch.sandbox.AbstractPlatformSimulator;
import io.rebatch.sandbox.generator.DayFile;
import io.rebatch.sandbox.generator.GenerationContext;
import io.rebatch.sandbox.generator.OrderDraft;
import io.rebatch.sandbox.generator.OrderLines;
import io.rebatch.sandbox.generator.ScenarioFiles;
import io.rebatch.sandbox.generator.Snapshot;
import io.rebatch.sandbox.generator.TrackingKind;
import io.rebatch.sandbox.server.AppCredentials;
import io.rebatch.sandbox.server.Gateway;
import io.rebatch.sandbox.server.ServerContext;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * JD (京东联盟) in the sandbox: {@code subUnionId} bindings ({@code rb} + 8 hex digits), 30 % of the
 * lines, orders of up to three lines, day files {@code jd-D.jsonl} (order.row.query pages, 1-hour
 * windows, 100 rows a page), the JOS gateway at {@code /routerjson}.
 */
public final class JdSimulator extends AbstractPlatformSimulator {
    public static final int PAGE_SIZE = 100;
    static final TrackingKind.Shape SUB_UNION_ID = TrackingKind.hex("rb", 8);
    private static final int[] RATES_BPS = {100, 200, 300, 500, 800, 1000, 1200, 1500, 2000, 3000};

    public JdSimulator() {
        super(Platform.JD, 1, 30, true, Duration.ofHours(1), "/routerjson",
                new AppCredentials("jd-key", "jd-secret"));
    }

    @Override
    public List<TrackingKind> trackingKinds() {
        return List.of(new TrackingKind(JdRules.SUB_UNION_ID, 50, SUB_UNION_ID, true));
    }

    @Override
    public int drawItemRate(SplittableRandom r) {
        return RATES_BPS[r.nextInt(RATES_BPS.length)];
    }

    @Override
    public OrderLines startOrder(OrderDraft order, SplittableRandom r, GenerationContext ctx) {
        return new JdLines(order, r, ctx);
    }

    @Override
    public List<DayFile> writeOrderFiles(ScenarioFiles files, LocalDate day, List<List<Snapshot>> windows)
            throws IOException {
        return List.of(files.writeApiDump(this, day, windows, PAGE_SIZE, (slice, page, more, total, req) ->
                JdJson.orderPage(slice.stream().map(s -> (JdOrderRow) s.row()).toList(), more, JdJson.requestId(req))));
    }

    @Override
    public Gateway gateway(ServerContext ctx) {
        return new JdGateway(ctx);
    }

    @Override
    public Map<String, String> clientSettings(URI endpoint, AppCredentials app) {
        return Map.of("endpoint", endpoint.toString(), "app-key", app.key(), "app-secret", app.secret());
    }
}
