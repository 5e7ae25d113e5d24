package io.rebatch.sandbox.pdd;

import java.util.Map;
import java.net.URI;
import io.rebatch.domain.pdd.PddRules;
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
 * Pinduoduo (多多进宝) in the sandbox: uids in {@code custom_parameters} (10 hex digits), promotion
 * positions {@code <6 digits>_<8 digits>}, 25 % of the lines, one line an order, day files
 * {@code pdd-D.jsonl} (order.list.increment.get pages, one 24-hour window, 100 rows a page), the
 * gateway at {@code /api/router} with updates while a client pages.
 */
public final class PddSimulator extends AbstractPlatformSimulator {
    public static final int PAGE_SIZE = 100;
    static final TrackingKind.Shape UID = TrackingKind.hex("", 10);
    private static final int[] RATES_PERMILLE = {15, 30, 50, 80, 120, 150, 200, 300};

    public PddSimulator() {
        super(Platform.PDD, 2, 25, false, Duration.ofHours(24), "/api/router",
                new AppCredentials("pdd-client", "pdd-secret"));
    }

    @Override
    public List<TrackingKind> trackingKinds() {
        return List.of(new TrackingKind(PddRules.CUSTOM_PARAMETERS_UID, 50, UID, true));
    }

    @Override
    public int drawItemRate(SplittableRandom r) {
        return RATES_PERMILLE[r.nextInt(RATES_PERMILLE.length)];
    }

    @Override
    public String drawPid(SplittableRandom r) {
        return (100_000 + r.nextInt(900_000)) + "_" + (10_000_000 + r.nextInt(90_000_000));
    }

    @Override
    public OrderLines startOrder(OrderDraft order, SplittableRandom r, GenerationContext ctx) {
        return new PddLines(order, r, ctx);
    }

    @Override
    public List<DayFile> writeOrderFiles(ScenarioFiles files, LocalDate day, List<List<Snapshot>> windows)
            throws IOException {
        return List.of(files.writeApiDump(this, day, windows, PAGE_SIZE, (slice, page, more, total, req) ->
                PddJson.orderPage(slice.stream().map(s -> (PddOrderRow) s.row()).toList(), (long) total,
                        PddJson.requestId(req))));
    }

    @Override
    public Gateway gateway(ServerContext ctx) {
        return new PddGateway(ctx);
    }

    @Override
    public Map<String, String> clientSettings(URI endpoint, AppCredentials app) {
        return Map.of("endpoint", endpoint.toString(), "client-id", app.key(), "client-secret", app.secret());
    }
}
