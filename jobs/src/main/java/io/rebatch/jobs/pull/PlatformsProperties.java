package io.rebatch.jobs.pull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code rebatch.platforms.*}: where and how to pull each platform, set in {@code <config>/application.yml} or as
 * environment variables with relaxed binding (e.g. {@code REBATCH_PLATFORMS_TAOBAO_APP_SECRET}). Secrets only come
 * from there; {@link #toString()} of every part masks them. Unset values keep the client's defaults (the real
 * gateways, the platforms' maximum windows and page sizes).
 */
@ConfigurationProperties("rebatch.platforms")
public class PlatformsProperties {
    /** How long before the end of a day or now a pull stops, so late-indexed updates are not missed. */
    private Duration pullLag = Duration.ofMinutes(5);
    private final Taobao taobao = new Taobao();
    private final Jd jd = new Jd();
    private final Pdd pdd = new Pdd();

    public Duration getPullLag() {
        return pullLag;
    }

    public void setPullLag(Duration pullLag) {
        this.pullLag = pullLag;
    }

    public Taobao getTaobao() {
        return taobao;
    }

    public Jd getJd() {
        return jd;
    }

    public Pdd getPdd() {
        return pdd;
    }

    /** Settings every platform has. */
    public static class Common {
        private String endpoint;
        private Duration window;
        private Integer pageSize;
        /** Pulls start this much before the day (or the watermark), so an update indexed late is still seen. */
        private Duration overlap = Duration.ofMinutes(30);
        /** Requests per second, at most. */
        private Double rateCap;

        public String getEndpoint() {
            return endpoint;
        }

        public void setEndpoint(String endpoint) {
            this.endpoint = endpoint;
        }

        public Duration getWindow() {
            return window;
        }

        public void setWindow(Duration window) {
            this.window = window;
        }

        public Integer getPageSize() {
            return pageSize;
        }

        public void setPageSize(Integer pageSize) {
            this.pageSize = pageSize;
        }

        public Duration getOverlap() {
            return overlap;
        }

        public void setOverlap(Duration overlap) {
            this.overlap = overlap;
        }

        public Double getRateCap() {
            return rateCap;
        }

        public void setRateCap(Double rateCap) {
            this.rateCap = rateCap;
        }
    }

    public static class Taobao extends Common {
        private String appKey;
        private String appSecret;
        private String signMethod = "md5";
        /** Big promotions (618, Double 11), as ISO-8601 instants "start/end"; windows there are at most 20 minutes. */
        private List<String> promotionPeriods = new ArrayList<>();

        public String getAppKey() {
            return appKey;
        }

        public void setAppKey(String appKey) {
            this.appKey = appKey;
        }

        public String getAppSecret() {
            return appSecret;
        }

        public void setAppSecret(String appSecret) {
            this.appSecret = appSecret;
        }

        public String getSignMethod() {
            return signMethod;
        }

        public void setSignMethod(String signMethod) {
            this.signMethod = signMethod;
        }

        public List<String> getPromotionPeriods() {
            return promotionPeriods;
        }

        public void setPromotionPeriods(List<String> promotionPeriods) {
            this.promotionPeriods = promotionPeriods;
        }

        @Override
        public String toString() {
            return "Taobao[endpoint=" + getEndpoint() + ", appKey=" + appKey + ", appSecret=" + (appSecret == null ? "unset" : "***") + "]";
        }
    }

    public static class Jd extends Common {
        private String appKey;
        private String appSecret;

        public String getAppKey() {
            return appKey;
        }

        public void setAppKey(String appKey) {
            this.appKey = appKey;
        }

        public String getAppSecret() {
            return appSecret;
        }

        public void setAppSecret(String appSecret) {
            this.appSecret = appSecret;
        }

        @Override
        public String toString() {
            return "Jd[endpoint=" + getEndpoint() + ", appKey=" + appKey + ", appSecret=" + (appSecret == null ? "unset" : "***") + "]";
        }
    }

    public static class Pdd extends Common {
        private String clientId;
        private String clientSecret;

        public String getClientId() {
            return clientId;
        }

        public void setClientId(String clientId) {
            this.clientId = clientId;
        }

        public String getClientSecret() {
            return clientSecret;
        }

        public void setClientSecret(String clientSecret) {
            this.clientSecret = clientSecret;
        }

        @Override
        public String toString() {
            return "Pdd[endpoint=" + getEndpoint() + ", clientId=" + clientId + ", clientSecret=" + (clientSecret == null ? "unset" : "***") + "]";
        }
    }
}
