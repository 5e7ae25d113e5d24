package io.rebatch.douyin;

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

/** The fake platform's adapter: one order feed, API dumps only. */
public final class DouyinAdapter implements PlatformAdapter {

    public static final Feed ORDERS = Feed.orders(DouyinRules.DOUYIN);

    @Override
    public Platform platform() {
        return DouyinRules.DOUYIN;
    }

    @Override
    public List<Feed> feeds() {
        return List.of(ORDERS);
    }

    @Override
    public ReportCursor open(Path file, Feed feed, PlausibleTimes times) {
        return ReportFiles.jsonLines(file, DouyinPages::parse, times);
    }

    @Override
    public List<ReportSignature> signatures() {
        return List.of(new ReportSignature(ORDERS, List.of("douyin_order_list"), null));
    }

    @Override
    public PlatformApi api(SettingsBinder settings, PullRuntime runtime, Supplier<PlausibleTimes> times) {
        DouyinSettings s = settings.bind(settingsPrefix(), DouyinSettings.class);
        return new PlatformApi(s, Map.of(ORDERS, new DouyinOrderPull(s, runtime, times)));
    }
}
