package io.rebatch.readers.taobao;

import io.rebatch.readers.api.RetrySettings;
import io.rebatch.readers.api.Secret;
import io.rebatch.readers.api.TimeWindow;
import io.rebatch.readers.api.TopSignMethod;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Test fixture: {@link TaobaoSettings} built field by field (production binds it from the configuration). */
public final class TaobaoSettingsBuilder {
    private URI endpoint;
    private String appKey;
    private Secret appSecret;
    private TopSignMethod signMethod;
    private Duration maxWindow;
    private Duration promotionMaxWindow;
    private List<TimeWindow> promotionPeriods;
    private Integer pageSize;
    private Integer maxPageNo;
    private Duration refundMaxWindow;
    private Integer refundPageSize;
    private List<Integer> refundBizTypes;
    private Double rateCapPerSecond;
    private RetrySettings retry;
    private Duration overlap;

    private TaobaoSettingsBuilder() {
    }

    public TaobaoSettingsBuilder endpoint(URI endpoint) {
        this.endpoint = endpoint;
        return this;
    }

    public TaobaoSettingsBuilder endpoint(String endpoint) {
        return endpoint(URI.create(endpoint));
    }

    public TaobaoSettingsBuilder appKey(String appKey) {
        this.appKey = appKey;
        return this;
    }

    public TaobaoSettingsBuilder appSecret(Secret appSecret) {
        this.appSecret = appSecret;
        return this;
    }

    public TaobaoSettingsBuilder appSecret(String appSecret) {
        return appSecret(Secret.of(appSecret));
    }

    public TaobaoSettingsBuilder signMethod(TopSignMethod signMethod) {
        this.signMethod = signMethod;
        return this;
    }

    public TaobaoSettingsBuilder maxWindow(Duration maxWindow) {
        this.maxWindow = maxWindow;
        return this;
    }

    public TaobaoSettingsBuilder promotionMaxWindow(Duration promotionMaxWindow) {
        this.promotionMaxWindow = promotionMaxWindow;
        return this;
    }

    public TaobaoSettingsBuilder promotionPeriods(List<TimeWindow> periods) {
        this.promotionPeriods = new ArrayList<>(periods);
        return this;
    }

    public TaobaoSettingsBuilder promotionPeriod(TimeWindow period) {
        if (this.promotionPeriods == null) {
            this.promotionPeriods = new ArrayList<>();
        }
        this.promotionPeriods.add(period);
        return this;
    }

    public TaobaoSettingsBuilder pageSize(int pageSize) {
        this.pageSize = pageSize;
        return this;
    }

    public TaobaoSettingsBuilder maxPageNo(int maxPageNo) {
        this.maxPageNo = maxPageNo;
        return this;
    }

    public TaobaoSettingsBuilder refundMaxWindow(Duration refundMaxWindow) {
        this.refundMaxWindow = refundMaxWindow;
        return this;
    }

    public TaobaoSettingsBuilder refundPageSize(int refundPageSize) {
        this.refundPageSize = refundPageSize;
        return this;
    }

    public TaobaoSettingsBuilder refundBizTypes(List<Integer> bizTypes) {
        this.refundBizTypes = new ArrayList<>(bizTypes);
        return this;
    }

    public TaobaoSettingsBuilder rateCapPerSecond(double rateCapPerSecond) {
        this.rateCapPerSecond = rateCapPerSecond;
        return this;
    }

    public TaobaoSettingsBuilder overlap(Duration overlap) {
        this.overlap = overlap;
        return this;
    }

    public TaobaoSettingsBuilder retry(RetrySettings retry) {
        this.retry = retry;
        return this;
    }

    public TaobaoSettings build() {
        return new TaobaoSettings(endpoint, appKey, appSecret, signMethod, maxWindow, promotionMaxWindow,
                promotionPeriods, pageSize, maxPageNo, refundMaxWindow, refundPageSize, refundBizTypes,
                rateCapPerSecond, overlap, retry);
    }

    public static TaobaoSettingsBuilder builder() {
        return new TaobaoSettingsBuilder();
    }

    public static TaobaoSettingsBuilder from(TaobaoSettings s) {
        var b = new TaobaoSettingsBuilder();
        b.endpoint = s.endpoint();
        b.appKey = s.appKey();
        b.appSecret = s.appSecret();
        b.signMethod = s.signMethod();
        b.maxWindow = s.window();
        b.promotionMaxWindow = s.promotionMaxWindow();
        b.promotionPeriods = new ArrayList<>(s.promotionPeriods());
        b.pageSize = s.pageSize();
        b.maxPageNo = s.maxPageNo();
        b.refundMaxWindow = s.refundMaxWindow();
        b.refundPageSize = s.refundPageSize();
        b.refundBizTypes = new ArrayList<>(s.refundBizTypes());
        b.rateCapPerSecond = s.rateCap();
        b.overlap = s.overlap();
        b.retry = s.retry();
        return b;
    }
}
