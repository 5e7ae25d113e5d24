package io.rebatch.sandbox;

import io.rebatch.domain.Platform;
import io.rebatch.sandbox.generator.LineDraws;
import io.rebatch.sandbox.server.AppCredentials;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * A {@link PlatformSimulator} whose plain facts are given once, to the constructor; item ids are
 * 12-digit numbers and promotion positions 11-digit numbers unless a platform says otherwise.
 */
public abstract class AbstractPlatformSimulator implements PlatformSimulator {
    private final Platform platform;
    private final int order;
    private final int lineSharePercent;
    private final boolean multiLineOrders;
    private final Duration dumpWindow;
    private final String gatewayPath;
    private final AppCredentials defaultCredentials;

    /** See the methods of {@link PlatformSimulator} of the same names. */
    protected AbstractPlatformSimulator(Platform platform, int order, int lineSharePercent, boolean multiLineOrders,
                                        Duration dumpWindow, String gatewayPath, AppCredentials defaultCredentials) {
        this.platform = platform;
        this.order = order;
        this.lineSharePercent = lineSharePercent;
        this.multiLineOrders = multiLineOrders;
        this.dumpWindow = dumpWindow;
        this.gatewayPath = gatewayPath;
        this.defaultCredentials = defaultCredentials;
    }

    @Override
    public final Platform platform() {
        return platform;
    }

    @Override
    public final int order() {
        return order;
    }

    @Override
    public final int lineSharePercent() {
        return lineSharePercent;
    }

    @Override
    public final boolean multiLineOrders() {
        return multiLineOrders;
    }

    @Override
    public final Duration dumpWindow() {
        return dumpWindow;
    }

    @Override
    public final String gatewayPath() {
        return gatewayPath;
    }

    @Override
    public final AppCredentials defaultCredentials() {
        return defaultCredentials;
    }

    @Override
    public String drawItemId(SplittableRandom r) {
        return LineDraws.twelveDigitId(r);
    }

    @Override
    public String drawPid(SplittableRandom r) {
        return LineDraws.elevenDigitId(r);
    }
}
