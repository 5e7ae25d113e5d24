package io.rebatch.readers.api;

import java.util.Locale;

/** TOP's {@code sign_method} values. */
public enum TopSignMethod {
    MD5("md5"), HMAC("hmac"), HMAC_SHA256("hmac-sha256");

    private final String wire;

    TopSignMethod(String wire) {
        this.wire = wire;
    }

    /** The value sent as {@code sign_method}. */
    public String wire() {
        return wire;
    }

    /** Parses {@code md5}, {@code hmac}, {@code hmac-sha256} (also the enum names); anything else is a clear error. */
    public static TopSignMethod parse(String text) {
        if (text != null) {
            String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
            for (TopSignMethod m : values()) {
                if (m.wire.equals(t)) {
                    return m;
                }
            }
        }
        throw new IllegalArgumentException("unknown Taobao sign-method '" + text + "' (expected md5, hmac or hmac-sha256)");
    }
}
