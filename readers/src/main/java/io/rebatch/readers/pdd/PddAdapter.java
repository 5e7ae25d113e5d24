package io.rebatch.readers.pdd;

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

/** Pinduoduo (多多进宝): orders from {@code pdd.ddk.order.list.increment.get} pages; no export format, no refund feed. */
public final class PddAdapter implements PlatformAdapter {

    public static final Feed ORDERS = Feed.orders(Platform.PDD);

    @Override
    public Platform platform() {
        return Platform.PDD;
    }

    @Override
    public List<Feed> feeds() {
        return List.of(ORDERS);
    }

    @Override
    public ReportCursor open(Path file, Feed feed, PlausibleTimes times) {
        return ReportFiles.jsonLines(file, PddOrderPages::parse, times);
    }

    @Override
    public List<ReportSignature> signatures() {
        return List.of(new ReportSignature(ORDERS, List.of("order_list_get_response", "pdd.ddk"), null));
    }

    @Override
    public PlatformApi api(SettingsBinder settings, PullRuntime runtime, Supplier<PlausibleTimes> times) {
        PddSettings s = settings.bind(settingsPrefix(), PddSettings.class);
        return new PlatformApi(s, Map.of(ORDERS, new PddOrderPull(s, runtime, times)));
    }
}
