package io.rebatch.readers.platform;

import io.rebatch.domain.Platform;
import java.util.Objects;

/**
 * A feed of one platform: its orders by update time, or (Taobao) its refunds. The name keys pull job instances
 * and the pull watermark ({@code TAOBAO}, {@code TAOBAO_REFUNDS}, {@code JD}, …); the import kind is the store
 * the rows go to, the same as importing the feed's API dump ({@code ORDERS:TAOBAO}, {@code REFUNDS:TAOBAO}).
 */
public record Feed(String name, Platform platform, boolean refunds) {

    public Feed {
        Objects.requireNonNull(platform, "platform");
        if (name == null || !name.matches("[A-Z][A-Z0-9_]{1,31}")) {
            throw new IllegalArgumentException("invalid feed name '" + name + "'");
        }
    }

    /** The order feed of a platform, named after it. */
    public static Feed orders(Platform platform) {
        return new Feed(platform.code(), platform, false);
    }

    /** The refund feed of a platform, {@code <CODE>_REFUNDS}. */
    public static Feed refundsOf(Platform platform) {
        return new Feed(platform.code() + "_REFUNDS", platform, true);
    }

    /** {@code ORDERS:<CODE>} or {@code REFUNDS:<CODE>}. */
    public String importKind() {
        return (refunds ? "REFUNDS:" : "ORDERS:") + platform.code();
    }

    @Override
    public String toString() {
        return name;
    }
}
