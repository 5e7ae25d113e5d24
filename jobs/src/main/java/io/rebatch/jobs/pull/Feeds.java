package io.rebatch.jobs.pull;

import io.rebatch.readers.api.OrderPull;
import io.rebatch.readers.api.PullRuntime;
import io.rebatch.readers.api.TimeWindow;
import io.rebatch.readers.api.TopSignMethod;
import io.rebatch.readers.api.jd.JdOrderPull;
import io.rebatch.readers.api.jd.JdSettings;
import io.rebatch.readers.api.pdd.PddOrderPull;
import io.rebatch.readers.api.pdd.PddSettings;
import io.rebatch.readers.api.taobao.TaobaoOrderPull;
import io.rebatch.readers.api.taobao.TaobaoRefundPull;
import io.rebatch.readers.api.taobao.TaobaoSettings;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import io.rebatch.domain.PlausibleTimes;

/** Builds the API client of each feed from {@link PlatformsProperties}, once, on first use. */
public class Feeds {
    private final PlatformsProperties properties;
    private final PullRuntime runtime;
    private final Supplier<PlausibleTimes> times;
    private Map<Feed, OrderPull> pulls;

    public Feeds(PlatformsProperties properties, PullRuntime runtime, Supplier<PlausibleTimes> times) {
        this.properties = properties;
        this.runtime = runtime;
        this.times = times;
    }

    public synchronized OrderPull pull(Feed feed) {
        if (pulls == null) {
            pulls = build();
        }
        return pulls.get(feed);
    }

    /** The configured overlap of a feed's platform. */
    public Duration overlap(Feed feed) {
        return switch (feed.platform()) {
            case TAOBAO -> properties.getTaobao().getOverlap();
            case JD -> properties.getJd().getOverlap();
            case PDD -> properties.getPdd().getOverlap();
        };
    }

    /**
     * Whether the platform's API credentials are configured (app key and secret; PDD: client id and secret). The
     * scheduler pulls only such platforms: one whose reports come in as files has none, and is not an error.
     */
    public boolean credentialsConfigured(io.rebatch.domain.Platform platform) {
        return switch (platform) {
            case TAOBAO -> present(properties.getTaobao().getAppKey()) && present(properties.getTaobao().getAppSecret());
            case JD -> present(properties.getJd().getAppKey()) && present(properties.getJd().getAppSecret());
            case PDD -> present(properties.getPdd().getClientId()) && present(properties.getPdd().getClientSecret());
        };
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    public Duration pullLag() {
        return properties.getPullLag();
    }

    private Map<Feed, OrderPull> build() {
        PlatformsProperties.Taobao t = properties.getTaobao();
        TaobaoSettings.Builder tb = TaobaoSettings.builder().signMethod(TopSignMethod.parse(t.getSignMethod()));
        if (t.getEndpoint() != null) {
            tb.endpoint(t.getEndpoint());
        }
        if (t.getAppKey() != null) {
            tb.appKey(t.getAppKey());
        }
        if (t.getAppSecret() != null) {
            tb.appSecret(t.getAppSecret());
        }
        if (t.getWindow() != null) {
            tb.maxWindow(t.getWindow());
        }
        if (t.getPageSize() != null) {
            tb.pageSize(t.getPageSize());
        }
        if (t.getRateCap() != null) {
            tb.rateCapPerSecond(t.getRateCap());
        }
        for (String period : t.getPromotionPeriods()) {
            String[] p = period.split("/");
            if (p.length != 2) {
                throw new IllegalArgumentException("rebatch.platforms.taobao.promotion-periods: '" + period
                        + "' is not start/end (ISO-8601 with offset)");
            }
            tb.promotionPeriod(new TimeWindow(OffsetDateTime.parse(p[0].trim()).toInstant(),
                    OffsetDateTime.parse(p[1].trim()).toInstant()));
        }
        TaobaoSettings taobao = tb.build();

        PlatformsProperties.Jd j = properties.getJd();
        JdSettings.Builder jb = JdSettings.defaults().toBuilder();
        if (j.getEndpoint() != null) {
            jb.endpoint(j.getEndpoint());
        }
        if (j.getAppKey() != null) {
            jb.appKey(j.getAppKey());
        }
        if (j.getAppSecret() != null) {
            jb.appSecret(j.getAppSecret());
        }
        if (j.getWindow() != null) {
            jb.maxWindow(j.getWindow());
        }
        if (j.getPageSize() != null) {
            jb.pageSize(j.getPageSize());
        }
        if (j.getRateCap() != null) {
            jb.rateCapPerSecond(j.getRateCap());
        }

        PlatformsProperties.Pdd d = properties.getPdd();
        PddSettings.Builder pb = PddSettings.defaults().toBuilder();
        if (d.getEndpoint() != null) {
            pb.endpoint(d.getEndpoint());
        }
        if (d.getClientId() != null) {
            pb.clientId(d.getClientId());
        }
        if (d.getClientSecret() != null) {
            pb.clientSecret(d.getClientSecret());
        }
        if (d.getWindow() != null) {
            pb.maxWindow(d.getWindow());
        }
        if (d.getPageSize() != null) {
            pb.pageSize(d.getPageSize());
        }
        if (d.getRateCap() != null) {
            pb.rateCapPerSecond(d.getRateCap());
        }
        Map<Feed, OrderPull> out = new EnumMap<>(Feed.class);
        out.put(Feed.TAOBAO, new TaobaoOrderPull(taobao, runtime, times));
        out.put(Feed.TAOBAO_REFUNDS, new TaobaoRefundPull(taobao, runtime, times));
        out.put(Feed.JD, new JdOrderPull(jb.build(), runtime, times));
        out.put(Feed.PDD, new PddOrderPull(pb.build(), runtime, times));
        return out;
    }
}
