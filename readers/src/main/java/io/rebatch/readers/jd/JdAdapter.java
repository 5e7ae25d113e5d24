package io.rebatch.readers.jd;

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

/** JD (京东联盟): orders from {@code jd.union.open.order.row.query} pages; no export format, no refund feed. */
public final class JdAdapter implements PlatformAdapter {

    public static final Feed ORDERS = Feed.orders(Platform.JD);

    @Override
    public Platform platform() {
        return Platform.JD;
    }

    @Override
    public List<Feed> feeds() {
        return List.of(ORDERS);
    }

    @Override
    public ReportCursor open(Path file, Feed feed, PlausibleTimes times) {
        return ReportFiles.jsonLines(file, JdOrderPages::parse, times);
    }

    @Override
    public List<ReportSignature> signatures() {
        return List.of(new ReportSignature(ORDERS, List.of("jd_union_open"), null));
    }

    @Override
    public PlatformApi api(SettingsBinder settings, PullRuntime runtime, Supplier<PlausibleTimes> times) {
        JdSettings s = settings.bind(settingsPrefix(), JdSettings.class);
        return new PlatformApi(s, Map.of(ORDERS, new JdOrderPull(s, runtime, times)));
    }
}
