package io.rebatch.domain;

import java.util.Locale;

/** The affiliate platforms rebatch settles. The name is the stored and exported code. */
public enum Platform {
    TAOBAO, JD, PDD;

    /** Parses {@code taobao}, {@code TAOBAO}, {@code jd}, {@code pdd} …; anything else is a clear error. */
    public static Platform parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("platform is missing (expected taobao, jd or pdd)");
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown platform '" + text + "' (expected taobao, jd or pdd)");
        }
    }
}
