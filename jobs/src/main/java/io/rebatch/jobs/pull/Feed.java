package io.rebatch.jobs.pull;

import io.rebatch.domain.Platform;
import java.util.List;

/** A pulled feed: each platform's orders by update time, plus Taobao's refund feed. */
public enum Feed {
    TAOBAO(Platform.TAOBAO, "ORDERS:TAOBAO"),
    TAOBAO_REFUNDS(Platform.TAOBAO, "REFUNDS:TAOBAO"),
    JD(Platform.JD, "ORDERS:JD"),
    PDD(Platform.PDD, "ORDERS:PDD");

    private final Platform platform;
    private final String importKind;

    Feed(Platform platform, String importKind) {
        this.platform = platform;
        this.importKind = importKind;
    }

    public Platform platform() {
        return platform;
    }

    /** The import kind whose store the pulled rows go to: the same as importing the API dump. */
    public String importKind() {
        return importKind;
    }

    /** The feeds of a platform, or of all platforms when null. */
    public static List<Feed> of(Platform platform) {
        return platform == null ? List.of(values())
                : java.util.Arrays.stream(values()).filter(f -> f.platform == platform).toList();
    }
}
