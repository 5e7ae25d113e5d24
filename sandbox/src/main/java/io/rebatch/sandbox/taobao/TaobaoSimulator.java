package io.rebatch.sandbox.taobao;

import java.util.Map;
import java.net.URI;
import io.rebatch.domain.taobao.TaobaoRules;
import io.rebatch.domain.BindingKind;
import io.rebatch.domain.Platform;
import io.rebatch.sandbox.AbstractPlatformSimulator;
import io.rebatch.sandbox.generator.DayFile;
import io.rebatch.sandbox.generator.GenerationContext;
import io.rebatch.sandbox.generator.LineDraws;
import io.rebatch.sandbox.generator.OrderDraft;
import io.rebatch.sandbox.generator.OrderLines;
import io.rebatch.sandbox.generator.ScenarioFiles;
import io.rebatch.sandbox.generator.SeedMath;
import io.rebatch.sandbox.generator.Snapshot;
import io.rebatch.sandbox.generator.TrackingKind;
import io.rebatch.sandbox.server.AppCredentials;
import io.rebatch.sandbox.server.Gateway;
import io.rebatch.sandbox.server.ServerContext;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Taobao (淘宝联盟) in the sandbox: {@code relation_id} and {@code special_id} bindings, item ids that
 * are numbers or 33-character tokens, 45 % of the lines, orders of up to three lines, day files
 * {@code taobao-D.jsonl} (TOP order pages, 3-hour windows, 20 rows a page) or, on
 * {@link io.rebatch.sandbox.generator.ScenarioSpec#taobaoExportDays()}, the back-office export
 * {@code taobao-D.csv}, then {@code taobao-refunds-D.jsonl} on days with refund updates; the TOP
 * gateway at {@code /router/rest}.
 */
public final class TaobaoSimulator extends AbstractPlatformSimulator {
    public static final int PAGE_SIZE = 20;
    public static final int REFUND_PAGE_SIZE = 20;
    /** Keys the seeded request ids of the refund dumps (the order dumps use {@link #order()}). */
    private static final long REFUND_REQUEST_STREAM = 99;
    private static final int[] RATES_BPS = {150, 300, 500, 800, 1200, 2000, 3000};

    public TaobaoSimulator() {
        super(Platform.TAOBAO, 0, 45, true, Duration.ofHours(3), "/router/rest",
                new AppCredentials("tb-key", "tb-secret"));
    }

    @Override
    public List<TrackingKind> trackingKinds() {
        return List.of(new TrackingKind(TaobaoRules.RELATION_ID, 55, TrackingKind.tenDigits(), true),
                new TrackingKind(TaobaoRules.SPECIAL_ID, 20, TrackingKind.tenDigits(), false));
    }

    @Override
    public String drawItemId(SplittableRandom r) {
        return r.nextInt(100) < 45 ? SeedMath.token(r, 33) : LineDraws.twelveDigitId(r);
    }

    @Override
    public int drawItemRate(SplittableRandom r) {
        return RATES_BPS[r.nextInt(RATES_BPS.length)];
    }

    @Override
    public OrderLines startOrder(OrderDraft order, SplittableRandom r, GenerationContext ctx) {
        return new TaobaoLines(order, r, ctx);
    }

    @Override
    public List<DayFile> writeOrderFiles(ScenarioFiles files, LocalDate day, List<List<Snapshot>> windows)
            throws IOException {
        if (files.generator().spec().taobaoExportDays().contains(day)) {
            String name = ScenarioFiles.code(this) + "-" + day + ".csv";
            TaobaoExportWriter.write(windows, files.in(name));
            return List.of(new DayFile(name, "import --platform " + ScenarioFiles.code(this) + " in/" + name));
        }
        return List.of(files.writeApiDump(this, day, windows, PAGE_SIZE, (slice, page, more, total, req) ->
                TaobaoJson.orderPage(slice.stream().map(s -> (TaobaoOrderRow) s.row()).toList(), page > 1, more,
                        page, PAGE_SIZE, TaobaoJson.positionIndex(slice), TaobaoJson.requestId(req))));
    }

    /** {@code taobao-refunds-D.jsonl}: TOP relation.refund pages of the day's refund updates, if any. */
    @Override
    public List<DayFile> writeFollowUpFiles(ScenarioFiles files, LocalDate day) throws IOException {
        List<Snapshot> rows = files.refundEmission(day);
        if (rows.isEmpty()) {
            return List.of();
        }
        String name = ScenarioFiles.code(this) + "-refunds-" + day + ".jsonl";
        SplittableRandom req = files.requestIds(REFUND_REQUEST_STREAM, day);
        try (Writer w = ScenarioFiles.writer(files.in(name), StandardCharsets.UTF_8)) {
            int pagesCount = (rows.size() + REFUND_PAGE_SIZE - 1) / REFUND_PAGE_SIZE;
            for (int page = 1; page <= pagesCount; page++) {
                List<Snapshot> slice = rows.subList((page - 1) * REFUND_PAGE_SIZE, Math.min(rows.size(), page * REFUND_PAGE_SIZE));
                w.write(TaobaoJson.refundPage(slice.stream().map(s -> (TaobaoRefundRow) s.row()).toList(), page,
                        REFUND_PAGE_SIZE, rows.size(), TaobaoJson.requestId(req)));
                w.write('\n');
            }
        }
        return List.of(new DayFile(name, "import --platform " + ScenarioFiles.code(this) + " --refunds in/" + name));
    }

    @Override
    public Gateway gateway(ServerContext ctx) {
        return new TaobaoGateway(ctx);
    }

    @Override
    public Map<String, String> clientSettings(URI endpoint, AppCredentials app) {
        return Map.of("endpoint", endpoint.toString(), "app-key", app.key(), "app-secret", app.secret());
    }
}
