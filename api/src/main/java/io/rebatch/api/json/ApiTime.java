package io.rebatch.api.json;

import io.rebatch.domain.BusinessTime;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * Instants in responses: ISO-8601 with the Asia/Shanghai offset ({@code 2026-10-12T10:00:00+08:00}), whatever zone
 * the server's JVM runs in, so the app shows the same wall-clock time the platforms and finance see.
 */
public final class ApiTime {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX")
            .withZone(BusinessTime.ZONE);

    private ApiTime() {
    }

    public static String format(Instant t) {
        return t == null ? null : FORMAT.format(t);
    }
}
