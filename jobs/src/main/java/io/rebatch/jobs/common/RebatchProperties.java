package io.rebatch.jobs.common;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Operator settings under {@code rebatch.*} (config/application.yml or environment variables).
 *
 * @param configDir       the config directory holding {@code rules/*.yml}
 * @param reportsDir      where per-run report CSVs are written
 * @param importSkipLimit bad rows tolerated per imported file before the import fails, nothing of it visible
 * @param chunkSize       items per chunk transaction in import and settle steps
 */
@ConfigurationProperties("rebatch")
public record RebatchProperties(
        @DefaultValue("config") Path configDir,
        @DefaultValue("reports") Path reportsDir,
        @DefaultValue("1000") int importSkipLimit,
        @DefaultValue("1000") int chunkSize) {
}
