package io.rebatch.readers.taobao;

import io.rebatch.domain.Platform;
import io.rebatch.domain.PlausibleTimes;
import io.rebatch.readers.api.PullRuntime;
import io.rebatch.readers.platform.Feed;
import io.rebatch.readers.platform.PlatformAdapter;
import io.rebatch.readers.platform.PlatformApi;
import io.rebatch.readers.platform.ReportSignature;
import io.rebatch.readers.platform.SettingsBinder;
import io.rebatch.readers.report.ReportCursor;
import io.rebatch.readers.report.ReportFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Taobao (淘宝联盟): orders ({@code taobao.tbk.order.details.get} pages or the back-office CSV export) and the
 * refund feed ({@code taobao.tbk.relation.refund} pages or its CSV). A file that does not start with {@code {} is
 * read as the CSV of its feed.
 */
public final class TaobaoAdapter implements PlatformAdapter {

    public static final Feed ORDERS = Feed.orders(Platform.TAOBAO);
    public static final Feed REFUNDS = Feed.refundsOf(Platform.TAOBAO);

    @Override
    public Platform platform() {
        return Platform.TAOBAO;
    }

    @Override
    public List<Feed> feeds() {
        return List.of(ORDERS, REFUNDS);
    }

    @Override
    public ReportCursor open(Path file, Feed feed, PlausibleTimes times) {
        boolean refunds = feed.refunds();
        if (!ReportFiles.startsWithBrace(file)) {
            return refunds ? TaobaoRefundCsv.open(file, times) : TaobaoExportCsv.open(file, times);
        }
        return ReportFiles.jsonLines(file, refunds ? TaobaoRefundPages::parse : TaobaoOrderPages::parse, times);
    }

    @Override
    public List<ReportSignature> signatures() {
        return List.of(
                new ReportSignature(ORDERS, List.of("tbk_order_details", "tbk_sc_order_details",
                        "an order row in a refund file"),
                        "not a refund feed: the rows look like a Taobao order report (import it without --refunds)"),
                new ReportSignature(REFUNDS, List.of("tbk_relation_refund", "tbk_sc_relation_refund",
                        "a refund row in an order file"),
                        "not an order report: the rows look like a Taobao refund feed"
                                + " (import it with --platform taobao --refunds)"));
    }

    @Override
    public PlatformApi api(SettingsBinder settings, PullRuntime runtime, Supplier<PlausibleTimes> times) {
        TaobaoSettings s = settings.bind(settingsPrefix(), TaobaoSettings.class);
        return new PlatformApi(s, Map.of(ORDERS, new TaobaoOrderPull(s, runtime, times),
                REFUNDS, new TaobaoRefundPull(s, runtime, times)));
    }
}
